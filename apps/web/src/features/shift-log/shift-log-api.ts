import type { Handover, ShiftLog, ShiftNote, ShiftNoteRequest } from '@plancia/contracts';

const refusal = async (response: Response) => ((await response.json().catch(() => ({}))) as { message?: string }).message ?? String(response.status);

/** Notes of the last 24 hours the signed-in user sees, newest first. */
export async function fetchNotes(): Promise<ShiftLog | { error: string }> {
  const response = await fetch('/api/v1/shift-log');
  return response.ok ? ((await response.json()) as ShiftLog) : { error: await refusal(response) };
}

export async function writeNote(request: ShiftNoteRequest): Promise<ShiftNote | { error: string }> {
  const response = await fetch('/api/v1/shift-log', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return response.ok ? ((await response.json()) as ShiftNote) : { error: await refusal(response) };
}

export async function fetchHandover(hours: number): Promise<Handover | { error: string }> {
  const response = await fetch(`/api/v1/shift-log/handover?hours=${hours}`);
  return response.ok ? ((await response.json()) as Handover) : { error: await refusal(response) };
}

/** The CSV export of the last 24 hours, as a link the browser downloads. */
export const CSV_EXPORT_URL = '/api/v1/shift-log?format=csv';
