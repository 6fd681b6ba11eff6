import { KPI_NAMES } from '@plancia/contracts';
import { useQueuesStore } from '../../../stores/queues-store.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useQueueText } from '../queue-messages.js';
import { KpiCell } from './kpi-table.js';

/**
 * The KPI table turned for a TV page: the KPIs down the side (always the same few), a column per queue (as many as
 * fit across), each cell its value over its target, with band icon and colour as on the board.
 */
export function KpiTvTable({ ids, from, to }: { ids: readonly string[]; from: number; to: number }) {
  const byId = useQueuesStore((s) => s.byId);
  const q = useQueueText();
  const { t } = useI18n();
  const queues = ids.flatMap((id) => (byId[id] ? [byId[id]] : []));
  const total = useQueuesStore((s) => s.order.length);
  const first = useQueuesStore((s) => s.order.indexOf(ids[0] ?? ''));
  return (
    <section className="panel" aria-labelledby="kpis-title">
      <h2 id="kpis-title">
        {q('kpis')} ({t('shownOf', { from: first + 1, to: first + queues.length, total })})
      </h2>
      <table className="kpis kpis--tv" data-testid="kpi-table">
        <thead>
          <tr>
            <th scope="col">{q('kpi')}</th>
            {queues.map((queue) => <th scope="col" key={queue.queueId}>{queue.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {KPI_NAMES.slice(from, to).map((name) => (
            <tr key={name}>
              <th scope="row">{q(name)}</th>
              {queues.map((queue) => <KpiCell key={queue.queueId} name={name} queue={queue} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
