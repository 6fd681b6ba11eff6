import { useEffect } from 'react';
import { useAlertEffects } from '../features/alerts/hooks/use-alert-effects.js';
import { useLocaleStore } from '../features/i18n/stores/locale-store.js';
import { TvPage } from '../features/tv/components/tv-page.js';
import { boardParams } from '../lib/board-params.js';
import { startClock } from '../lib/clock.js';
import { connectBoard } from '../lib/socket-client.js';
import { BoardPage } from './board-page.js';

const params = boardParams(window.location.search);
const isTv = window.location.pathname.replace(/\/+$/, '') === '/tv';

export function App() {
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => connectBoard(params.view, params.token), []);
  useEffect(() => startClock(), []);
  useEffect(() => void (document.documentElement.lang = locale), [locale]);
  useAlertEffects();
  return isTv ? <TvPage rotateSeconds={params.rotateSeconds} /> : <BoardPage />;
}
