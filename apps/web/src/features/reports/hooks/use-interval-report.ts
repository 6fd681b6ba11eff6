import { useEffect, useState } from 'react';
import type { IntervalReport } from '@plancia/contracts';
import { boardParams } from '../../../lib/board-params.js';
import { fetchReport } from '../reports-api.js';
import type { ReportSelection } from '../stores/reports-store.js';

export type ReportState =
  | { status: 'idle' | 'loading' }
  | { status: 'loaded'; report: IntervalReport }
  | { status: 'failed'; message: string };

/** Loads the report of a selection whenever it changes; an answer to an older selection is dropped. */
export function useIntervalReport(selection: ReportSelection): ReportState {
  const [state, setState] = useState<ReportState>({ status: 'idle' });
  const { target, granularity, date, compare } = selection;
  useEffect(() => {
    if (target === '') return undefined;
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchReport({ target, granularity, date, compare }, boardParams(window.location.search).token, controller.signal)
      .then((report) => setState({ status: 'loaded', report }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [target, granularity, date, compare]);
  return state;
}
