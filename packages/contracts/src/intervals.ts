import { Type, type Static } from '@sinclair/typebox';
import { AbandonPolicy } from './config.js';
import { WindowMetrics } from './snapshot.js';

/** The longest range one request may ask for: a month of half-hours is about 1,500 rows per queue. */
export const INTERVAL_RANGE_MAX_DAYS = 31;

/** `GET /api/v1/intervals`: one queue's closed intervals starting in [from, to); by default the last 24 hours. */
export const IntervalQuery = Type.Object({
  queue: Type.String({ minLength: 1, maxLength: 128, description: 'the queue id' }),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'earliest interval start (default: 24 hours before `to`)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'interval starts before this instant (default: now)' })),
});
export type IntervalQuery = Static<typeof IntervalQuery>;

/**
 * One closed, aligned interval of a queue, as stored when it closed (grace period included): its figures no longer
 * move with new events, only a configuration change recomputes them.
 */
export const ClosedIntervalEntry = Type.Object({
  queueId: Type.String(),
  intervalStart: Type.String({ format: 'date-time' }),
  intervalMinutes: Type.Integer({ minimum: 1 }),
  metrics: WindowMetrics,
  abandonPolicy: Type.Optional({
    ...AbandonPolicy,
    description: 'the queue\'s abandon policy its service level was computed under; absent in intervals stored before it was kept',
  }),
});
export type ClosedIntervalEntry = Static<typeof ClosedIntervalEntry>;

/** The answer: oldest first. */
export const IntervalList = Type.Object({ intervals: Type.Array(ClosedIntervalEntry) });
export type IntervalList = Static<typeof IntervalList>;
