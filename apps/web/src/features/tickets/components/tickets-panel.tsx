import { useMemo } from 'react';
import type { QueueSnapshot } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useQueuesStore } from '../../../stores/queues-store.js';
import { useWindowStore } from '../../../stores/window-store.js';

const ASYNC_CHANNELS = new Set(['chat', 'messaging', 'email', 'social']);

/** Queues whose work is tickets or chats, or that have tickets open. */
const hasTickets = (q: QueueSnapshot) =>
  (q.channel !== null && ASYNC_CHANNELS.has(q.channel)) || q.live.tickets.open > 0 || q.windows.today.tickets.created > 0;

/** Open, breached and at-risk tickets and chats per queue, with first-response and resolution attainment. */
export function TicketsPanel() {
  const byId = useQueuesStore((s) => s.byId);
  const order = useQueuesStore((s) => s.order);
  const window = useWindowStore((s) => s.window);
  const { t, fmt } = useI18n();
  const queues = useMemo(() => order.flatMap((id) => (byId[id] && hasTickets(byId[id]) ? [byId[id]] : [])), [byId, order]);
  return (
    <section className="panel" aria-labelledby="tickets-title">
      <h2 id="tickets-title">{t('tickets')}</h2>
      {queues.length === 0 ? <p className="muted">{t('noTickets')}</p> : (
        <table className="tickets" data-testid="tickets-table">
          <thead>
            <tr>
              <th scope="col">{t('queues')}</th><th scope="col">{t('open')}</th><th scope="col">{t('breached')}</th>
              <th scope="col">{t('atRisk')}</th><th scope="col">{t('firstResponse')}</th><th scope="col">{t('resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <tr key={q.queueId}>
                <th scope="row">{q.name}</th>
                <td>{fmt.integer(q.live.tickets.open)}</td>
                <td className={q.live.tickets.breached > 0 ? 'bad' : ''}>{q.live.tickets.breached > 0 ? '✖ ' : ''}{fmt.integer(q.live.tickets.breached)}</td>
                <td className={q.live.tickets.atRisk > 0 ? 'warn' : ''}>{q.live.tickets.atRisk > 0 ? '▲ ' : ''}{fmt.integer(q.live.tickets.atRisk)}</td>
                <td>{fmt.percent(q.windows[window].tickets.firstResponseAttainment)}</td>
                <td>{fmt.percent(q.windows[window].tickets.resolutionAttainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
