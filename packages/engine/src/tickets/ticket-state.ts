// The live state of one ticket and how it is counted in its queue's live figures.

export interface LiveTicketCounts {
  open: number;
  breached: number;
  atRisk: number;
}

/** A clock runs until it is done (replied, solved); meanwhile a tick may move it to at risk, then breached. */
export type ClockState = 'running' | 'atRisk' | 'breached' | 'done';
export type ClockName = 'firstResponse' | 'resolution';
export interface Clock {
  state: ClockState;
  riskMs: number;
  dueMs: number;
}
export type LiveClass = 'closed' | 'normal' | 'atRisk' | 'breached';

export interface Ticket {
  readonly id: string;
  readonly queueId: string;
  readonly channel: string;
  readonly firstResponse: Clock | undefined;
  readonly resolution: Clock | undefined;
  respondedMs: number | null;
  solved: boolean;
  /** Latest solve and reopen seen: the ticket is solved when the latest solve is after the latest reopen. */
  lastSolvedMs: number;
  lastReopenedMs: number;
  /** Bumped whenever the ticket's pending deadline entries become stale. */
  gen: number;
  /** The class it is counted under in its queue's live counts. */
  counted: LiveClass;
}

/** Breached outranks at risk: a ticket is counted once, under its worst running clock. */
export function liveClassOf(ticket: Ticket): LiveClass {
  if (ticket.solved) return 'closed';
  const states = [ticket.firstResponse?.state, ticket.resolution?.state];
  if (states.includes('breached')) return 'breached';
  if (states.includes('atRisk')) return 'atRisk';
  return 'normal';
}

export function addClass(c: LiveTicketCounts, cls: LiveClass, sign: 1 | -1): void {
  if (cls === 'closed') return;
  c.open += sign;
  if (cls === 'breached') c.breached += sign;
  if (cls === 'atRisk') c.atRisk += sign;
}
