import type { ReactNode } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import type { ChartRow } from '../chart-rows.js';
import { useReportsText } from '../reports-messages.js';

const AXIS = '#cbd5e1';
const TOOLTIP = { background: '#0f172a', border: '1px solid #475569' };

/** One titled chart; its series are named on the element so a test (or a reader of the DOM) can tell them apart. */
function Chart({ id, title, series, rows, children }: { id: string; title: string; series: string[]; rows: ChartRow[]; children: ReactNode }) {
  return (
    <figure className="report-chart" data-testid={`report-chart-${id}`} data-series={series.join(',')} data-points={rows.length}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#334155" />
          <XAxis dataKey="label" stroke={AXIS} />
          {children}
          <Legend />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Service level, contacts, and ASA with AHT, this period solid and last week dashed; no animation. */
export function ReportCharts({ rows, compare }: { rows: ChartRow[]; compare: boolean }) {
  const r = useReportsText();
  const { fmt } = useI18n();
  const lastWeek = (name: string) => `${name} — ${r('lastWeek')}`;
  const seconds = (v: unknown) => (typeof v === 'number' ? fmt.decimal(v) : '—');
  return (
    <div className="report-charts">
      <Chart id="service-level" title={r('serviceLevel')} rows={rows} series={['serviceLevel', ...(compare ? ['lastWeekServiceLevel'] : [])]}>
        <YAxis domain={[0, 1]} tickFormatter={(v: number) => fmt.percent(v)} stroke={AXIS} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? fmt.percent(v) : '—')} contentStyle={TOOLTIP} />
        <Line dataKey="serviceLevel" name={r('current')} className="report-line--current" stroke="#4ade80" strokeWidth={2} isAnimationActive={false} connectNulls />
        {compare && <Line dataKey="lastWeekServiceLevel" name={r('lastWeek')} className="report-line--last-week" stroke="#93c5fd" strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} connectNulls />}
      </Chart>
      <Chart id="volumes" title={r('volumes')} rows={rows} series={['offered', 'answered', 'abandoned', ...(compare ? ['lastWeekOffered'] : [])]}>
        <YAxis allowDecimals={false} stroke={AXIS} />
        <Tooltip contentStyle={TOOLTIP} />
        <Bar dataKey="answered" name={r('answered')} stackId="contacts" fill="#4ade80" isAnimationActive={false} />
        <Bar dataKey="abandoned" name={r('abandoned')} stackId="contacts" fill="#f87171" isAnimationActive={false} />
        <Line dataKey="offered" name={r('offered')} stroke="#fbbf24" strokeWidth={2} isAnimationActive={false} />
        {compare && <Line dataKey="lastWeekOffered" name={lastWeek(r('offered'))} stroke="#fbbf24" strokeDasharray="6 3" isAnimationActive={false} connectNulls />}
      </Chart>
      <Chart id="times" title={r('times')} rows={rows} series={['asa', 'aht', ...(compare ? ['lastWeekAsa', 'lastWeekAht'] : [])]}>
        <YAxis stroke={AXIS} />
        <Tooltip formatter={seconds} contentStyle={TOOLTIP} />
        <Line dataKey="asa" name={r('asa')} stroke="#c084fc" strokeWidth={2} isAnimationActive={false} connectNulls />
        <Line dataKey="aht" name={r('aht')} stroke="#38bdf8" strokeWidth={2} isAnimationActive={false} connectNulls />
        {compare && <Line dataKey="lastWeekAsa" name={lastWeek(r('asa'))} stroke="#c084fc" strokeDasharray="6 3" isAnimationActive={false} connectNulls />}
        {compare && <Line dataKey="lastWeekAht" name={lastWeek(r('aht'))} stroke="#38bdf8" strokeDasharray="6 3" isAnimationActive={false} connectNulls />}
      </Chart>
    </div>
  );
}
