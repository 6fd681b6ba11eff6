import { fact, type Fact, type FactKind } from '../windows/facts.js';

/** A state an agent is put in by a contact: answer, end of talk, end of wrap-up. */
export interface AgentMark {
  agentId: string;
  at: number;
  state: 'on_contact' | 'wrap_up' | 'available';
  contactId: string;
}

/**
 * Everything a contact contributes, derived from its events alone (plus the clock for deadlines). Views are
 * written in place: each contact keeps one, and a derivation fills a spare that then takes its place.
 */
export class ContactView {
  readonly facts: Fact[] = [];
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
  /** the previous view, whose equal facts and marks a derivation reuses while it fills this one */
  private previous: ContactView | null = null;
  /** Lists are overwritten in place and cut at the end: emptying an array (length 0) would drop its storage. */
  private factCount = 0;
  private markCount = 0;

  /** Starts a derivation that may reuse `previous`'s equal objects. */
  begin(previous: ContactView): void {
    this.factCount = 0;
    this.markCount = 0;
    this.previous = previous;
  }

  end(): void {
    this.facts.length = this.factCount;
    this.marks.length = this.markCount;
    this.previous = null;
  }

  /** Lists a fact, reusing the previous derivation's object at the same position when it is equal: the book tells what moved by identity. */
  fact(queueId: string, channel: string | null, at: number, kind: FactKind, a = 0, b = 0, c = 0): void {
    const old = this.previous?.facts[this.factCount];
    const same = old !== undefined && old.kind === kind && old.at === at && old.queueId === queueId && old.channel === channel
      && old.a === a && old.b === b && old.c === c;
    this.facts[this.factCount++] = same ? old : fact(queueId, channel, at, kind, a, b, c);
  }

  mark(agentId: string, at: number, state: AgentMark['state'], contactId: string): void {
    const old = this.previous?.marks[this.markCount];
    const same = old !== undefined && old.agentId === agentId && old.at === at && old.state === state && old.contactId === contactId;
    this.marks[this.markCount++] = same ? old : { agentId, at, state, contactId };
  }
}
