import { useEffect } from 'react';
import { boardParams } from '../../../lib/board-params.js';
import { fetchIntervals } from '../intervals-api.js';
import { TREND_SPAN_MS, useTrendStore } from '../stores/trend-store.js';

/** Intervals close every 15 or 30 minutes (plus the grace period): asking every five minutes keeps the step current. */
const REFRESH_MS = 5 * 60 * 1000;

/**
 * Loads the closed intervals of `queueId` the server already has as soon as the chart shows that queue, then again
 * now and then so intervals that close while the page is open join the history. A failed load leaves what was
 * there: the live samples still draw.
 */
export function useIntervalHistory(queueId: string): void {
  useEffect(() => {
    const controller = new AbortController();
    const { token } = boardParams(window.location.search);
    const load = () => {
      fetchIntervals(queueId, Date.now() - TREND_SPAN_MS, token, controller.signal)
        .then((intervals) => useTrendStore.getState().setHistory(queueId, intervals))
        .catch(() => undefined);
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [queueId]);
}
