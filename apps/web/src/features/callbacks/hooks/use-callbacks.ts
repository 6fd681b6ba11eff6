import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallbackEntry } from '@plancia/contracts';
import { fetchCallbacks } from '../callbacks-api.js';
import { useCallbacksStore, worklistOrder } from '../stores/callbacks-store.js';

/** The worklist, loaded once and on `reload`; the socket keeps it current in between. */
export function useCallbacks(): { entries: CallbackEntry[]; error: string | null; reload: () => void } {
  const active = useCallbacksStore((s) => s.active);
  const entries = useMemo(() => worklistOrder(active), [active]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void fetchCallbacks().then((result) => {
      if ('error' in result) return setError(result.error);
      setError(null);
      useCallbacksStore.getState().replace(result.callbacks);
    });
  }, []);
  useEffect(reload, [reload]);
  return { entries, error, reload };
}
