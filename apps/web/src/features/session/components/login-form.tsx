import { useState, type FormEvent } from 'react';
import { logIn } from '../session-api.js';
import { useSessionText } from '../session-messages.js';
import { useSessionStore } from '../stores/session-store.js';
import '../session.css';

/** Shown instead of the board when the server wants a signed-in user. */
export function LoginForm() {
  const text = useSessionText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    logIn({ username, password }).then(
      (result) => {
        setBusy(false);
        if ('username' in result) return useSessionStore.getState().signedIn(result);
        setPassword('');
        if (result.status === 401) setError(text('wrong'));
        else if (result.status === 429) setError(text('tooMany'));
        else setError(text('failed', { status: result.status }));
      },
      () => {
        setBusy(false);
        setError(text('offline'));
      },
    );
  };

  return (
    <main className="login">
      <form className="login-form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{text('title')}</h1>
        <label>
          {text('username')}
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {text('password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="login-error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? text('signingIn') : text('submit')}</button>
      </form>
    </main>
  );
}
