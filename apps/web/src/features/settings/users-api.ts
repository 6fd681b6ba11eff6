import type { CreateUserRequest, UserSummary } from '@plancia/contracts';

/** What the server said when it refused: its message names the field first (`agentId: required for the role agent`). */
export class UserRefusal extends Error {
  /** The request field the message names, if it names one. */
  readonly field: string | undefined;
  constructor(message: string) {
    super(message);
    this.field = /^(\w+):/.exec(message)?.[1];
  }
}

async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const data = (await response.json().catch(() => null)) as (T & { message?: string }) | null;
  if (!response.ok) throw new UserRefusal(data?.message ?? response.statusText);
  return data as T;
}

/** Local users, for administrators (the session cookie, or the admin token typed on the settings page). */
export const usersApi = {
  list: (token: string) => call<{ users: UserSummary[] }>('GET', '/api/v1/users', token).then((r) => r.users),
  create: (body: CreateUserRequest, token: string) => call<UserSummary>('POST', '/api/v1/users', token, body),
  remove: (username: string, token: string) => call<null>('DELETE', `/api/v1/users/${encodeURIComponent(username)}`, token),
};
