import { useEffect } from 'react';
import { useAlertEffects } from '../features/alerts/hooks/use-alert-effects.js';
import { useLocaleStore } from '../features/i18n/stores/locale-store.js';
import { SettingsPage } from '../features/settings/components/settings-page.js';
import { TvPage } from '../features/tv/components/tv-page.js';
import { boardParams } from '../lib/board-params.js';
import { startClock } from '../lib/clock.js';
import { connectBoard } from '../lib/socket-client.js';
import { BoardPage } from './board-page.js';

const params = boardParams(window.location.search);
const path = window.location.pathname.replace(/\/+$/, '');
const isTv = path === '/tv';

export function App() {
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => connectBoard(params.view, params.token), []);
  useEffect(() => startClock(), []);
  useEffect(() => void (document.documentElement.lang = locale), [locale]);
  useAlertEffects();
  if (path === '/settings') return <SettingsPage />;
  return isTv ? <TvPage rotateSeconds={params.rotateSeconds} /> : <BoardPage />;
}
