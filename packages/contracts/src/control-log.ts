import { Type, type Static } from '@sinclair/typebox';
import { Alert } from './alerts.js';

const Iso = Type.String({ format: 'date-time' });
const Id = Type.String({ minLength: 1, maxLength: 128 });

/** A broadcast's text fits a ticker line; a shift-log note is a few paragraphs at most. */
export const BROADCAST_LIMITS = Object.freeze({ maxText: 280, maxQueues: 50, maxAheadMs: 24 * 60 * 60 * 1000 });
export const SHIFT_LOG_LIMITS = Object.freeze({ maxText: 2000, maxRangeDays: 31, maxHandoverHours: 72, defaultHandoverHours: 8 });

export const BroadcastLevel = Type.Union([Type.Literal('info'), Type.Literal('warning')]);
export type BroadcastLevel = Static<typeof BroadcastLevel>;

/** `POST /api/v1/broadcasts`: without `queueIds`, the sender's whole scope (all of its tenant when unscoped). */
export const BroadcastRequest = Type.Object({
  text: Type.String({ minLength: 1, maxLength: BROADCAST_LIMITS.maxText }),
  level: BroadcastLevel,
  expiresAt: Type.String({ format: 'date-time', description: 'in the future, at most 24 hours ahead' }),
  queueIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: BROADCAST_LIMITS.maxQueues, uniqueItems: true })),
}, { additionalProperties: false });
export type BroadcastRequest = Static<typeof BroadcastRequest>;

/**
 * A message to the boards. `queueIds` and `teamIds` say which boards show it (both empty: every board of the tenant):
 * a board shows it when its viewer reaches one of those queues or teams.
 */
export const Broadcast = Type.Object({
  id: Type.String(),
  text: Type.String(),
  level: BroadcastLevel,
  queueIds: Type.Array(Type.String()),
  teamIds: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Iso,
  expiresAt: Iso,
});
export type Broadcast = Static<typeof Broadcast>;

export const BroadcastList = Type.Object({ broadcasts: Type.Array(Broadcast) });
export type BroadcastList = Static<typeof BroadcastList>;

/** `POST /api/v1/shift-log`: a note, tied to an alert or a queue the writer sees if it names one. */
export const ShiftNoteRequest = Type.Object({
  text: Type.String({ minLength: 1, maxLength: SHIFT_LOG_LIMITS.maxText }),
  alertId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  queueId: Type.Optional(Id),
}, { additionalProperties: false });
export type ShiftNoteRequest = Static<typeof ShiftNoteRequest>;

export const ShiftNote = Type.Object({
  id: Type.Integer(),
  at: Iso,
  author: Type.String({ description: 'as the audit log names the writer, e.g. `user:anna`' }),
  text: Type.String(),
  alertId: Type.Union([Type.String(), Type.Null()]),
  queueId: Type.Union([Type.String(), Type.Null()]),
});
export type ShiftNote = Static<typeof ShiftNote>;

/** `GET /api/v1/shift-log`: notes written in [from, to), newest first; by default the last 24 hours. */
export const ShiftLogQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'earliest note (default: 24 hours before `to`)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'notes before this instant (default: now)' })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: '`csv` (or `Accept: text/csv`) answers a CSV file' })),
});
export type ShiftLogQuery = Static<typeof ShiftLogQuery>;

export const ShiftLog = Type.Object({ notes: Type.Array(ShiftNote) });
export type ShiftLog = Static<typeof ShiftLog>;

/** `GET /api/v1/shift-log/handover`: what the next shift reads first. */
export const HandoverQuery = Type.Object({
  hours: Type.Optional(Type.Integer({ minimum: 1, maximum: SHIFT_LOG_LIMITS.maxHandoverHours, description: 'notes of the last N hours (default 8)' })),
  since: Type.Optional(Type.String({ format: 'date-time', description: 'notes since this instant (the start of the shift); wins over `hours`' })),
});
export type HandoverQuery = Static<typeof HandoverQuery>;

export const Handover = Type.Object({
  since: Iso,
  notes: Type.Array(ShiftNote, { description: 'newest first' }),
  openAlerts: Type.Array(Alert, { description: 'the alerts open now, in the caller\'s scope' }),
});
export type Handover = Static<typeof Handover>;
