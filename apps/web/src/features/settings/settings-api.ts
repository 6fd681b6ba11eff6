import type { AlertEvent, AlertRule, BusinessCalendar, QueueConfig } from '@plancia/contracts';

export interface QueueEntry {
  config: QueueConfig;
  version: number;
  configured: boolean;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function request<T>(method: string, path: string, token: string, body?: unknown, version?: number): Promise<{ data: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (version !== undefined && version > 0) headers['if-match'] = `"${version}"`;
  const response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const data = (await response.json().catch(() => null)) as T & { message?: string };
  if (!response.ok) throw new ApiError(response.status, data?.message ?? response.statusText);
  return { data, headers: response.headers };
}

export const settingsApi = {
  queues: (token: string) => request<QueueEntry[]>('GET', '/api/v1/queues', token).then((r) => r.data),
  calendars: (token: string) => request<BusinessCalendar[]>('GET', '/api/v1/calendars', token).then((r) => r.data),
  rules: (token: string) => request<AlertRule[]>('GET', '/api/v1/alert-rules', token).then((r) => r.data),
  async put(path: string, id: string, body: unknown, token: string, version?: number) {
    const { headers } = await request('PUT', `/api/v1/${path}/${encodeURIComponent(id)}`, token, body, version);
    return { replayed: Number(headers.get('plancia-replayed') ?? 0) };
  },
  preview: (rule: AlertRule, token: string) =>
    request<{ transitions: AlertEvent[] }>('POST', '/api/v1/alert-rules/preview', token, rule).then((r) => r.data.transitions),
};
