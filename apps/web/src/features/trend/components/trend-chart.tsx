import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClosedIntervalEntry } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useIntervalHistory } from '../hooks/use-interval-history.js';
import { TREND_SPAN_MS, useTrendStore, type TrendPoint } from '../stores/trend-store.js';
import { intervalEnd, trendRows } from '../trend-history.js';
import { timeTicks } from '../trend-ticks.js';
import { IntervalSummary } from './interval-summary.js';

const NO_POINTS: TrendPoint[] = [];
const NO_INTERVALS: ClosedIntervalEntry[] = [];

/**
 * One queue over the last two hours: the service level of each closed interval the server stored (a step), and since
 * the page loaded the rolling service level and the waiting count. Drawn without animation so updates cost little.
 */
export function TrendChart({ queueId }: { queueId: string }) {
  useIntervalHistory(queueId);
  const live = useTrendStore((s) => s.byQueue[queueId] ?? NO_POINTS);
  const intervals = useTrendStore((s) => s.history[queueId] ?? NO_INTERVALS);
  const { t, fmt } = useI18n();
  const last = intervals.at(-1);
  const end = Math.max(live.at(-1)?.at ?? 0, last ? intervalEnd(last) : 0);
  const from = end - TREND_SPAN_MS;
  const rows = useMemo(() => trendRows(intervals, live, from), [intervals, live, from]);
  const ticks = useMemo(() => timeTicks(from, end), [from, end]);
  const shown = useMemo(() => intervals.filter((interval) => intervalEnd(interval) > from), [intervals, from]);
  return (
    <div data-testid="trend-chart" data-intervals={shown.length}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#334155" />
          <XAxis dataKey="at" type="number" domain={[from, end]} allowDataOverflow ticks={ticks} tickFormatter={(v: number) => fmt.time(v)} stroke="#cbd5e1" />
          <YAxis yAxisId="sl" domain={[0, 1]} tickFormatter={(v: number) => fmt.percent(v)} stroke="#cbd5e1" />
          <YAxis yAxisId="waiting" orientation="right" allowDecimals={false} stroke="#cbd5e1" />
          <Tooltip labelFormatter={(v) => fmt.clock(Number(v))} contentStyle={{ background: '#0f172a', border: '1px solid #475569' }} />
          <Legend />
          <Line yAxisId="sl" dataKey="intervalServiceLevel" name={t('intervalServiceLevel')} className="trend__intervals" stroke="#93c5fd" strokeWidth={3} strokeDasharray="10 4" dot={false} isAnimationActive={false} />
          <Line yAxisId="sl" dataKey="serviceLevel" name={t('serviceLevel')} stroke="#4ade80" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          <Line yAxisId="waiting" dataKey="waiting" name={t('waiting')} stroke="#fbbf24" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
      <IntervalSummary intervals={shown} />
    </div>
  );
}
