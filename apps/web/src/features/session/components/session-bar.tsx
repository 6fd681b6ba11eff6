import { useState } from 'react';
import { useSessionStore } from '../stores/session-store.js';
import { logOut } from '../session-api.js';
import { useSessionText } from '../session-messages.js';
import { useSession } from '../hooks/use-session.js';
import { PasswordForm } from './password-form.js';
import '../session.css';
import { DEFAULT_TENANT, type SessionInfo } from '@plancia/contracts';

/** "Acme · acme-sales": the tenant unless it is the installation's own, and the scope unless it is whole. */
export function reachLabel(user: SessionInfo): string {
  const parts = [...user.scope.queues, ...user.scope.teams];
  const reach = [user.tenant === DEFAULT_TENANT ? '' : (user.tenantName ?? user.tenant), parts.join(', ')].filter((part) => part !== '');
  return reach.join(' · ');
}

/** The signed-in user's name, a password change and a logout button; nothing when nobody is signed in. */
export function SessionBar() {
  useSession();
  const text = useSessionText();
  const user = useSessionStore((s) => s.user);
  const [changing, setChanging] = useState(false);
  const [notice, setNotice] = useState('');
  if (!user) return null;
  const reach = reachLabel(user);
  // The screen signs out even if the server could not be told; that session then ends at its expiry.
  const leave = () => {
    const done = () => useSessionStore.getState().signedOut();
    logOut().then(done, done);
  };
  return (
    <div className="session-bar">
      {changing && <PasswordForm username={user.username} onDone={(message) => { setChanging(false); setNotice(message); }} />}
      <span role="status">{notice}</span>
      <span data-testid="session-user">{text('signedInAs', { name: reach === '' ? user.username : `${user.username} (${reach})` })}</span>
      {!changing && <button type="button" onClick={() => { setNotice(''); setChanging(true); }}>{text('changePassword')}</button>}
      <button type="button" onClick={leave}>{text('logOut')}</button>
    </div>
  );
}
