import { useCallback, useEffect, useState } from 'react';
import type { ShiftNote } from '@plancia/contracts';
import { fetchNotes } from '../shift-log-api.js';

/** The notes of the last 24 hours, loaded once and again on `reload` (after writing one). */
export function useShiftNotes(): { notes: ShiftNote[]; error: string | null; reload: () => void } {
  const [notes, setNotes] = useState<ShiftNote[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void fetchNotes().then((result) => {
      if ('error' in result) return setError(result.error);
      setError(null);
      setNotes(result.notes);
    });
  }, []);
  useEffect(reload, [reload]);
  return { notes, error, reload };
}
