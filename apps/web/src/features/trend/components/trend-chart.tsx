import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useTrendStore } from '../stores/trend-store.js';

const EMPTY: never[] = [];

/** Service level and waiting of one queue over the last hour; drawn without animation so updates cost little. */
export function TrendChart({ queueId }: { queueId: string }) {
  const points = useTrendStore((s) => s.byQueue[queueId] ?? EMPTY);
  const { t, fmt } = useI18n();
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#334155" />
        <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} scale="time" tickFormatter={(v: number) => fmt.time(v)} stroke="#cbd5e1" />
        <YAxis yAxisId="sl" domain={[0, 1]} tickFormatter={(v: number) => fmt.percent(v)} stroke="#cbd5e1" />
        <YAxis yAxisId="waiting" orientation="right" allowDecimals={false} stroke="#cbd5e1" />
        <Tooltip labelFormatter={(v) => fmt.clock(Number(v))} contentStyle={{ background: '#0f172a', border: '1px solid #475569' }} />
        <Legend />
        <Line yAxisId="sl" dataKey="serviceLevel" name={t('serviceLevel')} stroke="#4ade80" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        <Line yAxisId="waiting" dataKey="waiting" name={t('waiting')} stroke="#fbbf24" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
