import { useState, type FormEvent } from 'react';
import { PASSWORD_LIMITS } from '@plancia/contracts';
import { changeOwnPassword } from '../session-api.js';
import { useSessionText, type SessionKey } from '../session-messages.js';

/** What the server's answer means to the person who asked. */
function outcomeKey(status: number): SessionKey {
  if (status === 204) return 'passwordChanged';
  if (status === 403) return 'wrongCurrent';
  if (status === 409) return 'providerAccount';
  if (status === 429) return 'tooMany';
  return 'passwordFailed';
}

/** The signed-in user's own password change: current, new and repeated; checked here first, then by the server. */
export function PasswordForm({ username, onDone }: { username: string; onDone: (message: string) => void }) {
  const text = useSessionText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next.length < PASSWORD_LIMITS.minLength) return setError(text('passwordTooShort', { min: PASSWORD_LIMITS.minLength }));
    if (next !== repeated) return setError(text('passwordsDiffer'));
    setBusy(true);
    changeOwnPassword(username, { password: next, currentPassword: current }).then(
      (status) => {
        setBusy(false);
        const message = text(outcomeKey(status), { status });
        if (status === 204) onDone(message);
        else setError(message);
      },
      () => {
        setBusy(false);
        setError(text('offline'));
      },
    );
  };

  return (
    <form className="password-form" onSubmit={submit} aria-label={text('changePassword')}>
      <label>{text('currentPassword')}
        <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label>{text('newPassword')}
        <input type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label>{text('repeatPassword')}
        <input type="password" autoComplete="new-password" required value={repeated} onChange={(e) => setRepeated(e.target.value)} />
      </label>
      {error !== null && <p className="login-error" role="alert">{error}</p>}
      <div className="password-form-actions">
        <button type="submit" disabled={busy}>{text('savePassword')}</button>
        <button type="button" onClick={() => onDone('')}>{text('cancel')}</button>
      </div>
    </form>
  );
}
