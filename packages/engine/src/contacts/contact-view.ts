import { markEntry, type Entry, type MarkState } from '../agents/agent-spans.js';
import { K, type Fact, type FactKind } from '../windows/facts.js';

/**
 * A state an agent is put in by a contact: answer, end of talk, end of wrap-up. It is the agent's timeline entry
 * (rank 1, keyed by the contact), compared by agent, instant, state and contact (`key`).
 */
export type AgentMark = Entry;

/**
 * How a view stores a fact: kind, at, queue and channel numbers, then the kind's amounts (three at most) in the order
 * its helper below takes them; `loadFact` reads them back under their names. Packed rather than one number per name:
 * a view is written on every derivation and compared on every difference, and the wider record made the engine
 * measurably slower.
 */
const SLOT = { kind: 0, at: 1, queue: 2, channel: 3, amount1: 4, amount2: 5, amount3: 6 } as const;
/** how many numbers a view keeps per fact */
export const FACT_STRIDE = Object.keys(SLOT).length;

/**
 * A new view's fact storage: room for an answered life's four facts (offered, answered, settled, handled), already an
 * array of doubles. Grown from empty instead, the array was first made for small integers, then copied as doubles
 * at the first instant written, then copied again, larger, at the third fact: three arrays per contact for one.
 */
const FACTS_ROOM: readonly number[] = Array.from({ length: 4 * FACT_STRIDE }, () => 0.5).fill(0);
/** A new view's mark storage: room for an answered life's three marks (answer, end of talk, end of wrap-up). */
const MARKS_ROOM: readonly (AgentMark | null)[] = [null, null, null];

/**
 * Everything a contact contributes, derived from its events alone (plus the clock for deadlines). Views are
 * written in place: each contact keeps one, and a derivation fills a spare that then takes its place. Facts are
 * numbers in one array, overwritten in place, so a derivation allocates nothing for them and a difference is a
 * comparison of numbers.
 */
export class ContactView {
  /** plain numbers: V8 keeps them unboxed in a double array, and such an array costs far less to create than a typed one */
  readonly facts: number[] = FACTS_ROOM.slice();
  factCount = 0;
  /**
   * The derivation's marks are the first `markCount`; the slots after them are null. The array is never cut: cut to
   * length 0 (a contact still queued has no mark), V8 drops its storage, and the answer's mark regrows it to 17 slots.
   */
  readonly marks: (AgentMark | null)[] = MARKS_ROOM.slice();
  markCount = 0;
  /** the queue the contact waits in now, null when not waiting */
  waitingQueue: string | null = null;
  waitingChannel = '';
  waitingSince = 0;
  /** of the stay it waits in: priority, VIP flag and caller pseudonym, as the waiting list shows them */
  waitingPriority = 0;
  waitingVip = false;
  waitingCaller: string | null = null;
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

  /** Starts a derivation that may reuse `previous`'s equal marks. */
  begin(previous: ContactView): void {
    this.factCount = 0;
    this.markCount = 0;
    this.previous = previous;
  }

  end(): void {
    // Emptied, not cut (see `marks`); the slots after the count hold no stale mark, so no entry is kept alive by them.
    for (let i = this.markCount; i < this.marks.length && this.marks[i] !== null; i++) this.marks[i] = null;
    this.previous = null;
  }

  /** Whether this view holds a mark equal to `m` (the marks of one view are all of one contact). */
  holdsMark(m: AgentMark): boolean {
    for (let i = 0; i < this.markCount; i++) {
      const x = this.marks[i]!;
      if (x.agentId === m.agentId && x.at === m.at && x.state === m.state) return true;
    }
    return false;
  }

  /** A contact offered to a queue, or abandoned before the short-abandon limit: a count alone. */
  counted(kind: typeof K.offered | typeof K.shortAbandoned, queue: number, channel: number, at: number): void {
    this.store(kind, queue, channel, at, 0, 0, 0);
  }

  /** A wait that ended (answered, abandoned, transferred out) after `waitMs`; `inTarget` 1 when within the threshold. */
  ended(kind: typeof K.answered | typeof K.abandoned | typeof K.transferredOut, queue: number, channel: number, at: number, waitMs: number, inTarget: number): void {
    this.store(kind, queue, channel, at, waitMs, inTarget, 0);
  }

  /** A wait settled for the service level: the contact's shares of its numerator and denominator. */
  settled(queue: number, channel: number, at: number, slNumerator: number, slDenominator: number): void {
    this.store(K.settled, queue, channel, at, slNumerator, slDenominator, 0);
  }

  /** A handle that is over: answer to completion, answer to end of talk, end of talk to completion. */
  handled(queue: number, channel: number, at: number, handleMs: number, talkMs: number, wrapMs: number): void {
    this.store(K.handled, queue, channel, at, handleMs, talkMs, wrapMs);
  }

  private store(kind: FactKind, queue: number, channel: number, at: number, amount1: number, amount2: number, amount3: number): void {
    const o = this.factCount++ * FACT_STRIDE;
    const f = this.facts;
    f[o + SLOT.kind] = kind;
    f[o + SLOT.at] = at;
    f[o + SLOT.queue] = queue;
    f[o + SLOT.channel] = channel;
    f[o + SLOT.amount1] = amount1;
    f[o + SLOT.amount2] = amount2;
    f[o + SLOT.amount3] = amount3;
  }

  mark(agentId: string, at: number, state: MarkState, contactId: string): void {
    const previous = this.previous;
    const old = previous && this.markCount < previous.markCount ? previous.marks[this.markCount]! : null;
    const same = old !== null && old.agentId === agentId && old.at === at && old.state === state && old.key === contactId;
    this.marks[this.markCount++] = same ? old : markEntry(agentId, at, state, contactId);
  }
}

/** Whether fact i of `x` and fact j of `y` are the same. */
export function sameFact(x: readonly number[], i: number, y: readonly number[], j: number): boolean {
  const o = i * FACT_STRIDE;
  const p = j * FACT_STRIDE;
  for (let k = 0; k < FACT_STRIDE; k++) if (x[o + k] !== y[p + k]) return false;
  return true;
}

/** Reads stored fact i into `into`, its amounts under their names (a contact's facts count in their queue, their channel and the centre). */
export function loadFact(facts: readonly number[], i: number, into: Fact): Fact {
  const o = i * FACT_STRIDE;
  const kind = facts[o + SLOT.kind] as FactKind;
  into.kind = kind;
  into.at = facts[o + SLOT.at]!;
  into.queue = facts[o + SLOT.queue]!;
  into.channel = facts[o + SLOT.channel]!;
  into.centre = true;
  const amount1 = facts[o + SLOT.amount1]!;
  const amount2 = facts[o + SLOT.amount2]!;
  if (kind === K.settled) {
    into.slNumerator = amount1;
    into.slDenominator = amount2;
  } else if (kind === K.handled) {
    into.handleMs = amount1;
    into.talkMs = amount2;
    into.wrapMs = facts[o + SLOT.amount3]!;
  } else {
    // counted (no amounts) and ended: a wait and whether it was within the threshold
    into.waitMs = amount1;
    into.inTarget = amount2;
  }
  return into;
}
