import { KPI_DEFINITIONS, KPI_NAMES, kpiBand, kpiValue, type KpiBand, type KpiName, type KpiTarget, type QueueSnapshot } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import type { Formatters } from '../../../lib/format.js';
import { useQueuesStore } from '../../../stores/queues-store.js';
import { useWindowStore } from '../../../stores/window-store.js';
import { useQueueText, type QueueText } from '../queue-messages.js';

const BAND_ICON: Record<KpiBand, string> = { ok: '✔', warning: '▲', critical: '✖', none: '' };
const BAND_CLASS: Record<KpiBand, string> = { ok: 'ok', warning: 'warn', critical: 'bad', none: '' };
const BAND_TEXT = { ok: 'bandOk', warning: 'bandWarning', critical: 'bandCritical', none: 'bandNone' } as const;

/** A KPI as the board writes it: shares in percent, times as durations, NPS with its sign, CES to one decimal. */
export function formatKpi(name: KpiName, value: number | null, fmt: Formatters): string {
  if (value === null) return '—';
  switch (KPI_DEFINITIONS[name].unit) {
    case 'fraction': return fmt.percent(value);
    case 'seconds': return fmt.duration(value);
    case 'score': return name === 'nps' && value > 0 ? `+${fmt.decimal(value)}` : fmt.decimal(value);
  }
}

function targetText(name: KpiName, target: KpiTarget | undefined, fmt: Formatters, q: QueueText): string {
  if (!target) return q('noTarget');
  return q(KPI_DEFINITIONS[name].direction, { value: formatKpi(name, target.target, fmt) });
}

export function KpiCell({ name, queue }: { name: KpiName; queue: QueueSnapshot }) {
  const window = useWindowStore((s) => s.window);
  const { fmt } = useI18n();
  const q = useQueueText();
  const value = kpiValue(name, queue.windows[window]);
  const target = queue.kpiTargets?.[name];
  const band = kpiBand(name, value, target);
  return (
    <td className={BAND_CLASS[band]} data-testid={`kpi-${queue.queueId}-${name}`} data-band={band}>
      {BAND_ICON[band] && <span aria-hidden="true">{BAND_ICON[band]} </span>}
      {formatKpi(name, value, fmt)}
      <span className="sr-only"> ({q(BAND_TEXT[band])})</span>
      <small className="kpi__target">{targetText(name, target, fmt, q)}</small>
    </td>
  );
}

/** Each queue's AHT, occupancy, 90th-percentile wait, surveys, repeat contacts and ticket SLA against its targets. */
export function KpiTable() {
  const byId = useQueuesStore((s) => s.byId);
  const order = useQueuesStore((s) => s.order);
  const q = useQueueText();
  const queues = order.flatMap((id) => (byId[id] ? [byId[id]] : []));
  if (queues.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="kpis-title">
      <h2 id="kpis-title">{q('kpis')}</h2>
      <table className="kpis" data-testid="kpi-table">
        <thead>
          <tr>
            <th scope="col">{q('queue')}</th>
            {KPI_NAMES.map((name) => <th scope="col" key={name}>{q(name)}</th>)}
          </tr>
        </thead>
        <tbody>
          {queues.map((queue) => (
            <tr key={queue.queueId}>
              <th scope="row">{queue.name}</th>
              {KPI_NAMES.map((name) => <KpiCell key={name} name={name} queue={queue} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
