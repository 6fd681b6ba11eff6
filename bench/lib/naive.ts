import type { TimedEvent } from '@plancia/contracts';

/**
 * What a team would write first: keep the raw events and recompute a queue's service level by scanning
 * everything inside the window (ignore-abandons policy, T seconds, short abandons under S excluded).
 */
export function naiveServiceLevel(events: readonly TimedEvent[], queueId: string, fromMs: number, toMs: number, T = 20, S = 5) {
  const queuedAt = new Map<string, number>();
  let met = 0;
  let settled = 0;
  let abandonedWithin = 0;
  for (const e of events) {
    if (e.type === 'contact.queued' && e.data.queueId === queueId) queuedAt.set(e.data.contactId, e.timeMs);
  }
  const settledIds = new Set<string>();
  for (const e of events) {
    if (e.timeMs < fromMs || e.timeMs > toMs) continue;
    if (e.type !== 'contact.answered' && e.type !== 'contact.abandoned') continue;
    const start = queuedAt.get(e.data.contactId);
    if (start === undefined || settledIds.has(e.data.contactId)) continue;
    const wait = (e.timeMs - start) / 1000;
    if (e.type === 'contact.abandoned' && wait < S) continue;
    if (wait > T) continue; // missed: settled when T elapsed, counted below
    settledIds.add(e.data.contactId);
    settled++;
    if (e.type === 'contact.answered') met++;
    else abandonedWithin++;
  }
  for (const [id, start] of queuedAt) {
    const deadline = start + T * 1000;
    if (!settledIds.has(id) && deadline >= fromMs && deadline <= toMs) settled++;
  }
  const denominator = settled - abandonedWithin;
  return denominator > 0 ? met / denominator : null;
}
