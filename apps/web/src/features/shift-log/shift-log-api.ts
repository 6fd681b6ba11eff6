import type { Handover, ShiftLog, ShiftNote, ShiftNoteRequest } from '@plancia/contracts';

const refusal = async (response: Response) => ((await response.json().catch(() => ({}))) as { message?: string }).message ?? String(response.status);

/** The board's view token, if it was opened with `?token=`; a signed-in user's cookie goes with every request anyway. */
let bearer: string | undefined;
export function setBearer(token: string | undefined): void {
  bearer = token;
}

function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  return fetch(path, { ...init, headers });
}

/** Notes of the last 24 hours the signed-in user sees, newest first. */
export async function fetchNotes(): Promise<ShiftLog | { error: string }> {
  const response = await call('/api/v1/shift-log');
  return response.ok ? ((await response.json()) as ShiftLog) : { error: await refusal(response) };
}

export async function writeNote(request: ShiftNoteRequest): Promise<ShiftNote | { error: string }> {
  const response = await call('/api/v1/shift-log', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return response.ok ? ((await response.json()) as ShiftNote) : { error: await refusal(response) };
}

export async function fetchHandover(hours: number): Promise<Handover | { error: string }> {
  const response = await call(`/api/v1/shift-log/handover?hours=${hours}`);
  return response.ok ? ((await response.json()) as Handover) : { error: await refusal(response) };
}

/** A link the browser downloads: it sends the cookie but no header, so the board's token rides as `?token=`. */
const linked = (path: string, query: Record<string, string>) => {
  const params = new URLSearchParams(query);
  if (bearer) params.set('token', bearer);
  return `${path}?${params.toString()}`;
};

/** The CSV export of the last 24 hours' notes. */
export const csvExportUrl = () => linked('/api/v1/shift-log', { format: 'csv' });

/** The handover file: the alert history and the notes of the last `hours` in one CSV. */
export const handoverExportUrl = (hours: number, nowMs: number) =>
  linked('/api/v1/shift-log/export', { from: new Date(nowMs - hours * 3_600_000).toISOString(), to: new Date(nowMs).toISOString() });
