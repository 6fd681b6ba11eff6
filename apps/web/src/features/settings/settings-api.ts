import type { AgentProfile, AlertEvent, AlertRule, BusinessCalendar, QueueConfig } from '@plancia/contracts';

export interface QueueEntry {
  config: QueueConfig;
  version: number;
  configured: boolean;
}

export type ResourcePath = 'queues' | 'calendars' | 'alert-rules' | 'agents';

/** `If-Match: "0"` asks the server to create only: a second entry with the same id answers 412. */
export const CREATE_ONLY = 0;

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function request<T>(method: string, path: string, token: string, body?: unknown, version?: number): Promise<{ data: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (version !== undefined) headers['if-match'] = `"${version}"`;
  const response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const data = (await response.json().catch(() => null)) as T & { message?: string };
  if (!response.ok) throw new ApiError(response.status, data?.message ?? response.statusText);
  return { data, headers: response.headers };
}

const list = <T>(path: ResourcePath) => (token: string) => request<T[]>('GET', `/api/v1/${path}`, token).then((r) => r.data);
const one = (path: ResourcePath, id: string) => `/api/v1/${path}/${encodeURIComponent(id)}`;

export const settingsApi = {
  queues: list<QueueEntry>('queues'),
  calendars: list<BusinessCalendar>('calendars'),
  rules: list<AlertRule>('alert-rules'),
  agents: list<AgentProfile>('agents'),
  /** `version` makes the write conditional (412 when the entry changed meanwhile); without it the write is unconditional. */
  async put(path: ResourcePath, id: string, body: unknown, token: string, version?: number) {
    const { headers } = await request('PUT', one(path, id), token, body, version);
    return { replayed: Number(headers.get('plancia-replayed') ?? 0) };
  },
  remove: (path: ResourcePath, id: string, token: string) => request('DELETE', one(path, id), token).then(() => undefined),
  preview: (rule: AlertRule, token: string) =>
    request<{ transitions: AlertEvent[] }>('POST', '/api/v1/alert-rules/preview', token, rule).then((r) => r.data.transitions),
};
