import type { FactKind } from '../windows/facts.js';

/** A state an agent is put in by a contact: answer, end of talk, end of wrap-up. */
export interface AgentMark {
  agentId: string;
  at: number;
  state: 'on_contact' | 'wrap_up' | 'available';
  contactId: string;
}

/** A fact in a view's list: kind, at, a, b, c, queue number, channel number (−1: none). */
export const FACT_STRIDE = 7;

/**
 * Everything a contact contributes, derived from its events alone (plus the clock for deadlines). Views are
 * written in place: each contact keeps one, and a derivation fills a spare that then takes its place. Facts are
 * numbers in one array, overwritten in place, so a derivation allocates nothing for them and a difference is a
 * comparison of numbers.
 */
export class ContactView {
  /** plain numbers: V8 keeps them unboxed in a double array, and such an array costs far less to create than a typed one */
  readonly facts: number[] = [];
  factCount = 0;
  readonly marks: AgentMark[] = [];
  /** the queue the contact waits in now, null when not waiting */
  waitingQueue: string | null = null;
  waitingChannel = '';
  waitingSince = 0;
  ghost = false;
  orphan = false;
  conflicts = 0;
  /** the agent whose next state change would close this contact's open wrap-up */
  wrapAgent: string | null = null;
  finished = false;
  /** the next instant at which the clock alone changes what this view contributes */
  changesAt = Infinity;
  /** the next instant the contact needs looking at: `changesAt`, or earlier the end of a finished contact's grace */
  deadline = Infinity;
  /** the previous view, whose equal marks a derivation reuses while it fills this one */
  private previous: ContactView | null = null;
  /** Marks are overwritten in place and cut at the end: emptying an array (length 0) would drop its storage. */
  private markCount = 0;

  /** Starts a derivation that may reuse `previous`'s equal marks. */
  begin(previous: ContactView): void {
    this.factCount = 0;
    this.markCount = 0;
    this.previous = previous;
  }

  end(): void {
    this.marks.length = this.markCount;
    this.previous = null;
  }

  fact(queue: number, channel: number, at: number, kind: FactKind, a = 0, b = 0, c = 0): void {
    const o = this.factCount++ * FACT_STRIDE;
    const f = this.facts;
    f[o] = kind;
    f[o + 1] = at;
    f[o + 2] = a;
    f[o + 3] = b;
    f[o + 4] = c;
    f[o + 5] = queue;
    f[o + 6] = channel;
  }

  mark(agentId: string, at: number, state: AgentMark['state'], contactId: string): void {
    const old = this.previous?.marks[this.markCount];
    const same = old !== undefined && old.agentId === agentId && old.at === at && old.state === state && old.contactId === contactId;
    this.marks[this.markCount++] = same ? old : { agentId, at, state, contactId };
  }
}

/** Whether fact i of `x` and fact j of `y` are the same. */
export function sameFact(x: readonly number[], i: number, y: readonly number[], j: number): boolean {
  const o = i * FACT_STRIDE;
  const p = j * FACT_STRIDE;
  for (let k = 0; k < FACT_STRIDE; k++) if (x[o + k] !== y[p + k]) return false;
  return true;
}
