import { useSessionStore } from '../stores/session-store.js';
import { logOut } from '../session-api.js';
import { useSessionText } from '../session-messages.js';
import { useSession } from '../hooks/use-session.js';
import '../session.css';

/** The signed-in user's name and a logout button; nothing when nobody is signed in. */
export function SessionBar() {
  useSession();
  const text = useSessionText();
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  // The screen signs out even if the server could not be told; that session then ends at its expiry.
  const leave = () => {
    const done = () => useSessionStore.getState().signedOut();
    logOut().then(done, done);
  };
  return (
    <div className="session-bar">
      <span>{text('signedInAs', { name: user.username })}</span>
      <button type="button" onClick={leave}>{text('logOut')}</button>
    </div>
  );
}
