import { useState, type FormEvent } from 'react';
import { SHIFT_LOG_LIMITS } from '@plancia/contracts';
import { writeNote } from '../shift-log-api.js';
import { useShiftLogText } from '../shift-log-messages.js';

/** Writes a note, optionally about a queue or an alert (the console may prefill the alert). */
export function NoteForm({ alertId: initialAlertId = '', onWritten }: { alertId?: string; onWritten: () => void }) {
  const text = useShiftLogText();
  const [note, setNote] = useState('');
  const [alertId, setAlertId] = useState(initialAlertId);
  const [queueId, setQueueId] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await writeNote({ text: note, ...(alertId.trim() ? { alertId: alertId.trim() } : {}), ...(queueId.trim() ? { queueId: queueId.trim() } : {}) });
    setBusy(false);
    if ('error' in result) return setStatus(text('failed', { reason: result.error }));
    setNote('');
    setStatus(null);
    onWritten();
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="shift-note-form">
      <label>{text('note')}
        <textarea required maxLength={SHIFT_LOG_LIMITS.maxText} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>{text('queueId')}
        <input value={queueId} onChange={(e) => setQueueId(e.target.value)} />
      </label>
      <label>{text('alertId')}
        <input value={alertId} onChange={(e) => setAlertId(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>{busy ? text('writing') : text('write')}</button>
      <p role="status">{status}</p>
    </form>
  );
}
