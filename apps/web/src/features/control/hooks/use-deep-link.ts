import { useEffect } from 'react';
import { alertLink, linkedAlertId } from '../deep-link.js';
import { useConsoleStore } from '../stores/console-store.js';

/**
 * `/control?alert=<id>` selects that alert; moving the selection rewrites the address (without a new history entry),
 * so the address bar can be copied to a colleague at any time.
 */
export function useDeepLink(): void {
  useEffect(() => {
    const linked = linkedAlertId(window.location.search);
    if (linked) useConsoleStore.getState().select(linked);
    return useConsoleStore.subscribe((state, before) => {
      if (state.selectedId !== before.selectedId) window.history.replaceState(null, '', alertLink(window.location.search, state.selectedId));
    });
  }, []);
}
