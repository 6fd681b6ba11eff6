import type { ReportGranularity } from '@plancia/contracts';
import { useReportsText, type ReportsKey } from '../reports-messages.js';
import { useReportsStore } from '../stores/reports-store.js';

/** A queue the page may report on: the board's queues, as the page that composes this feature passes them. */
export interface ReportQueue { queueId: string; name: string; channel: string | null }

const GRANULARITIES: [ReportGranularity, ReportsKey][] = [['15', 'minutes15'], ['30', 'minutes30'], ['interval', 'interval'], ['day', 'day']];

/** Plain form controls: every choice is reachable with Tab and the arrow keys, and applies at once. */
export function ReportControls({ queues }: { queues: readonly ReportQueue[] }) {
  const r = useReportsText();
  const { target, granularity, date, compare, choose } = useReportsStore();
  const channels = [...new Set(queues.map((q) => q.channel).filter((c): c is string => c !== null))].sort();
  return (
    <fieldset className="report-controls">
      <legend>{r('selection')}</legend>
      <label className="report-field">
        <span>{r('of')}</span>
        <select value={target} onChange={(e) => choose({ target: e.target.value })} data-testid="report-target">
          <optgroup label={r('queue')}>
            {queues.map((q) => <option key={q.queueId} value={`queue:${q.queueId}`}>{q.name}</option>)}
          </optgroup>
          {channels.length > 0 && (
            <optgroup label={r('channel')}>
              {channels.map((c) => <option key={c} value={`channel:${c}`}>{c}</option>)}
            </optgroup>
          )}
        </select>
      </label>
      <label className="report-field">
        <span>{r('granularity')}</span>
        <select value={granularity} onChange={(e) => choose({ granularity: e.target.value as ReportGranularity })} data-testid="report-granularity">
          {GRANULARITIES.map(([value, key]) => <option key={value} value={value}>{r(key)}</option>)}
        </select>
      </label>
      <label className="report-field">
        <span>{r('date')}</span>
        <input type="date" value={date} required onChange={(e) => e.target.value && choose({ date: e.target.value })} data-testid="report-date"
          aria-describedby={granularity === 'day' ? 'report-day-hint' : undefined} />
        {granularity === 'day' && <small id="report-day-hint">{r('dayHint')}</small>}
      </label>
      <label className="report-field report-field--inline">
        <input type="checkbox" checked={compare} onChange={(e) => choose({ compare: e.target.checked })} data-testid="report-compare" />
        <span>{r('compare')}</span>
      </label>
    </fieldset>
  );
}
