import type { AlertEvent } from '@plancia/contracts';
import type {
  AcknowledgeRequest, AlertList, AssigneeList, AlertListQuery, AlertStats, AlertStatsQuery, AssignRequest, CommentRequest,
  SilenceRequest, ResolveRequest, Silence, SilenceList, SnoozeRequest,
} from './lifecycle-contract.js';

/** A refused or failed request: `status` 403 is "outside your role or scope", 0 is "the server was not reached". */
export class ControlApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The board's bearer token, if it was opened with one; a signed-in user's cookie goes with every request anyway. */
let bearer: string | undefined;
export function setBearer(token: string | undefined): void {
  bearer = token;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    throw new ControlApiError(0, (error as Error).message);
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as (T & { message?: string }) | null;
  if (!response.ok) throw new ControlApiError(response.status, data?.message ?? response.statusText);
  return data as T;
}

/** `?a=1&b=2` from the set values of a query (empty ones left out). */
export function queryString(query: Readonly<Record<string, string | number | undefined | null>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const alertPath = (id: string, action: string) => `/api/v1/alerts/${encodeURIComponent(id)}/${action}`;

/** The console's calls: every one answers what the server decided, scoped by the server to the caller's reach. */
export const controlApi = {
  acknowledge: (id: string, body: AcknowledgeRequest) => request<AlertEvent>('POST', alertPath(id, 'acknowledge'), body),
  assign: (id: string, body: AssignRequest) => request<AlertEvent>('POST', alertPath(id, 'assign'), body),
  /** Who the alert may be assigned to: the supervisors and administrators whose scope reaches it. */
  assignees: (id: string) => request<AssigneeList>('GET', alertPath(id, 'assignees')),
  resolve: (id: string, body: ResolveRequest) => request<AlertEvent>('POST', alertPath(id, 'resolve'), body),
  comment: (id: string, body: CommentRequest) => request<AlertEvent>('POST', alertPath(id, 'comments'), body),
  snooze: (id: string, body: SnoozeRequest) => request<AlertEvent>('POST', alertPath(id, 'snooze'), body),
  history: (query: AlertListQuery) => request<AlertList>('GET', `/api/v1/alerts${queryString(query)}`),
  stats: (query: AlertStatsQuery) => request<AlertStats>('GET', `/api/v1/alerts/stats${queryString(query)}`),
  silences: () => request<SilenceList>('GET', '/api/v1/silences'),
  silence: (body: SilenceRequest) => request<Silence>('POST', '/api/v1/silences', body),
  unsilence: (id: string) => request<undefined>('DELETE', `/api/v1/silences/${encodeURIComponent(id)}`),
  /**
   * The CSV of the same history, for a plain link: a link sends the session cookie but no header, so a board opened
   * with a token passes it as `?token=`, which the API accepts where a client cannot set headers.
   */
  csvUrl: (query: AlertListQuery) => `/api/v1/alerts${queryString({ ...query, format: 'csv', token: bearer })}`,
};
