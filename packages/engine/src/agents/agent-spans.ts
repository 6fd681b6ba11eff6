import type { AgentStateName } from '@plancia/contracts';
import { Fact, K, type FactKind } from '../windows/facts.js';
import type { Agent, AgentHost } from './agent-book.js';
import { BUSY_STATES, type SaidMembership, type TimelineEntry } from './timeline.js';

/** Where an agent's time is counted: the numbers of its queues and of their channels (each channel once). */
export interface SpanTargets {
  readonly queues: readonly number[];
  readonly channels: readonly number[];
}

export type OfferOutcome = 'missed' | 'rejected';

/**
 * `conflict`: an answer while the agent was still on another contact, or "available" while on one. The span is the
 * time from this entry to the next, counted (`spanKind` ≥ 0) as busy or available at the next entry's instant, for
 * the targets it was counted in.
 */
export type Entry = TimelineEntry & {
  /** whose timeline it is on (a contact's mark names its agent: the mark is the entry itself) */
  agentId: string;
  /** what the phone system said (rank 0); `state` may differ while a contact of the agent is in talk */
  said: TimelineEntry['state'];
  saidReason: string | null;
  /** the agent's state per queue as the phone system said it (rank 0, when it keeps one per membership) */
  memberships: readonly SaidMembership[] | null;
  /** rank 0: the offer this change says the agent did not take (see AgentBook's offerOf) */
  offer: OfferOutcome | null;
  conflict: boolean; spanKind: number; spanAt: number; spanMs: number; spanTargets: SpanTargets | null;
};

/** A new timeline entry, counting no time yet (spans are set once its neighbours are known). */
export function entryOf(
  agentId: string, at: number, rank: 0 | 1, key: string, seq: number, state: AgentStateName, reason: string | null, contactId: string | null,
  memberships: readonly SaidMembership[] | null = null, offer: OfferOutcome | null = null,
): Entry {
  return {
    agentId, at, rank, key, seq, state, reason, contactId, said: state, saidReason: reason, memberships, offer,
    conflict: false, spanKind: -1, spanAt: 0, spanMs: 0, spanTargets: null,
  };
}

/** What time in a state counts as: busy, available, or nothing (-1). The archive relies on this being the one rule. */
export const spanKindOf = (state: AgentStateName): number => (BUSY_STATES.has(state) ? K.busy : state === 'available' ? K.available : -1);

/** What a contact puts its agent in: answer, end of talk, end of wrap-up. */
export type MarkState = 'on_contact' | 'wrap_up' | 'available';

/**
 * A contact's mark (rank 1, keyed by the contact) built as the timeline entry itself: the contact's view keeps it
 * and the agent's timeline holds the same object, so a mark costs one object, not a mark and then its entry.
 */
export function markEntry(agentId: string, at: number, state: MarkState, contactId: string): Entry {
  return entryOf(agentId, at, 1, contactId, 0, state, null, state === 'available' ? null : contactId);
}

/** Counts the time between an agent's timeline entries as busy or available, and takes it back when it changes. */
export class AgentSpans {
  /** the record a span is written in before it is counted */
  private readonly fact = new Fact();
  /**
   * Targets by the queues they are for, shared by the agents of the same queues (they are never edited): an object of
   * three per agent was a good part of what a large floor's state holds. Forgotten when the configuration changes.
   */
  private shared = new Map<string, SpanTargets>();

  constructor(private readonly host: AgentHost) {}

  /** Time from entry i to entry i + 1, counted when it ends, for the agent's queues, their channels and the centre. */
  respan(agent: Agent, i: number): void {
    const entry = agent.recent[i];
    if (!entry) return;
    const next = agent.recent[i + 1];
    const kind = spanKindOf(entry.state);
    if (!next || kind < 0) return this.set(entry, -1, 0, 0, null);
    this.set(entry, kind, next.at, next.at - entry.at, (agent.targets ??= this.targetsOf(agent)));
  }

  /** Takes back what an entry counted (it leaves the timeline). */
  clear(entry: Entry): void {
    this.set(entry, -1, 0, 0, null);
  }

  /** A new configuration may put queues in other channels: targets worked out from now on are new objects. */
  configured(): void {
    this.shared = new Map();
  }

  private targetsOf(agent: Agent): SpanTargets {
    const key = agent.queueIds.join('\n');
    let targets = this.shared.get(key);
    if (!targets) {
      targets = this.targetsFor(agent.queueIds);
      this.shared.set(key, targets);
    }
    return targets;
  }

  private targetsFor(queueIds: readonly string[]): SpanTargets {
    const channels: number[] = [];
    for (const queueId of queueIds) {
      const channel = this.host.channelOf(queueId);
      const n = channel ? this.host.channelNumber(channel) : -1;
      if (n >= 0 && !channels.includes(n)) channels.push(n);
    }
    return { queues: queueIds.map((q) => this.host.queueNumber(q)), channels };
  }

  private set(entry: Entry, kind: number, at: number, ms: number, targets: SpanTargets | null): void {
    if (entry.spanKind === kind && entry.spanAt === at && entry.spanMs === ms && entry.spanTargets === targets) return;
    if (entry.spanKind >= 0) this.count(entry.spanKind as FactKind, entry.spanAt, entry.spanMs, entry.spanTargets!, -1);
    if (kind >= 0) this.count(kind as FactKind, at, ms, targets!, 1);
    entry.spanKind = kind;
    entry.spanAt = at;
    entry.spanMs = ms;
    entry.spanTargets = targets;
  }

  /** Counts a span once in the centre, once per queue and once per channel: an agent's queues may share a channel. */
  private count(kind: FactKind, at: number, ms: number, targets: SpanTargets, sign: number): void {
    const fact = this.fact;
    fact.kind = kind;
    fact.at = at;
    fact.spanMs = ms;
    fact.queue = -1;
    fact.channel = -1;
    fact.centre = true;
    this.host.count(fact, sign);
    fact.centre = false;
    for (const q of targets.queues) { fact.queue = q; this.host.count(fact, sign); }
    fact.queue = -1;
    for (const ch of targets.channels) { fact.channel = ch; this.host.count(fact, sign); }
  }
}
