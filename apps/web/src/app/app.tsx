import { Suspense, useEffect } from 'react';
import { useAlertEffects } from '../features/alerts/hooks/use-alert-effects.js';
import { useLocaleStore } from '../lib/i18n/locale-store.js';
import { LoginForm } from '../features/session/components/login-form.js';
import { SessionBar } from '../features/session/components/session-bar.js';
import { useSessionStore } from '../features/session/stores/session-store.js';
import { whoAmI } from '../features/session/session-api.js';
import { SettingsPage } from '../features/settings/components/settings-page.js';
import { NotificationsPage } from '../features/notifications/components/notifications-page.js';
import { useSettingsStore } from '../features/settings/stores/settings-store.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { TvPage } from './tv/components/tv-page.js';
import { boardParams, pageView } from '../lib/board-params.js';
import { startClock } from '../lib/clock.js';
import { lazyRetrying } from '../lib/lazy-retrying.js';
import { connectBoard, resubscribe, type BoardListener } from '../lib/socket-client.js';
import { useViewStore } from '../stores/view-store.js';
import { BoardPage } from './board-page.js';
import { ControlPage } from './control-page.js';
import { boardListener } from './board-sync.js';

// The reports page draws with recharts: loaded only when opened, so the board's first paint does not wait for it.
const ReportsPage = lazyRetrying(() => import('./reports-page.js').then((m) => m.ReportsPage));

const params = boardParams(window.location.search);
const path = window.location.pathname.replace(/\/+$/, '');
const isTv = path === '/tv';
const view = pageView(params.view, path);
useViewStore.setState({ view });

/** The generation whose refusal was already checked (until the board connects): another refusal asks for the login form. */
let checkedGeneration = -1;

/**
 * A socket refused as unauthorized asks for the login form, unless the browser holds a live session after all: the
 * server closes the sockets of an ended session at once, and after a change of one's own password the reconnection
 * can race the answer that brings the new cookie. Then it connects again, once.
 */
function refused(): void {
  const session = useSessionStore.getState();
  if (checkedGeneration === session.generation) return session.require();
  checkedGeneration = session.generation;
  whoAmI().then(
    (user) => {
      if (!user) return useSessionStore.getState().require();
      useSessionStore.getState().signedIn(user);
      // The reconnection this starts is the one retry: refused too, it asks for the login form.
      checkedGeneration = useSessionStore.getState().generation;
    },
    () => useSessionStore.getState().require(),
  );
}

/** The board's listener, plus: a socket refused as unauthorized asks for the login form (see `refused`). */
const listener: BoardListener = {
  ...boardListener,
  snapshot(snapshot) {
    checkedGeneration = -1;
    boardListener.snapshot(snapshot);
  },
  lost(at, reason) {
    boardListener.lost(at, reason);
    if (reason?.startsWith('unauthorized')) refused();
  },
};

export function App() {
  const locale = useLocaleStore((s) => s.locale);
  const loginRequired = useSessionStore((s) => s.required);
  // A login or logout changes the cookie the socket's handshake carries: connect again.
  const generation = useSessionStore((s) => s.generation);
  // The notification settings use the administration token the settings page keeps, if one was given.
  const adminToken = useSettingsStore((s) => s.token);
  useEffect(() => connectBoard(() => useViewStore.getState().view, params.token, listener), [generation]);
  // A TV turning to another agent page subscribes to it on the same socket.
  useEffect(() => useViewStore.subscribe((now, before) => void (now.view !== before.view && resubscribe())), []);
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
