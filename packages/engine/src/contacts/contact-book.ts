import { Fact } from '../windows/facts.js';
import { DeadlineHeap } from './deadline-heap.js';
import { ContactView, loadFact, sameFact } from './contact-view.js';
import { deriveContact, type AgentMark, type DeriveContext } from './derive.js';
import { dormantContact, dormantDue, dormantLastAt, dormantSteps, type DormantContact } from './dormant.js';
import { compareSteps, contactStep, Lifecycle, type ContactEvent, type ContactStep } from './lifecycle.js';
import { WaitingLine, sameWaitingView, type Waiter } from './waiting-line.js';

const NO_STEPS: readonly ContactStep[] = [];

/** A live contact: its lifecycle (one object with it, not two), its events in time order and what it counts now. */
export class ContactRecord extends Lifecycle implements Waiter {
  /** replaced, not grown, by each event (see ContactBook.add) */
  events: readonly ContactStep[] = NO_STEPS;
  /** what the contact counts now (empty before its first derivation) */
  view = new ContactView();
  /** the view's deadline, already in the heap (Infinity: none) */
  due = Infinity;
  waitingSlot = -1;

  /** `epoch`: the configuration the view was derived under */
  constructor(readonly id: string, public epoch: number) {
    super();
  }
}

export interface ContactHost extends DeriveContext {
  count(fact: Fact, sign: number): void;
  /** returns contacts whose derivation depends on that agent's timeline */
  applyMark(m: AgentMark, sign: number): readonly string[];
  watchAgent(agentId: string, contactId: string, on: boolean): void;
  /** the agent's timeline entry equal to `m` (the same object a view's mark is), else `m` itself */
  sharedMark(m: AgentMark): AgentMark;
  waitingChanged(queueId: string): void;
  anomaly(kind: 'orphanEvents' | 'staleContactsRemoved' | 'conflicts', by?: number): void;
}

const NONE: readonly never[] = [];
/** the previous view of a contact woken from its packed form: none, so no mark is reused */
const NO_VIEW = new ContactView();

/**
 * The events with `step` at position `at`, in a new array of exactly their length: a contact keeps its handful of
 * events for hours, and a push would reserve seventeen slots for them (a concat would too, but costs more per call).
 */
function withStep(events: readonly ContactStep[], at: number, step: ContactStep): ContactStep[] {
  const out = new Array<ContactStep>(events.length + 1);
  for (let i = 0; i < at; i++) out[i] = events[i]!;
  out[at] = step;
  for (let i = at; i < events.length; i++) out[i + 1] = events[i]!;
  return out;
}

/** A redelivered event (same id from the same source) is already counted. */
function holds(events: readonly ContactStep[], e: ContactEvent): boolean {
  for (const x of events) if (x.id === e.id && x.source === e.source) return true;
  return false;
}

/** `into` plus the ids of `found` other than `self`; allocates only when there is one. */
function others(into: string[] | null, found: readonly string[], self: string): string[] | null {
  for (const id of found) if (id !== self) (into ??= []).push(id);
  return into;
}

/**
 * Live contacts, each with its events in time order. Any new event (or a deadline passing) re-derives the
 * contact's whole lifecycle and applies only the difference, so arrival order never changes the result.
 *
 * A finished contact that the clock can no longer change (nothing due but its forgetting, no open wrap-up, derived
 * under the current configuration) is dormant: held packed (see DormantContact) until it is forgotten, or woken
 * back into the very record it was, without counting anything, when an event or a deadline concerns it again.
 */
export class ContactBook {
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly dormant = new Map<string, DormantContact>();
  private readonly heap = new DeadlineHeap();
  /** queueId → the contacts waiting there now */
  readonly waiting = new Map<string, WaitingLine>();

  /** Bumped when settings or queues change: a view derived before may no longer be what a derivation gives. */
  private epoch = 0;
  /** where the next derivation is written before it replaces the contact's view; the replaced view becomes the spare */
  private spare = new ContactView();
  /** the record a view's stored fact is read into to be counted */
  private readonly fact = new Fact();

  constructor(private readonly host: ContactHost) {}

  /**
   * Call before the configuration changes: dormant contacts are woken while their views can still be derived again
   * as they were, then the new epoch leaves every view to be derived under the new configuration when next due.
   */
  configurationChanging(): void {
    for (const id of [...this.dormant.keys()]) this.wake(id);
    this.epoch++;
  }

  get size(): number {
    return this.contacts.size + this.dormant.size;
  }

  /** `seq`: the event's place in arrival order, which breaks ties of equal time. */
  add(e: ContactEvent, seq: number): void {
    const id = e.data.contactId;
    let rec = this.contacts.get(id) ?? this.wake(id);
    if (!rec) {
      rec = new ContactRecord(id, this.epoch);
      this.contacts.set(id, rec);
    }
    const events = rec.events;
    if (holds(events, e)) {
      this.sleepIfQuiet(rec);
      return;
    }
    const step = contactStep(e, seq);
    let at = events.length;
    while (at > 0 && compareSteps(events[at - 1]!, step) > 0) at--;
    rec.events = withStep(events, at, step);
    if (at === events.length) rec.step(step);
    else rec.rebuild(rec.events);
    this.rederiveOne(rec);
  }

  /**
   * Re-derives the contacts whose deadlines have passed. A heap entry the contact has since moved past (an answer
   * before T, say) is skipped: before its view's own deadline the clock alone cannot change a view. A finished
   * contact whose grace is over is forgotten without a derivation when nothing it shows can have changed: no
   * clock-driven change is due, it waits on no agent and the configuration is the one it was derived under.
   */
  tick(nowMs: number): void {
    const due: string[] = [];
    for (const id of this.heap.popDue(nowMs)) {
      const sleeper = this.dormant.get(id);
      if (sleeper !== undefined) {
        // Dormant: unchanged by definition (see sleepIfQuiet), so forgotten here as its record would be.
        if (dormantDue(sleeper) > nowMs) continue;
        if (this.outOfWindows(dormantLastAt(sleeper))) this.dormant.delete(id);
        else due.push(id);
        continue;
      }
      const rec = this.contacts.get(id);
      if (!rec || rec.due > nowMs) continue;
      const view = rec.view;
      const unchanged = rec.epoch === this.epoch && view.wrapAgent === null && view.changesAt > nowMs;
      if (unchanged && view.finished && this.outOfWindows(lastAt(rec))) this.contacts.delete(id);
      else due.push(id);
    }
    this.rederive(due);
    // Entries a contact moved past (a ghost timeout hours ahead, for a contact answered long ago) stay until due;
    // once they dominate, the heap keeps only each live contact's own deadline, so memory follows live contacts.
    if (this.heap.size > 4 * this.size + 1024) this.forgetStaleDeadlines();
  }

  /** Keeps in the heap only each contact's own deadline: the others would be passed over when due (see tick). */
  forgetStaleDeadlines(): void {
    this.heap.retain((time, id) => this.dueOf(id) === time);
  }

  /** No late event of a contact whose last event was at `lastAtMs` could still land in a window: it can be forgotten. */
  private outOfWindows(lastAtMs: number): boolean {
    return this.host.clock >= this.host.forgetAt(lastAtMs);
  }

  /** Re-derives these contacts, then (breadth first) the contacts whose derivation their agent marks touched. */
  rederive(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const work = [...ids];
    for (let n = 0; n < work.length; n++) {
      const rec = this.contacts.get(work[n]!) ?? this.wake(work[n]!);
      if (rec) for (const id of this.update(rec)) work.push(id);
    }
  }

  /** The common case: one contact, whose marks rarely touch another contact. */
  private rederiveOne(rec: ContactRecord): void {
    this.rederive(this.update(rec));
  }

  private update(rec: ContactRecord): readonly string[] {
    const old = rec.view;
    const view = this.spare;
    deriveContact(rec.id, rec.events, rec, this.host, old, view);
    rec.view = view;
    this.spare = old;
    rec.epoch = this.epoch;
    this.diffFacts(old, view);
    const affected = this.diffMarks(old, view, rec.id);
    this.updateWaiting(rec, old);
    // Orphans, ghosts and contradictions can be transient (the explaining event still in flight, however late), so
    // their counts follow the derivation: the same whatever order the events came in.
    if (view.orphan !== old.orphan) this.host.anomaly('orphanEvents', view.orphan ? 1 : -1);
    if (view.ghost !== old.ghost) this.host.anomaly('staleContactsRemoved', view.ghost ? 1 : -1);
    if (view.conflicts !== old.conflicts) this.host.anomaly('conflicts', view.conflicts - old.conflicts);
    if (old.wrapAgent !== view.wrapAgent) {
      if (old.wrapAgent) this.host.watchAgent(old.wrapAgent, rec.id, false);
      if (view.wrapAgent) this.host.watchAgent(view.wrapAgent, rec.id, true);
    }
    if (view.finished && this.outOfWindows(lastAt(rec))) {
      if (view.wrapAgent) this.host.watchAgent(view.wrapAgent, rec.id, false);
      this.contacts.delete(rec.id);
      return affected;
    }
    if (view.deadline !== rec.due) {
      rec.due = view.deadline;
      if (view.deadline < Infinity) this.heap.push(view.deadline, rec.id);
    }
    this.sleepIfQuiet(rec);
    return affected;
  }

  /**
   * Packs a contact whose view only its events decide: finished, nothing the clock can change (`changesAt`), no open
   * wrap-up (which the agent's next change closes), not waiting, and derived under the configuration in force, so
   * that deriving it again from its events at any later clock gives the same view (`wake`).
   */
  private sleepIfQuiet(rec: ContactRecord): void {
    const view = rec.view;
    if (!view.finished || view.changesAt !== Infinity || view.wrapAgent !== null || view.waitingQueue !== null || rec.epoch !== this.epoch) return;
    this.contacts.delete(rec.id);
    this.dormant.set(rec.id, dormantContact(rec.events, lastAt(rec), rec.due));
  }

  /**
   * The record a dormant contact was, rebuilt from its events and derived again without counting: the windows, the
   * agents' timelines and the anomaly counts already hold what it contributes. Its marks are its agents' timeline
   * entries themselves, as a record's are; its deadline is the one already in the heap (derived now it could read
   * later: the day that held it may have ended).
   */
  private wake(id: string): ContactRecord | undefined {
    const sleeper = this.dormant.get(id);
    if (sleeper === undefined) return undefined;
    this.dormant.delete(id);
    const rec = new ContactRecord(id, this.epoch);
    rec.events = dormantSteps(sleeper);
    rec.rebuild(rec.events);
    const view = rec.view;
    deriveContact(id, rec.events, rec, this.host, NO_VIEW, view);
    for (let i = 0; i < view.markCount; i++) view.marks[i] = this.host.sharedMark(view.marks[i]!);
    view.deadline = rec.due = dormantDue(sleeper);
    this.contacts.set(id, rec);
    return rec;
  }

  /**
   * Takes back the old view's facts that the new one lacks and counts the new ones. Equal facts are paired wherever
   * they stand: a derivation may list the same facts in another order (an answer after T is listed before the miss
   * counted at T), and pairing by position would take back and count again what did not change.
   */
  private diffFacts(old: ContactView, next: ContactView): void {
    let paired = 0; // bit j: the new fact j has its equal among the old ones (past 31 facts, each counts as changed)
    for (let i = 0; i < old.factCount; i++) {
      let j = 0;
      while (j < next.factCount && j < 31 && (paired & (1 << j) || !sameFact(old.facts, i, next.facts, j))) j++;
      if (j < next.factCount && j < 31) paired |= 1 << j;
      else this.countFact(old.facts, i, -1);
    }
    for (let j = 0; j < next.factCount; j++) if (j >= 31 || !(paired & (1 << j))) this.countFact(next.facts, j, 1);
  }

  private countFact(facts: readonly number[], i: number, sign: number): void {
    this.host.count(loadFact(facts, i, this.fact), sign);
  }

  /** Applies the marks that changed; returns the other contacts their agents' timelines concern. */
  private diffMarks(old: ContactView, next: ContactView, self: string): readonly string[] {
    let affected: string[] | null = null;
    for (let i = 0; i < old.markCount; i++) {
      const m = old.marks[i]!;
      if (!next.holdsMark(m)) affected = others(affected, this.host.applyMark(m, -1), self);
    }
    for (let i = 0; i < next.markCount; i++) {
      const m = next.marks[i]!;
      if (!old.holdsMark(m)) affected = others(affected, this.host.applyMark(m, 1), self);
    }
    return affected ?? NONE;
  }

  private updateWaiting(rec: ContactRecord, old: ContactView): void {
    const before = old.waitingQueue;
    const after = rec.view.waitingQueue;
    const view = rec.view;
    if (before === after && sameWaitingView(old, view)) return;
    if (before !== after && before !== null) this.waiting.get(before)!.leave(rec, old);
    if (before === after && before !== null) this.waiting.get(before)!.moved(rec, old);
    if (before !== after && after !== null) {
      let line = this.waiting.get(after);
      if (!line) {
        line = new WaitingLine();
        this.waiting.set(after, line);
      }
      line.join(rec);
    }
    if (before !== null) this.host.waitingChanged(before);
    if (after !== null && after !== before) this.host.waitingChanged(after);
  }

  /** How many contacts are held dormant (for tests and figures). */
  get dormantCount(): number {
    return this.dormant.size;
  }

  /** The deadline a contact's heap entry must have to still be its own. */
  private dueOf(id: string): number | undefined {
    const sleeper = this.dormant.get(id);
    return sleeper !== undefined ? dormantDue(sleeper) : this.contacts.get(id)?.due;
  }

  /** Whether the contact is held as a record (its view's marks are objects it edits), not dormant nor forgotten. */
  isAwake(contactId: string): boolean {
    return this.contacts.has(contactId);
  }

  /** The first queue a contact still remembered here entered (to attribute a survey). */
  queueOf(contactId: string): string | undefined {
    const sleeper = this.dormant.get(contactId);
    const events = sleeper !== undefined ? dormantSteps(sleeper) : this.contacts.get(contactId)?.events ?? [];
    for (const e of events) if (e.type === 'contact.queued') return e.queueId ?? undefined;
    return undefined;
  }
}

function lastAt(rec: ContactRecord): number {
  return rec.events[rec.events.length - 1]!.at;
}
