import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useQueuesStore } from '../../../stores/queues-store.js';
import { TrendChart } from './trend-chart.js';

/** One queue's last hour at a time: fifty charts at once would cost the TV more than they tell anyone. */
export function TrendPanel() {
  const order = useQueuesStore((s) => s.order);
  const names = useQueuesStore((s) => s.byId);
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const queueId = chosen !== null && order.includes(chosen) ? chosen : order[0];
  return (
    <section className="panel" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('trend')}</h2>
      <select value={queueId ?? ''} onChange={(e) => setChosen(e.target.value)} aria-label={t('queues')}>
        {order.map((id) => <option key={id} value={id}>{names[id]?.name ?? id}</option>)}
      </select>
      {queueId && <TrendChart queueId={queueId} />}
    </section>
  );
}
