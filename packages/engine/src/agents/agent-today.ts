import type { AgentCounts, AgentStateName, AgentToday } from '@plancia/contracts';
import type { Entry } from './agent-spans.js';
import { AGENT_STATES as STATES, STATE_NUMBER as STATE_INDEX } from './timeline.js';

/** Where in `DayTally.counts` the times each state was entered start (the milliseconds per state come first). */
const ENTERED = STATES.length;

const seconds = (ms: number): number => ms / 1000;

/**
 * One agent's day so far, added up entry by entry in time order: milliseconds per state (not-ready also per reason),
 * the contacts answered and finished (the answers still open, the handle times summed), the offers not taken, and how
 * many times each state was entered. Kept for an archived timeline's start (see TimelineArchive) and continued over
 * the entries after it, so an agent's day is not read from its first entry at every change. Few objects on purpose:
 * one per archived timeline, held in checkpoints.
 */
export class DayTally {
  /** milliseconds per state (STATE_INDEX), then the times each state was entered */
  readonly counts = new Float64Array(2 * STATES.length);
  notReady: Map<string, number> | null = null;
  /** contacts answered and not yet finished: contact → the answer's instant */
  open: Map<string, number> | null = null;
  answered = 0;
  handled = 0;
  handleMs = 0;
  missed = 0;
  rejected = 0;
  /** the state of the last entry added, which decides whether the next one enters a new state */
  lastState: AgentStateName | null = null;

  constructor(readonly dayStartMs: number) {}

  copy(): DayTally {
    const copy = new DayTally(this.dayStartMs);
    copy.counts.set(this.counts);
    copy.notReady = this.notReady && new Map(this.notReady);
    copy.open = this.open && new Map(this.open);
    copy.answered = this.answered;
    copy.handled = this.handled;
    copy.handleMs = this.handleMs;
    copy.missed = this.missed;
    copy.rejected = this.rejected;
    copy.lastState = this.lastState;
    return copy;
  }

  /** An entry whose state lasted until `endMs`; it counts as a change of today only when it is in [dayStart, now]. */
  add(entry: Entry, endMs: number, nowMs: number): void {
    this.addTime(entry, endMs - Math.max(entry.at, this.dayStartMs));
    const previous = this.lastState;
    this.lastState = entry.state;
    if (entry.at < this.dayStartMs || entry.at > nowMs) return;
    if (previous !== entry.state) this.counts[ENTERED + STATE_INDEX[entry.state]]!++;
    if (entry.rank === 1) this.mark(entry);
    else if (entry.offer === 'missed') this.missed++;
    else if (entry.offer === 'rejected') this.rejected++;
  }

  result(nowMs: number): AgentToday {
    const ms = (state: AgentStateName): number => this.counts[STATE_INDEX[state]]!;
    const busy = ms('on_contact') + ms('wrap_up');
    const notReadyByReason: Record<string, number> = {};
    for (const reason of [...(this.notReady?.keys() ?? [])].sort()) notReadyByReason[reason] = seconds(this.notReady!.get(reason)!);
    const stateCounts = Object.fromEntries(STATES.map((s) => [s, this.counts[ENTERED + STATE_INDEX[s]]!])) as unknown as AgentCounts;
    return {
      asOf: new Date(nowMs).toISOString(),
      answered: this.answered,
      handled: this.handled,
      missed: this.missed,
      rejected: this.rejected,
      aht: this.handled > 0 ? seconds(this.handleMs / this.handled) : null,
      talk: seconds(ms('on_contact')),
      wrapUp: seconds(ms('wrap_up')),
      idle: seconds(ms('available')),
      notReady: seconds(ms('not_ready')),
      notReadyByReason,
      occupancy: busy + ms('available') > 0 ? busy / (busy + ms('available')) : null,
      stateCounts,
    };
  }

  private addTime(entry: Entry, ms: number): void {
    if (ms <= 0) return;
    this.counts[STATE_INDEX[entry.state]]! += ms;
    if (entry.state !== 'not_ready') return;
    const reason = entry.reason ?? '';
    this.notReady ??= new Map();
    this.notReady.set(reason, (this.notReady.get(reason) ?? 0) + ms);
  }

  /** A contact's mark (rank 1): its answer opens a handle, its completion (available) closes it. */
  private mark(entry: Entry): void {
    if (entry.state === 'on_contact') {
      this.answered++;
      (this.open ??= new Map()).set(entry.key, entry.at);
      return;
    }
    const from = entry.state === 'available' ? this.open?.get(entry.key) : undefined;
    if (from === undefined) return;
    this.open!.delete(entry.key);
    if (this.open!.size === 0) this.open = null; // nothing open, as most of the day: no map held
    this.handled++;
    this.handleMs += entry.at - from;
  }
}

/**
 * One agent's day from its timeline: the time from each entry to the next (the last one up to `nowMs`), cut to
 * [dayStart, nowMs], by state; the contacts' marks of today (answers, completions); the offers it did not take; and
 * how many times it entered each state. The timeline holds the whole day (see AgentBook.prune), so nothing of today
 * is missing, and it is the same whatever order the events came in, so these figures are too. `from`: the tally of
 * the entries before `t` (an archived start), continued here.
 */
export function agentToday(t: readonly Entry[], dayStartMs: number, nowMs: number, from?: DayTally): AgentToday {
  const tally = from ? from.copy() : new DayTally(dayStartMs);
  for (let i = 0; i < t.length; i++) tally.add(t[i]!, Math.min(t[i + 1]?.at ?? nowMs, nowMs), nowMs);
  return tally.result(nowMs);
}
