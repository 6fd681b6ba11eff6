import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The login form's and the session bar's texts in English and Italian, in the board's current language. */
const SESSION_MESSAGES = {
  en: {
    title: 'Sign in to Plancia', username: 'Username', password: 'Password', submit: 'Sign in', signingIn: 'Signing in…',
    wrong: 'Wrong username or password', tooMany: 'Too many attempts: wait a minute and try again',
    failed: 'Sign-in failed ({status})', offline: 'The server cannot be reached', signedInAs: 'Signed in as {name}', logOut: 'Log out',
  },
  it: {
    title: 'Accedi a Plancia', username: 'Nome utente', password: 'Password', submit: 'Accedi', signingIn: 'Accesso in corso…',
    wrong: 'Nome utente o password errati', tooMany: 'Troppi tentativi: attendi un minuto e riprova',
    failed: 'Accesso non riuscito ({status})', offline: 'Il server non è raggiungibile', signedInAs: 'Accesso come {name}', logOut: 'Esci',
  },
} as const;

export type SessionKey = keyof (typeof SESSION_MESSAGES)['en'];

export function useSessionText(): (key: SessionKey, params?: Record<string, string | number>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) => SESSION_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
