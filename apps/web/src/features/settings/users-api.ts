import type { CreateUserRequest, UpdateUserRequest, UserSummary } from '@plancia/contracts';

/**
 * What the server said when it refused: its message names the field first (`agentId: required for the role agent`,
 * `scope/queues: outside your scope`), or the contract's check lists the paths it refused (`/role`).
 */
export class UserRefusal extends Error {
  /** The top-level request field the refusal names, if it names one. */
  readonly field: string | undefined;
  constructor(message: string, details: readonly { path?: string }[] = []) {
    super(message);
    this.field = /^(\w+)[/\w]*:/.exec(message)?.[1] ?? /^\/(\w+)/.exec(details[0]?.path ?? '')?.[1];
  }
}

async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const data = (await response.json().catch(() => null)) as (T & { message?: string; details?: { path?: string }[] }) | null;
  if (!response.ok) throw new UserRefusal(data?.message ?? response.statusText, data?.details);
  return data as T;
}

/** Local users, for administrators (the session cookie, or the admin token typed on the settings page). */
export const usersApi = {
  list: (token: string) => call<{ users: UserSummary[] }>('GET', '/api/v1/users', token).then((r) => r.users),
  create: (body: CreateUserRequest, token: string) => call<UserSummary>('POST', '/api/v1/users', token, body),
  update: (username: string, body: UpdateUserRequest, token: string) => call<UserSummary>('PATCH', `/api/v1/users/${encodeURIComponent(username)}`, token, body),
  remove: (username: string, token: string) => call<null>('DELETE', `/api/v1/users/${encodeURIComponent(username)}`, token),
};
