import { useQueuesStore } from '../stores/queues-store.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { QueueTile } from './queue-tile.js';

export function QueueGrid() {
  const order = useQueuesStore((s) => s.order);
  const { t } = useI18n();
  return (
    <section aria-label={t('queues')} className="queue-grid">
      {order.map((id) => <QueueTile key={id} queueId={id} />)}
    </section>
  );
}
