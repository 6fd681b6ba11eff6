import { Suspense } from 'react';
import { AgentGrid } from '../features/agents/components/agent-grid.js';
import { useAgentActionsColumn } from '../features/agent-actions/components/agent-actions-column.js';
import { AlertBanner } from '../features/alerts/components/alert-banner.js';
import { AlertControls } from '../features/alerts/components/alert-controls.js';
import { AlertList } from '../features/alerts/components/alert-list.js';
import { BroadcastForm } from '../features/broadcasts/components/broadcast-form.js';
import { BroadcastTicker } from '../features/broadcasts/components/broadcast-ticker.js';
import { useSessionStore } from '../features/session/stores/session-store.js';
import { CallbacksPanel } from '../features/callbacks/components/callbacks-panel.js';
import { StaleBanner } from '../features/connection/components/stale-banner.js';
import { RefusedBanner } from '../features/connection/components/refused-banner.js';
import { CentreHeader } from './header/centre-header.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { useI18n } from '../lib/i18n/use-i18n.js';
import { QueueGrid } from '../features/queues/components/queue-grid.js';
import { WindowSelector } from '../features/queues/components/window-selector.js';
import { KpiTable } from '../features/queues/components/kpi-table.js';
import { TicketsPanel } from '../features/tickets/components/tickets-panel.js';
import { useControlText } from '../features/control/control-messages.js';
import { WaitingListPanel } from '../features/waiting-list/components/waiting-list-panel.js';
import { useReportsText } from '../features/reports/reports-messages.js';
import { lazyRetrying } from '../lib/lazy-retrying.js';

// recharts is most of the bundle: TV mode never loads it, the desk board loads it after the first paint.
const TrendPanel = lazyRetrying(() => import('../features/trend/components/trend-panel.js').then((m) => m.TrendPanel));

/** The supervisor's desk board: everything on one scrolling page; the agents panel unless the address says `agents=none`. */
export function BoardPage({ showAgents = true }: { showAgents?: boolean }) {
  const { t } = useI18n();
  // Supervisors and administrators send broadcasts; the server checks again and says why when it refuses.
  const mayBroadcast = useSessionStore((s) => s.user !== null && (s.user.role === 'supervisor' || s.user.role === 'admin'));
  const controlText = useControlText();
  const reportsText = useReportsText();
  // Viewers cannot act on alerts: the console is for supervisors (and an install without accounts, where all may).
  // Agents work the callback worklist of their queues here on the board (supervisors work it on /control): neither
  // alerts nor agent actions are theirs, and the server refuses them a caller's number, so no reveal button either.
  const mayAct = useSessionStore((s) => s.user === null || s.user.role === 'supervisor' || s.user.role === 'admin');
  const isAgent = useSessionStore((s) => s.user?.role === 'agent');
  // Pause, unpause, log off through the ACD: for the same people as acting on alerts.
  const agentActions = useAgentActionsColumn();
  return (
    <div className="board">
      <a className="skip-link" href="#alerts">{t('activeAlerts')}</a>
      <RefusedBanner />
      <StaleBanner />
      <AlertBanner />
      <BroadcastTicker />
      <CentreHeader>
        <WindowSelector />
        <LanguageSwitch />
        <AlertControls />
        <a className="button" href={`/tv${window.location.search}`}>{t('tvMode')}</a>
        {mayAct && <a className="button" href={`/control${window.location.search}`} data-testid="control-link">{controlText('title')}</a>}
        <a className="button" href={`/reports${window.location.search}`} data-testid="reports-link">{reportsText('title')}</a>
      </CentreHeader>
      <main>
        <QueueGrid />
        <WaitingListPanel />
        {isAgent && <CallbacksPanel mayReveal={false} />}
        <div className="columns">
          <AlertList />
          <Suspense fallback={null}><TrendPanel /></Suspense>
        </div>
        {mayBroadcast && <BroadcastForm />}
        <TicketsPanel />
        <KpiTable />
        {showAgents && <AgentGrid {...(mayAct ? { rowActions: agentActions } : {})} />}
      </main>
    </div>
  );
}
