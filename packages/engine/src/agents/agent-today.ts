import type { AgentCounts, AgentStateName, AgentToday } from '@plancia/contracts';
import type { Entry } from './agent-spans.js';

const emptyCounts = (): AgentCounts => ({ available: 0, on_contact: 0, wrap_up: 0, not_ready: 0, offline: 0 });

/** Milliseconds per state today; not-ready also per reason. */
class DayTimes {
  readonly ms: Record<AgentStateName, number> = emptyCounts();
  readonly notReady = new Map<string, number>();

  add(entry: Entry, ms: number): void {
    if (ms <= 0) return;
    this.ms[entry.state] += ms;
    if (entry.state !== 'not_ready') return;
    const reason = entry.reason ?? '';
    this.notReady.set(reason, (this.notReady.get(reason) ?? 0) + ms);
  }
}

/** Contacts answered and finished today: the answer of each contact still open, and the handle times summed. */
class Handles {
  private readonly answeredAt = new Map<string, number>();
  answered = 0;
  handled = 0;
  handleMs = 0;

  /** A contact's mark (rank 1): its answer opens a handle, its completion (available) closes it. */
  mark(entry: Entry): void {
    if (entry.state === 'on_contact') {
      this.answered++;
      this.answeredAt.set(entry.key, entry.at);
      return;
    }
    const from = entry.state === 'available' ? this.answeredAt.get(entry.key) : undefined;
    if (from === undefined) return;
    this.answeredAt.delete(entry.key);
    this.handled++;
    this.handleMs += entry.at - from;
  }
}

const seconds = (ms: number): number => ms / 1000;

/**
 * One agent's day from its timeline: the time from each entry to the next (the last one up to `nowMs`), cut to
 * [dayStart, nowMs], by state; the contacts' marks of today (answers, completions); the offers it did not take; and
 * how many times it entered each state. The timeline holds the whole day (see AgentBook.prune), so nothing of today
 * is missing, and it is the same whatever order the events came in, so these figures are too.
 */
export function agentToday(t: readonly Entry[], dayStartMs: number, nowMs: number): AgentToday {
  const times = new DayTimes();
  const handles = new Handles();
  const entered = emptyCounts();
  let missed = 0;
  let rejected = 0;
  for (let i = 0; i < t.length; i++) {
    const entry = t[i]!;
    const end = Math.min(t[i + 1]?.at ?? nowMs, nowMs);
    times.add(entry, end - Math.max(entry.at, dayStartMs));
    if (entry.at < dayStartMs || entry.at > nowMs) continue;
    if (i === 0 || t[i - 1]!.state !== entry.state) entered[entry.state]++;
    if (entry.rank === 1) handles.mark(entry);
    else if (entry.offer === 'missed') missed++;
    else if (entry.offer === 'rejected') rejected++;
  }
  const busy = times.ms.on_contact + times.ms.wrap_up;
  const notReadyByReason: Record<string, number> = {};
  for (const reason of [...times.notReady.keys()].sort()) notReadyByReason[reason] = seconds(times.notReady.get(reason)!);
  return {
    asOf: new Date(nowMs).toISOString(),
    answered: handles.answered,
    handled: handles.handled,
    missed,
    rejected,
    aht: handles.handled > 0 ? seconds(handles.handleMs / handles.handled) : null,
    talk: seconds(times.ms.on_contact),
    wrapUp: seconds(times.ms.wrap_up),
    idle: seconds(times.ms.available),
    notReady: seconds(times.ms.not_ready),
    notReadyByReason,
    occupancy: busy + times.ms.available > 0 ? busy / (busy + times.ms.available) : null,
    stateCounts: entered,
  };
}
