import type { PlanciaEvent } from '@plancia/contracts';

export interface ResumePoint {
  /** The server holds this run's events up to here (the latest it journaled). */
  sentUntilMs: number;
  /** The warm-up begins here: from this instant on, everything the model does is sent. */
  warmupFromMs: number;
  /**
   * Sent again before sentUntilMs: deliveries in flight when the run stopped may have been lost behind a later one
   * that was committed. The server counts what it already holds as duplicates.
   */
  overlapMs: number;
}

/** The contact or ticket an event belongs to; agent states and ticket surveys belong to none. */
function subjectOf(event: PlanciaEvent): string | undefined {
  const data = event.data as { contactId?: string; ticketId?: string };
  if (data.contactId !== undefined) return `c:${data.contactId}`;
  if (data.ticketId !== undefined) return `t:${data.ticketId}`;
  return undefined;
}

/**
 * Continues a run from the same model (same plan, so the same events and ids) after the server already journaled
 * part of it:
 * - events up to `sentUntilMs − overlapMs` are not sent again;
 * - what the model did between `sentUntilMs` and the warm-up (a stop longer than the warm-up) is not sent, except
 *   what finishes the contacts and tickets the board already shows, so no caller stays waiting for ever, and each
 *   agent's last state of that time, so the warm-up starts from the real staffing;
 * - from the warm-up on, everything except events of contacts and tickets that began in the part left out.
 */
export function* resumeRun(events: Iterable<PlanciaEvent>, point: ResumePoint): Generator<PlanciaEvent> {
  const { sentUntilMs, warmupFromMs, overlapMs } = point;
  const onBoard = new Set<string>();
  const leftOut = new Set<string>();
  const agentStates = new Map<string, PlanciaEvent>();
  for (const event of events) {
    const timeMs = Date.parse(event.time);
    const subject = subjectOf(event);
    if (subject !== undefined && !onBoard.has(subject) && !leftOut.has(subject)) {
      // First event of a contact or ticket: it was shown, it is left out, or it is new (tracked by neither set).
      if (timeMs <= sentUntilMs) onBoard.add(subject);
      else if (timeMs < warmupFromMs) leftOut.add(subject);
    }
    if (timeMs >= warmupFromMs && agentStates.size > 0) {
      yield* agentStates.values();
      agentStates.clear();
    }
    if (timeMs <= sentUntilMs - overlapMs) continue;
    if (timeMs > sentUntilMs && timeMs < warmupFromMs) {
      if (subject !== undefined && onBoard.has(subject)) yield event;
      else if (event.type === 'agent.state') agentStates.set(event.data.agentId, event);
      continue;
    }
    if (subject !== undefined && leftOut.has(subject)) continue;
    yield event;
  }
}
