import { DEFAULT_CALENDAR, defaultQueueConfig, type EventType, type QueueConfig, type TimedEvent } from '@plancia/contracts';
import { Calendar } from '../calendar/business-calendar.js';
import { TicketTracker } from './ticket-tracker.js';

/** Test helpers: a tracker on the default Rome calendar and terse ticket events. */
export const office = new Calendar(DEFAULT_CALENDAR);

export function newTracker(opts: { config?: (queueId: string) => QueueConfig; graceMs?: number; solvedMemory?: number } = {}) {
  return new TicketTracker({
    calendarFor: () => office,
    queueConfig: opts.config ?? ((queueId) => defaultQueueConfig(queueId)),
    ...(opts.graceMs !== undefined ? { graceMs: opts.graceMs } : {}),
    ...(opts.solvedMemory !== undefined ? { solvedMemory: opts.solvedMemory } : {}),
  });
}

let seq = 0;
function event(type: EventType, timeMs: number, data: Record<string, unknown>): TimedEvent {
  seq += 1;
  return { specversion: '1.0', id: `e${seq}`, source: 'test', type, time: new Date(timeMs).toISOString(), timeMs, data } as TimedEvent;
}

const ms = (at: number | string): number => (typeof at === 'number' ? at : Date.parse(at));

export const created = (ticketId: string, at: number | string, extra: Record<string, unknown> = {}) =>
  event('ticket.created', ms(at), { ticketId, queueId: 'support', ...extra });
export const replied = (ticketId: string, at: number | string) => event('ticket.replied', ms(at), { ticketId, agentId: 'a1' });
export const solved = (ticketId: string, at: number | string) => event('ticket.solved', ms(at), { ticketId });
export const reopened = (ticketId: string, at: number | string) => event('ticket.reopened', ms(at), { ticketId });
