import { useEffect, useMemo, type CSSProperties } from 'react';
import { AgentGrid } from '../../../features/agents/components/agent-grid.js';
import { useAgentsStore } from '../../../stores/agents-store.js';
import { AlertBanner } from '../../../features/alerts/components/alert-banner.js';
import { AlertList } from '../../../features/alerts/components/alert-list.js';
import { BroadcastTicker } from '../../../features/broadcasts/components/broadcast-ticker.js';
import { useAlertsStore } from '../../../features/alerts/stores/alerts-store.js';
import { StaleBanner } from '../../../features/connection/components/stale-banner.js';
import { CentreHeader } from '../../header/centre-header.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { KpiTvTable } from '../../../features/queues/components/kpi-tv-table.js';
import { QueueGrid } from '../../../features/queues/components/queue-grid.js';
import { showsProjection } from '../../../features/queues/projection-shown.js';
import { useViewStore } from '../../../stores/view-store.js';
import { useWindowStore } from '../../../stores/window-store.js';
import { useQueuesStore } from '../../../stores/queues-store.js';
import { TicketsPanel } from '../../../features/tickets/components/tickets-panel.js';
import { usePageBox } from '../hooks/use-page-box.js';
import { WaitingListPanel } from '../../../features/waiting-list/components/waiting-list-panel.js';
import { useWaitingStore } from '../../../features/waiting-list/stores/waiting-store.js';
import { useRotation } from '../hooks/use-rotation.js';
import { planTvPages, tileGrid, type PageBox, type TvPagePlan } from '../tv-pages.js';

/** Browsers grant full screen only on a gesture: the first key or click on the TV asks for it. */
function useFullScreenOnFirstGesture() {
  useEffect(() => {
    const request = () => void document.documentElement.requestFullscreen?.().catch(() => {});
    window.addEventListener('pointerdown', request, { once: true });
    window.addEventListener('keydown', request, { once: true });
    return () => {
      window.removeEventListener('pointerdown', request);
      window.removeEventListener('keydown', request);
    };
  }, []);
}

/** The pages for what is in view now, sized to the space the page area has. */
function useTvPages(box: PageBox | null): TvPagePlan[] {
  const queueIds = useQueuesStore((s) => s.order);
  const metricWindow = useWindowStore((s) => s.window);
  // Joined into one string, so that the pages are planned again only when a queue's projection comes or goes.
  const projectedKey = useQueuesStore((s) => s.order.filter((id) => showsProjection(s.byId[id], metricWindow)).join('\n'));
  const projected = useMemo(() => new Set(projectedKey.split('\n')), [projectedKey]);
  // The server sends the TV one page of agents and the total of its view; at `agents=none` neither: no agent pages.
  const agentCount = useAgentsStore((s) => s.page?.total ?? Object.keys(s.byId).length);
  const alertCount = useAlertsStore((s) => Object.keys(s.active).length);
  const waitingCount = useWaitingStore((s) => Object.values(s.byQueue).reduce((n, list) => n + list.contacts.length, 0));
  if (!box) return [{ kind: 'queues', ids: [], span: 'none' }];
  return planTvPages({ queueIds, projected, agentCount, alertCount, waitingCount, box });
}

function TvPageContent({ plan }: { plan: TvPagePlan }) {
  switch (plan.kind) {
    case 'queues': return <QueueGrid ids={plan.ids} span={plan.span} />;
    case 'agents': return <AgentGrid range={plan} />;
    case 'alerts': return <AlertList range={plan} />;
    case 'tickets': return <TicketsPanel />;
    case 'kpis': return <KpiTvTable ids={plan.ids} from={plan.from} to={plan.to} />;
    case 'waiting': return <WaitingListPanel range={plan} />;
  }
}

/** The agents a page needs from the server: its own on an agent page, else none (the total comes with any page). */
const agentPageOf = (plan: TvPagePlan) => (plan.kind === 'agents' ? { offset: plan.from, limit: plan.to - plan.from } : { offset: 0, limit: 0 });

/**
 * Subscribes to the agents the page on screen shows; true once the board holds them (always, on other pages), so
 * the page says when it is complete.
 */
function useAgentPage(plan: TvPagePlan): boolean {
  const { offset, limit } = agentPageOf(plan);
  useEffect(() => useViewStore.getState().setAgentPage({ offset, limit }), [offset, limit]);
  return useAgentsStore((s) => plan.kind !== 'agents' || (s.page?.offset === offset && s.page.limit === limit));
}

/**
 * Large type readable across a room; `/tv?queues=…&rotate=20` opens straight here. Each page holds what fits the
 * screen and the rest goes onto further pages, so a TV never scrolls. Agents come from the server a page at a time:
 * the TV is sent only the agents of the agent page on screen, and none while it shows other pages.
 */
export function TvPage({ rotateSeconds }: { rotateSeconds: number }) {
  const { ref, box } = usePageBox<HTMLElement>();
  const pages = useTvPages(box);
  const { page, paused, setPaused } = useRotation(pages.length, rotateSeconds);
  const { t } = useI18n();
  useFullScreenOnFirstGesture();
  const plan = pages[page] ?? pages[0]!;
  const ready = useAgentPage(plan);
  const grid = box ? tileGrid(box) : { columns: 1, rows: 1 };
  const style = { '--tv-columns': grid.columns, '--tv-rows': grid.rows } as CSSProperties;
  return (
    <div className="tv" data-testid="tv-mode" data-page={page} data-page-kind={plan.kind} data-page-count={pages.length} data-page-ready={ready}>
      <StaleBanner />
      <AlertBanner />
      <BroadcastTicker />
      <CentreHeader />
      <main className="tv__page" aria-live="off" ref={ref} style={style}>
        <TvPageContent plan={plan} />
      </main>
      <footer className="tv__footer">
        <span>{t('page', { n: page + 1, total: pages.length })}</span>
        <button type="button" onClick={() => setPaused(!paused)}>{paused ? t('resume') : t('pause')}</button>
        <a href={`/${window.location.search}`}>{t('exitTv')}</a>
      </footer>
    </div>
  );
}
