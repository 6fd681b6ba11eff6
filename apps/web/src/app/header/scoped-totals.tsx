import { Figure } from '../../components/figure.js';
import { useI18n } from '../../lib/i18n/use-i18n.js';
import { useQueuesStore } from '../../stores/queues-store.js';
import { useWindowStore } from '../../stores/window-store.js';
import type { QueueSnapshot } from '@plancia/contracts';
import type { MetricWindow } from '../../stores/window-store.js';

interface ShownSums { waiting: number; offered: number; answered: number; abandoned: number }

/** Only counts add up over queues: service level, ASA and agents (one agent may serve several queues) do not. */
export function sumShownQueues(queues: readonly QueueSnapshot[], window: MetricWindow): ShownSums {
  const sums: ShownSums = { waiting: 0, offered: 0, answered: 0, abandoned: 0 };
  for (const queue of queues) {
    const metrics = queue.windows[window];
    sums.waiting += queue.live.waiting;
    sums.offered += metrics.offered;
    sums.answered += metrics.answered;
    sums.abandoned += metrics.abandoned;
  }
  return sums;
}

/**
 * The header of a scoped or tenant user, whose snapshot has no `centre`: what the board covers, and the sums over
 * the queues shown, labelled as such, so nobody reads them as the centre's figures.
 */
export function ScopedTotals() {
  const { t, fmt } = useI18n();
  const window = useWindowStore((s) => s.window);
  const byId = useQueuesStore((s) => s.byId);
  const order = useQueuesStore((s) => s.order);
  const queues = order.map((id) => byId[id]!);
  const sums = sumShownQueues(queues, window);
  const sum = (label: string) => `${label} (${t('sumOfShown')})`;
  return (
    <>
      <div className="total total--caption" data-testid="scoped-caption">
        <dt>{t('total')}</dt><dd>{t('yourQueues', { queues: queues.map((q) => q.queueId).join(', ') })}</dd>
      </div>
      <Figure className="total" label={t('serviceLevel')} testId="centre-service-level"><span title={t('slNotAdditive')}>{t('noData')}</span></Figure>
      <Figure className="total" label={sum(t('waiting'))} testId="scoped-waiting">{fmt.integer(sums.waiting)}</Figure>
      <Figure className="total" label={sum(t('offered'))}>{fmt.integer(sums.offered)}</Figure>
      <Figure className="total" label={sum(t('answered'))}>{fmt.integer(sums.answered)}</Figure>
      <Figure className="total" label={sum(t('abandonRate'))}>{fmt.integer(sums.abandoned)}</Figure>
    </>
  );
}
