import { useCallback, useState } from 'react';
import type { AlertEvent } from '@plancia/contracts';
import { problemOf } from '../remote.js';

export type ActionStatus = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; problem: { status: number; message: string } };

/**
 * Runs one action on an alert and keeps its outcome for the screen. The answer (the alert as the server now has it)
 * goes to `onEvent` at once; the same event reaches every board over the socket.
 */
export function useAlertAction(onEvent: (event: AlertEvent) => void) {
  const [status, setStatus] = useState<ActionStatus>({ kind: 'idle' });
  const run = useCallback(async (call: () => Promise<AlertEvent | undefined>): Promise<boolean> => {
    setStatus({ kind: 'busy' });
    try {
      const event = await call();
      if (event) onEvent(event);
      setStatus({ kind: 'done' });
      return true;
    } catch (error) {
      setStatus({ kind: 'failed', problem: problemOf(error) });
      return false;
    }
  }, [onEvent]);
  return { status, run };
}
