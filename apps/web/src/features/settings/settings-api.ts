import type {
  AgentProfile, AlertRule, BusinessCalendar, ConfigDocument, ConfigPatch, ConfigResourcePath, QueueListEntry, RulePreview,
} from '@plancia/contracts';

/** A row of the queue list: the contract's, as the server answers it. */
export type QueueEntry = QueueListEntry;

export type ResourcePath = ConfigResourcePath;

/** `If-Match: "0"` asks the server to create only: a second entry with the same id answers 412. */
export const CREATE_ONLY = 0;

/** A field the server refused, named by its JSON pointer within the entry (`/kpiTargets/csat/critical`). */
export interface RefusedField { path: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly details: readonly RefusedField[] = []) {
    super(message);
  }
}

async function request<T>(method: string, path: string, token: string, body?: unknown, version?: number): Promise<{ data: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (version !== undefined) headers['if-match'] = `"${version}"`;
  const response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const data = (await response.json().catch(() => null)) as T & { message?: string; details?: RefusedField[] };
  if (!response.ok) throw new ApiError(response.status, data?.message ?? response.statusText, data?.details ?? []);
  return { data, headers: response.headers };
}

const list = <T>(path: ResourcePath) => (token: string) => request<T[]>('GET', `/api/v1/${path}`, token).then((r) => r.data);
const one = (path: ResourcePath, id: string) => `/api/v1/${path}/${encodeURIComponent(id)}`;

export const settingsApi = {
  queues: list<QueueEntry>('queues'),
  calendars: list<BusinessCalendar>('calendars'),
  rules: list<AlertRule>('alert-rules'),
  agents: list<AgentProfile>('agents'),
  /** The centre-wide engine settings, from the configuration document (absent: the server runs on the defaults). */
  settings: (token: string) => request<ConfigDocument>('GET', '/api/v1/config', token).then((r) => r.data.settings),
  /**
   * `body` is laid over the stored entry (the contract's merge patch: `null` removes a key). `version` makes the write
   * conditional (412 when the entry changed meanwhile); without it the write is unconditional.
   */
  async put<P extends ResourcePath>(path: P, id: string, body: ConfigPatch<P>, token: string, version?: number) {
    const { headers } = await request('PUT', one(path, id), token, body, version);
    return { replayed: Number(headers.get('plancia-replayed') ?? 0) };
  },
  remove: (path: ResourcePath, id: string, token: string) => request('DELETE', one(path, id), token).then(() => undefined),
  preview: (rule: AlertRule, token: string) =>
    request<RulePreview>('POST', '/api/v1/alert-rules/preview', token, rule).then((r) => r.data.transitions),
};
