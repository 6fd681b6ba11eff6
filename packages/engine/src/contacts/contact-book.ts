import { sameFact, type Fact } from '../windows/facts.js';
import { DeadlineHeap } from './deadline-heap.js';
import { deriveContact, type AgentMark, type ContactView, type DeriveContext } from './derive.js';
import { compareContactEvents, type ContactEvent } from './lifecycle.js';

interface ContactRecord {
  id: string;
  events: ContactEvent[];
  view: ContactView | null;
}

export interface ContactHost extends DeriveContext {
  applyFact(f: Fact, sign: number): void;
  /** returns contacts whose derivation depends on that agent's timeline */
  applyMark(m: AgentMark, sign: number): string[];
  watchAgent(agentId: string, contactId: string, on: boolean): void;
  waitingChanged(queueId: string): void;
  anomaly(kind: 'orphanEvents' | 'staleContactsRemoved' | 'conflicts', by?: number): void;
}

const sameMark = (x: AgentMark, y: AgentMark): boolean => x.agentId === y.agentId && x.at === y.at && x.state === y.state;

/**
 * Live contacts, each with its events in time order. Any new event (or a deadline passing) re-derives the
 * contact's whole lifecycle and applies only the difference, so arrival order never changes the result.
 */
export class ContactBook {
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly heap = new DeadlineHeap();
  /** queueId → contactId → enqueue time, of contacts waiting now */
  readonly waiting = new Map<string, Map<string, { since: number; channel: string }>>();

  constructor(private readonly host: ContactHost) {}

  get size(): number {
    return this.contacts.size;
  }

  add(e: ContactEvent): void {
    const id = e.data.contactId;
    let rec = this.contacts.get(id);
    if (!rec) {
      rec = { id, events: [], view: null };
      this.contacts.set(id, rec);
    }
    if (rec.events.some((x) => x.id === e.id && x.source === e.source)) return;
    let at = rec.events.length;
    while (at > 0 && compareContactEvents(rec.events[at - 1]!, e) > 0) at--;
    rec.events.splice(at, 0, e);
    this.rederive([id]);
  }

  /** Re-derives the contacts whose deadlines have passed. */
  tick(nowMs: number): void {
    this.rederive(this.heap.popDue(nowMs));
  }

  rederive(ids: readonly string[]): void {
    const work = [...ids];
    for (let n = 0; n < work.length; n++) {
      const rec = this.contacts.get(work[n]!);
      if (rec) work.push(...this.update(rec));
    }
  }

  private update(rec: ContactRecord): string[] {
    const view = deriveContact(rec.id, rec.events, this.host);
    const old = rec.view;
    this.diffFacts(old?.facts ?? [], view.facts);
    const affected = this.diffMarks(old?.marks ?? [], view.marks).filter((id) => id !== rec.id);
    this.updateWaiting(rec.id, old, view);
    if (view.orphan && !old?.orphan) this.host.anomaly('orphanEvents');
    if (view.ghost && !old?.ghost) this.host.anomaly('staleContactsRemoved');
    // A contradiction can be transient (its explaining event still in flight), so the count follows the derivation.
    if (view.conflicts !== (old?.conflicts ?? 0)) this.host.anomaly('conflicts', view.conflicts - (old?.conflicts ?? 0));
    if (old?.wrapAgent !== view.wrapAgent) {
      if (old?.wrapAgent) this.host.watchAgent(old.wrapAgent, rec.id, false);
      if (view.wrapAgent) this.host.watchAgent(view.wrapAgent, rec.id, true);
    }
    rec.view = view;
    const lastAt = rec.events[rec.events.length - 1]!.timeMs;
    if (view.finished && this.host.clock >= lastAt + this.host.graceMs) {
      if (view.wrapAgent) this.host.watchAgent(view.wrapAgent, rec.id, false);
      this.contacts.delete(rec.id);
    } else if (view.deadline < Infinity) this.heap.push(view.deadline, rec.id);
    return affected;
  }

  private diffFacts(old: readonly Fact[], next: readonly Fact[]): void {
    const common = Math.min(old.length, next.length);
    for (let i = 0; i < common; i++) {
      if (sameFact(old[i]!, next[i]!)) continue;
      this.host.applyFact(old[i]!, -1);
      this.host.applyFact(next[i]!, 1);
    }
    for (let i = common; i < old.length; i++) this.host.applyFact(old[i]!, -1);
    for (let i = common; i < next.length; i++) this.host.applyFact(next[i]!, 1);
  }

  private diffMarks(old: readonly AgentMark[], next: readonly AgentMark[]): string[] {
    const affected: string[] = [];
    for (const m of old) if (!next.some((n) => sameMark(m, n))) affected.push(...this.host.applyMark(m, -1));
    for (const m of next) if (!old.some((o) => sameMark(m, o))) affected.push(...this.host.applyMark(m, 1));
    return affected;
  }

  private updateWaiting(id: string, old: ContactView | null, view: ContactView): void {
    const before = old?.waiting;
    const after = view.waiting;
    if (before && (before.queueId !== after?.queueId || before.since !== after.since)) {
      this.waiting.get(before.queueId)?.delete(id);
      this.host.waitingChanged(before.queueId);
    }
    if (after && (before?.queueId !== after.queueId || before.since !== after.since)) {
      let queue = this.waiting.get(after.queueId);
      if (!queue) {
        queue = new Map();
        this.waiting.set(after.queueId, queue);
      }
      queue.set(id, { since: after.since, channel: after.channel });
      this.host.waitingChanged(after.queueId);
    }
  }

  /** The first queue a contact still remembered here entered (to attribute a survey). */
  queueOf(contactId: string): string | undefined {
    for (const e of this.contacts.get(contactId)?.events ?? []) if (e.type === 'contact.queued') return e.data.queueId;
    return undefined;
  }
}
