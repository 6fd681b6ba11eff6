import { useQueuesStore } from '../../../stores/queues-store.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import type { ProjectionSpan } from '../projection-shown.js';
import { QueueTile } from './queue-tile.js';

/** Every queue in view, or only `ids` (one TV page of them, whose tiles with the projection take two cells as `span` says). */
export function QueueGrid({ ids, span }: { ids?: readonly string[]; span?: ProjectionSpan }) {
  const all = useQueuesStore((s) => s.order);
  const order = ids ?? all;
  const { t } = useI18n();
  return (
    <section aria-label={t('queues')} className="queue-grid">
      {order.map((id) => <QueueTile key={id} queueId={id} span={span} />)}
    </section>
  );
}
