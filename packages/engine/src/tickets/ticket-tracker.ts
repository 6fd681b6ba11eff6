import { DEFAULT_SETTINGS, type AsyncTarget, type QueueConfig, type TimedEvent } from '@plancia/contracts';
import type { Calendar } from '../calendar/business-calendar.js';
import { MinHeap } from './min-heap.js';
import { PendingEvents } from './pending-events.js';
import { chooseTarget, deadlineOf, DEFAULT_TICKET_CHANNEL, DEFAULT_TICKET_PRIORITY } from './targets.js';
import { addClass, liveClassOf, type Clock, type ClockName, type LiveTicketCounts, type Ticket } from './ticket-state.js';

export type { LiveTicketCounts } from './ticket-state.js';

/** What the windows count, each at its own instant. `inTarget` is absent when no target applies. */
export type TicketFact = {
  queueId: string;
  channel: string;
  kind: 'created' | 'firstResponse' | 'solved';
  atMs: number;
  inTarget?: boolean;
  /** −1: takes back a fact counted before (a first response superseded by an earlier reply that arrived late) */
  sign?: -1;
};

export interface TicketTrackerOptions {
  calendarFor(queueId: string): Calendar;
  queueConfig(queueId: string): QueueConfig;
  /** How long an update of a not-yet-created ticket is held; defaults to the settings' grace (120 s). */
  graceMs?: number;
  /** Until when an update at `atMs` of a not-yet-created ticket is held; overrides `graceMs`. */
  holdUntil?: (atMs: number) => number;
  /** How many solved tickets are remembered so that a reopen keeps their creation time. */
  solvedMemory?: number;
}

export const DEFAULT_SOLVED_MEMORY = 10_000;

interface DeadlineEntry {
  readonly at: number;
  readonly ticket: Ticket;
  readonly clock: ClockName;
  readonly to: 'atRisk' | 'breached';
  readonly gen: number;
}

type TicketUpdate = Extract<TimedEvent, { type: 'ticket.replied' | 'ticket.solved' | 'ticket.reopened' }>;

/**
 * Live first-response and resolution clocks of tickets, per queue. Deadlines wait in a min-heap, so a tick costs
 * O(log n) per deadline that falls due, whatever the number of open tickets. Rules are in docs/calendars-and-sla.md.
 */
export class TicketTracker {
  private readonly open = new Map<string, Ticket>();
  private readonly solved = new Map<string, Ticket>();
  private readonly counts = new Map<string, LiveTicketCounts>();
  private readonly deadlines = new MinHeap<DeadlineEntry>();
  private readonly pending: PendingEvents<TicketUpdate>;
  private readonly solvedMemory: number;
  private facts: TicketFact[] = [];
  private orphans = 0;

  constructor(private readonly opts: TicketTrackerOptions) {
    const graceMs = opts.graceMs ?? DEFAULT_SETTINGS.graceSeconds * 1000;
    this.pending = new PendingEvents(opts.holdUntil ?? ((atMs) => atMs + graceMs));
    this.solvedMemory = opts.solvedMemory ?? DEFAULT_SOLVED_MEMORY;
  }

  /** Applies a ticket event; other event types are ignored. */
  apply(event: TimedEvent): void {
    if (event.type === 'ticket.created') return this.create(event);
    if (event.type !== 'ticket.replied' && event.type !== 'ticket.solved' && event.type !== 'ticket.reopened') return;
    const ticket = this.find(event.data.ticketId);
    if (ticket) this.update(ticket, event);
    else this.pending.hold(event.data.ticketId, event);
  }

  /** Marks the deadlines due by `nowMs` and drops held updates whose ticket never came. */
  tick(nowMs: number): void {
    this.advance(nowMs);
    this.orphans += this.pending.expire(nowMs);
    // Entries of solved or re-armed tickets stay in the heap until due; rebuild once they dominate it.
    if (this.deadlines.size > 4 * this.open.size + 1024) this.deadlines.retain((e) => this.isLive(e));
  }

  live(queueId: string, nowMs: number): LiveTicketCounts {
    this.advance(nowMs);
    const c = this.counts.get(queueId);
    return c ? { ...c } : { open: 0, breached: 0, atRisk: 0 };
  }

  drainFacts(): TicketFact[] {
    const facts = this.facts;
    this.facts = [];
    return facts;
  }

  /** Updates dropped since the previous call because their ticket was never created within grace. */
  drainOrphans(): number {
    const n = this.orphans;
    this.orphans = 0;
    return n;
  }

  queues(): string[] {
    return [...this.counts.keys()];
  }

  private create(event: Extract<TimedEvent, { type: 'ticket.created' }>): void {
    const { ticketId, queueId } = event.data;
    if (this.find(ticketId)) return; // a duplicate creation
    const config = this.opts.queueConfig(queueId);
    const channel = event.data.channel ?? DEFAULT_TICKET_CHANNEL;
    const priority = event.data.priority ?? DEFAULT_TICKET_PRIORITY;
    const clock = (targets: readonly AsyncTarget[]): Clock | undefined => {
      const target = chooseTarget(targets, channel, priority);
      if (!target) return undefined;
      return { state: 'running', ...deadlineOf(target, event.timeMs, () => this.opts.calendarFor(queueId)) };
    };
    const ticket: Ticket = {
      id: ticketId, queueId, channel,
      firstResponse: clock(config.firstResponse), resolution: clock(config.resolution),
      respondedMs: null, solved: false, lastSolvedMs: -Infinity, lastReopenedMs: -Infinity, gen: 0, counted: 'closed',
    };
    this.open.set(ticketId, ticket);
    this.arm(ticket, 'firstResponse');
    this.arm(ticket, 'resolution');
    this.recount(ticket);
    this.facts.push({ queueId, channel, kind: 'created', atMs: event.timeMs });
    for (const held of this.pending.take(ticketId)) this.update(ticket, held);
  }

  private update(ticket: Ticket, event: TicketUpdate): void {
    if (event.type === 'ticket.replied') this.reply(ticket, event.timeMs);
    else if (event.type === 'ticket.solved') this.solve(ticket, event.timeMs);
    else this.reopen(ticket, event.timeMs);
  }

  /** The earliest public reply is the first response, whichever arrived first; later replies change nothing. */
  private reply(ticket: Ticket, atMs: number): void {
    const before = ticket.respondedMs;
    if (before !== null && atMs >= before) return;
    if (before !== null) this.facts.push({ ...this.fact(ticket, 'firstResponse', before, ticket.firstResponse), sign: -1 });
    ticket.respondedMs = atMs;
    this.facts.push(this.fact(ticket, 'firstResponse', atMs, ticket.firstResponse));
    if (ticket.firstResponse) ticket.firstResponse.state = 'done';
    this.recount(ticket);
  }

  /** Every solve counts (a ticket solved, reopened and solved again counts twice); a repeat at the same instant does not. */
  private solve(ticket: Ticket, atMs: number): void {
    if (atMs === ticket.lastSolvedMs) return;
    this.facts.push(this.fact(ticket, 'solved', atMs, ticket.resolution));
    ticket.lastSolvedMs = Math.max(ticket.lastSolvedMs, atMs);
    // Any solve stops the first-response clock, even one superseded by a reopen: no first response is asked again.
    if (ticket.firstResponse) ticket.firstResponse.state = 'done';
    this.syncStatus(ticket);
    this.recount(ticket);
  }

  private reopen(ticket: Ticket, atMs: number): void {
    ticket.lastReopenedMs = Math.max(ticket.lastReopenedMs, atMs);
    this.syncStatus(ticket);
  }

  /** Status follows the latest solve or reopen by event time, so the arrival order of the two does not matter. */
  private syncStatus(ticket: Ticket): void {
    const solved = ticket.lastSolvedMs > ticket.lastReopenedMs;
    if (solved === ticket.solved) return;
    if (solved) this.close(ticket);
    else this.resume(ticket);
  }

  private close(ticket: Ticket): void {
    ticket.solved = true;
    ticket.gen += 1;
    if (ticket.resolution) ticket.resolution.state = 'done';
    this.recount(ticket);
    this.open.delete(ticket.id);
    this.solved.set(ticket.id, ticket);
    if (this.solved.size > this.solvedMemory) this.solved.delete(this.solved.keys().next().value!);
  }

  /** A reopen resumes the resolution clock from the original creation; the first response is not asked again. */
  private resume(ticket: Ticket): void {
    ticket.solved = false;
    ticket.gen += 1;
    if (ticket.resolution) ticket.resolution.state = 'running';
    this.arm(ticket, 'resolution');
    this.solved.delete(ticket.id);
    this.open.set(ticket.id, ticket);
    this.recount(ticket);
  }

  private advance(nowMs: number): void {
    for (let top = this.deadlines.peek(); top && top.at <= nowMs; top = this.deadlines.peek()) {
      this.deadlines.pop();
      if (!this.isLive(top)) continue;
      top.ticket[top.clock]!.state = top.to;
      this.recount(top.ticket);
    }
  }

  private isLive(entry: DeadlineEntry): boolean {
    const { ticket } = entry;
    const state = ticket[entry.clock]?.state;
    if (entry.gen !== ticket.gen || ticket.solved) return false;
    return entry.to === 'atRisk' ? state === 'running' : state === 'running' || state === 'atRisk';
  }

  /** Queues a clock's at-risk and breach instants; breached means strictly past the due instant. */
  private arm(ticket: Ticket, name: ClockName): void {
    const clock = ticket[name];
    if (!clock) return;
    const base = { ticket, clock: name, gen: ticket.gen };
    this.deadlines.push({ ...base, at: clock.riskMs, to: 'atRisk' });
    this.deadlines.push({ ...base, at: clock.dueMs + 1, to: 'breached' });
  }

  private recount(ticket: Ticket): void {
    const next = liveClassOf(ticket);
    if (next === ticket.counted) return;
    let c = this.counts.get(ticket.queueId);
    if (!c) {
      c = { open: 0, breached: 0, atRisk: 0 };
      this.counts.set(ticket.queueId, c);
    }
    addClass(c, ticket.counted, -1);
    addClass(c, next, 1);
    ticket.counted = next;
  }

  private fact(ticket: Ticket, kind: 'firstResponse' | 'solved', atMs: number, clock: Clock | undefined): TicketFact {
    const fact: TicketFact = { queueId: ticket.queueId, channel: ticket.channel, kind, atMs };
    if (clock) fact.inTarget = atMs <= clock.dueMs;
    return fact;
  }

  private find(ticketId: string): Ticket | undefined {
    return this.open.get(ticketId) ?? this.solved.get(ticketId);
  }
}
