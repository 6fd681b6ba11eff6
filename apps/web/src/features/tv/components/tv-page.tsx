import { useEffect } from 'react';
import { AgentGrid } from '../../agents/components/agent-grid.js';
import { AlertBanner } from '../../alerts/components/alert-banner.js';
import { StaleBanner } from '../../connection/components/stale-banner.js';
import { CentreHeader } from '../../header/components/centre-header.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { QueueGrid } from '../../queues/components/queue-grid.js';
import { TicketsPanel } from '../../tickets/components/tickets-panel.js';
import { useRotation } from '../hooks/use-rotation.js';

const PAGES = [QueueGrid, AgentGrid, TicketsPanel];

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

/** Large type readable across a room, pages rotating on a timer; `/tv?queues=…&rotate=20` opens straight here. */
export function TvPage({ rotateSeconds }: { rotateSeconds: number }) {
  const { page, paused, setPaused } = useRotation(PAGES.length, rotateSeconds);
  const { t } = useI18n();
  useFullScreenOnFirstGesture();
  const Page = PAGES[page] ?? QueueGrid;
  return (
    <div className="tv" data-testid="tv-mode" data-page={page}>
      <StaleBanner />
      <AlertBanner />
      <CentreHeader />
      <main className="tv__page" aria-live="off">
        <Page />
      </main>
      <footer className="tv__footer">
        <span>{t('page', { n: page + 1, total: PAGES.length })}</span>
        <button type="button" onClick={() => setPaused(!paused)}>{paused ? t('resume') : t('pause')}</button>
        <a href={`/${window.location.search}`}>{t('exitTv')}</a>
      </footer>
    </div>
  );
}
