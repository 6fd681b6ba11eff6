import type { IntervalList } from '@plancia/contracts';

/** A queue's closed intervals starting from `fromMs`, as the server stored them (`GET /api/v1/intervals`). */
export async function fetchIntervals(queueId: string, fromMs: number, token: string | undefined, signal: AbortSignal): Promise<IntervalList['intervals']> {
  const query = new URLSearchParams({ queue: queueId, from: new Date(fromMs).toISOString() });
  const response = await fetch(`/api/v1/intervals?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal });
  if (!response.ok) throw new Error(`intervals: ${response.status}`);
  return ((await response.json()) as IntervalList).intervals;
}
