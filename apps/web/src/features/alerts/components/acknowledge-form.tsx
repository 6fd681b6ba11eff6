import { useState, type FormEvent } from 'react';
import { acknowledgeAlert } from '../../../lib/socket-client.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';

const NAME_KEY = 'plancia.name';

/** A supervisor takes an alert in hand with a note; every board then shows it acknowledged. */
export function AcknowledgeForm({ alertId, onDone }: { alertId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [name, setName] = useState(() => globalThis.localStorage?.getItem(NAME_KEY) ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    if (name) globalThis.localStorage?.setItem(NAME_KEY, name);
    const failure = await acknowledgeAlert(alertId, note, name || 'supervisor');
    setBusy(false);
    if (failure) setError(failure);
    else onDone();
  };
  return (
    <form className="ack-form" onSubmit={(e) => void submit(e)} data-testid="acknowledge-form">
      <label>
        {t('note')}
        <input autoFocus value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} data-testid="acknowledge-note" />
      </label>
      <label>
        {t('agent')}
        <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </label>
      <button type="submit" disabled={busy} data-testid="acknowledge-confirm">{t('confirm')}</button>
      <button type="button" onClick={onDone}>{t('cancel')}</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
