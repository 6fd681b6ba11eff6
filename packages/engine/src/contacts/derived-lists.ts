import { fact, type Fact, type FactKind } from '../windows/facts.js';

/** A state an agent is put in by a contact: answer, end of talk, end of wrap-up. */
export interface AgentMark {
  agentId: string;
  at: number;
  state: 'on_contact' | 'wrap_up' | 'available';
  contactId: string;
}

/**
 * A contact's facts and marks as a derivation lists them, reusing the previous derivation's object at the same
 * position when it is equal: an unchanged fact costs no allocation, and the contact book tells what moved by identity.
 */
export class DerivedLists {
  readonly facts: Fact[] = [];
  readonly marks: AgentMark[] = [];

  constructor(private readonly previousFacts: readonly Fact[], private readonly previousMarks: readonly AgentMark[]) {}

  fact(queueId: string, channel: string | null, at: number, kind: FactKind, a = 0, b = 0, c = 0): void {
    const old = this.previousFacts[this.facts.length];
    const same = old !== undefined && old.kind === kind && old.at === at && old.queueId === queueId && old.channel === channel
      && old.a === a && old.b === b && old.c === c;
    this.facts.push(same ? old : fact(queueId, channel, at, kind, a, b, c));
  }

  mark(agentId: string, at: number, state: AgentMark['state'], contactId: string): void {
    const old = this.previousMarks[this.marks.length];
    const same = old !== undefined && old.agentId === agentId && old.at === at && old.state === state && old.contactId === contactId;
    this.marks.push(same ? old : { agentId, at, state, contactId });
  }
}
