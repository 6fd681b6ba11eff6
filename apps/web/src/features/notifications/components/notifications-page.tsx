import { useEffect, type ReactNode } from 'react';
import { useNotificationsText } from '../notifications-messages.js';
import { useNotificationsStore } from '../stores/notifications-store.js';
import { ChannelsSection } from './channels-section.js';
import { DeliveriesSection } from './deliveries-section.js';
import { PolicySection } from './policy-section.js';
import '../notifications.css';

/**
 * `/notifications`, for administrators: channels with "send test", the routing policy and the deliveries with the
 * dead letters. `token` is the settings' administration token, if one was given (a session cookie goes by itself).
 */
export function NotificationsPage({ token, children }: { token: string; children?: ReactNode }) {
  const t = useNotificationsText();
  const { loadError, load, setToken } = useNotificationsStore();
  useEffect(() => {
    setToken(token);
    void load();
  }, [token, setToken, load]);
  return (
    <main className="settings notifications">
      <header>
        <h1>{t('title')}</h1>
        <a href="/settings">{t('back')}</a>
        {children}
      </header>
      {loadError && <p role="alert" className="settings-error" data-testid="notifications-error">{t('loadError', { message: loadError })}</p>}
      <ChannelsSection />
      <PolicySection />
      <DeliveriesSection />
    </main>
  );
}
