import { useEffect, useMemo } from 'react';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { chartRows } from '../chart-rows.js';
import { useIntervalReport } from '../hooks/use-interval-report.js';
import { reportQuery } from '../reports-api.js';
import { useReportsText } from '../reports-messages.js';
import { useReportsStore } from '../stores/reports-store.js';
import { MonthlyExport } from './monthly-export.js';
import { ReportCharts } from './report-charts.js';
import { ReportControls, type ReportQueue } from './report-controls.js';
import { DownloadButtons } from './report-downloads.js';
import { ReportTotals } from './report-totals.js';
import '../reports.css';

/** The history of a queue or a channel read back from the stored intervals, its downloads, and the monthly export. */
export function ReportsView({ queues }: { queues: readonly ReportQueue[] }) {
  const r = useReportsText();
  const locale = useLocaleStore((s) => s.locale);
  const { target, granularity, date, compare, choose } = useReportsStore();
  // The first queue until one is chosen (the board's queues arrive with its first snapshot).
  useEffect(() => {
    if (target === '' && queues[0]) choose({ target: `queue:${queues[0].queueId}` });
  }, [target, queues, choose]);
  const selection = useMemo(() => ({ target, granularity, date, compare }), [target, granularity, date, compare]);
  const state = useIntervalReport(selection);
  const rows = useMemo(() => (state.status === 'loaded' ? chartRows(state.report) : []), [state]);
  return (
    <div className="reports">
      <ReportControls queues={queues} />
      <section className="report-result" aria-live="polite" aria-busy={state.status === 'loading'} data-testid="report-result" data-status={state.status}>
        {state.status === 'loading' && <p>{r('loading')}</p>}
        {state.status === 'failed' && <p role="alert">{r('failed', { message: state.message })}</p>}
        {state.status === 'loaded' && (
          <>
            {state.report.current.rows.length === 0 && <p>{r('noData')}</p>}
            <p className="report-hint">{r('chartHint')}</p>
            <ReportCharts rows={rows} compare={state.report.lastWeek !== undefined} />
            <ReportTotals report={state.report} />
            <DownloadButtons path="/api/v1/reports/intervals" query={reportQuery(selection)} lang={locale} label={r('downloads')} testId="report-download" />
          </>
        )}
      </section>
      <MonthlyExport />
    </div>
  );
}
