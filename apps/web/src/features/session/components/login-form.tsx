import { useEffect, useState, type FormEvent } from 'react';
import type { OidcProviderInfo } from '@plancia/contracts';
import { logIn, oidcProvider } from '../session-api.js';
import { loginErrorKey, useSessionText } from '../session-messages.js';
import { useSessionStore } from '../stores/session-store.js';
import '../session.css';

/** The refusal the provider's way back ended with (`?login_error=`); only a reason's name, never other text of the address. */
function providerError(text: ReturnType<typeof useSessionText>): string | null {
  const reason = new URLSearchParams(window.location.search).get('login_error');
  if (reason === null) return null;
  return text(loginErrorKey(reason), { reason: /^[a-z_]{1,40}$/.test(reason) ? reason : '?' });
}

/** Takes `?login_error=` out of the address, so a reload does not show the refusal again. */
function forgetProviderError() {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('login_error')) return;
  params.delete('login_error');
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query === '' ? '' : `?${query}`}${window.location.hash}`);
}

/** Shown instead of the board when the server wants a signed-in user. */
export function LoginForm() {
  const text = useSessionText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(() => providerError(text));
  const [provider, setProvider] = useState<OidcProviderInfo | null>(null);

  useEffect(() => {
    forgetProviderError();
    oidcProvider().then(setProvider, () => undefined);
  }, []);

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
        {provider && <a className="login-oidc" href={provider.loginUrl}>{text('withProvider', { name: provider.name })}</a>}
      </form>
    </main>
  );
}
