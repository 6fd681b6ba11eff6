import { useMemo } from 'react';
import { LanguageSwitch } from '../components/language-switch.js';
import { ConnectionBadge } from '../features/connection/components/connection-badge.js';
import { ReportsView } from '../features/reports/components/reports-view.js';
import { useReportsText } from '../features/reports/reports-messages.js';
import { useQueuesStore } from '../stores/queues-store.js';

/** `/reports`: the stored history of the queues the board shows (its snapshot says which, within the caller's reach). */
export function ReportsPage() {
  const r = useReportsText();
  const byId = useQueuesStore((s) => s.byId);
  const order = useQueuesStore((s) => s.order);
  const queues = useMemo(() => order.map((id) => ({ queueId: id, name: byId[id]!.name, channel: byId[id]!.channel })), [order, byId]);
  return (
    <div className="reports-page">
      <header className="reports-header">
        <h1>{r('title')}</h1>
        <a className="button" href={`/${window.location.search}`}>{r('back')}</a>
        <LanguageSwitch />
        <ConnectionBadge />
      </header>
      <main>
        <ReportsView queues={queues} />
      </main>
    </div>
  );
}
