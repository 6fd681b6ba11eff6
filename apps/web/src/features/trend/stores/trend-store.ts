import { create } from 'zustand';
import type { ClosedIntervalEntry, QueueSnapshot } from '@plancia/contracts';

export interface TrendPoint {
  at: number;
  serviceLevel: number | null;
  waiting: number;
}

/** Two hours: the last closed half-hours from the server, at one point every 15 s since the page loaded (480 at most). */
export const TREND_SPAN_MS = 2 * 60 * 60 * 1000;
export const TREND_STEP_MS = 15 * 1000;
const MAX_POINTS = TREND_SPAN_MS / TREND_STEP_MS;

interface TrendState {
  byQueue: Record<string, TrendPoint[]>;
  /** Closed intervals per queue as the server stored them, oldest first. */
  history: Record<string, ClosedIntervalEntry[]>;
  record(queues: readonly QueueSnapshot[], at: number): void;
  setHistory(queueId: string, intervals: readonly ClosedIntervalEntry[]): void;
}

const step = (at: number) => Math.floor(at / TREND_STEP_MS);

/** Within a 15 s step the latest value replaces the step's point, so the line always ends at the current value. */
export function appendPoint(points: readonly TrendPoint[], point: TrendPoint): TrendPoint[] {
  const last = points.at(-1);
  const kept = last && step(last.at) === step(point.at) ? points.slice(0, -1) : [...points];
  kept.push(point);
  const from = point.at - TREND_SPAN_MS;
  const firstRecent = kept.findIndex((p) => p.at > from);
  const recent = firstRecent > 0 ? kept.slice(firstRecent) : kept;
  return recent.length > MAX_POINTS ? recent.slice(recent.length - MAX_POINTS) : recent;
}

/**
 * Per queue: service level (rolling window) and waiting sampled in the browser from changes, and the closed
 * intervals the server already had when the page loaded, so the chart is never empty on arrival.
 */
export const useTrendStore = create<TrendState>()((set) => ({
  byQueue: {},
  history: {},
  record: (queues, at) =>
    set((state) => {
      const byQueue = { ...state.byQueue };
      for (const queue of queues) {
        const point = { at, serviceLevel: queue.windows.rolling.serviceLevel, waiting: queue.live.waiting };
        byQueue[queue.queueId] = appendPoint(byQueue[queue.queueId] ?? [], point);
      }
      return { byQueue };
    }),
  setHistory: (queueId, intervals) => set((state) => ({ history: { ...state.history, [queueId]: [...intervals] } })),
}));
