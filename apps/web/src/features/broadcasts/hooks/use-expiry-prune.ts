import { useEffect } from 'react';
import { nextExpiry, useBroadcastsStore } from '../stores/broadcasts-store.js';

/** Drops each broadcast at its expiry, without waiting for the server or a reload. */
export function useExpiryPrune(): void {
  const list = useBroadcastsStore((s) => s.list);
  useEffect(() => {
    const next = nextExpiry(list);
    if (next === null) return;
    // setTimeout's delay is a 32-bit count of ms; a broadcast ends within 24 hours, well inside it.
    const timer = setTimeout(() => useBroadcastsStore.getState().prune(Date.now()), Math.max(0, next - Date.now()));
    return () => clearTimeout(timer);
  }, [list]);
}
