import { useEffect } from 'react';
import { whoAmI } from '../session-api.js';
import { useSessionStore } from '../stores/session-store.js';

/** Asks once who this browser is signed in as, so the session bar can show the name and a logout button. */
export function useSession() {
  useEffect(() => {
    whoAmI().then(
      (user) => useSessionStore.getState().found(user),
      () => undefined,
    );
  }, []);
}
