import { lazy, Suspense, useEffect } from 'react';
import { useAlertEffects } from '../features/alerts/hooks/use-alert-effects.js';
import { useLocaleStore } from '../lib/i18n/locale-store.js';
import { LoginForm } from '../features/session/components/login-form.js';
import { SessionBar } from '../features/session/components/session-bar.js';
import { useSessionStore } from '../features/session/stores/session-store.js';
import { SettingsPage } from '../features/settings/components/settings-page.js';
import { NotificationsPage } from '../features/notifications/components/notifications-page.js';
import { useSettingsStore } from '../features/settings/stores/settings-store.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { TvPage } from './tv/components/tv-page.js';
import { boardParams, pageView } from '../lib/board-params.js';
import { startClock } from '../lib/clock.js';
import { connectBoard, type BoardListener } from '../lib/socket-client.js';
import { BoardPage } from './board-page.js';
import { ControlPage } from './control-page.js';
import { boardListener } from './board-sync.js';

// The reports page draws with recharts: loaded only when opened, so the board's first paint does not wait for it.
const ReportsPage = lazy(() => import('./reports-page.js').then((m) => ({ default: m.ReportsPage })));

const params = boardParams(window.location.search);
const path = window.location.pathname.replace(/\/+$/, '');
const isTv = path === '/tv';
const view = pageView(params.view, path);

/** The board's listener, plus: a socket refused as unauthorized asks for the login form. */
const listener: BoardListener = {
  ...boardListener,
  lost(at, reason) {
    boardListener.lost(at, reason);
    if (reason?.startsWith('unauthorized')) useSessionStore.getState().require();
  },
};

export function App() {
  const locale = useLocaleStore((s) => s.locale);
  const loginRequired = useSessionStore((s) => s.required);
  // A login or logout changes the cookie the socket's handshake carries: connect again.
  const generation = useSessionStore((s) => s.generation);
  // The notification settings use the administration token the settings page keeps, if one was given.
  const adminToken = useSettingsStore((s) => s.token);
  useEffect(() => connectBoard(view, params.token, listener), [generation]);
  useEffect(() => startClock(), []);
  useEffect(() => void (document.documentElement.lang = locale), [locale]);
  useAlertEffects();
  if (loginRequired) return <LoginForm />;
  const page = path === '/settings' ? <SettingsPage />
    : path === '/settings/notifications' ? <NotificationsPage token={adminToken}><LanguageSwitch /></NotificationsPage>
    : path === '/control' ? <ControlPage />
    : path === '/reports' ? <Suspense fallback={null}><ReportsPage /></Suspense>
    : isTv ? <TvPage rotateSeconds={params.rotateSeconds} /> : <BoardPage showAgents={view.agents !== 'none'} />;
  return (
    <>
      {page}
      <SessionBar />
    </>
  );
}
