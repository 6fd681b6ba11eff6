import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The login form's and the session bar's texts in English and Italian, in the board's current language. */
const SESSION_MESSAGES = {
  en: {
    title: 'Sign in to Plancia', username: 'Username', password: 'Password', submit: 'Sign in', signingIn: 'Signing in…',
    wrong: 'Wrong username or password', tooMany: 'Too many attempts: wait a minute and try again',
    failed: 'Sign-in failed ({status})', offline: 'The server cannot be reached', signedInAs: 'Signed in as {name}', logOut: 'Log out',
    withProvider: 'Sign in with {name}', noRole: 'Your account at the provider has no role in Plancia: ask an administrator',
    localAccount: 'A local user has this name: sign in with the password', providerFailed: 'Sign-in through the provider failed ({reason}): try again',
    changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password',
    repeatPassword: 'Repeat the new password', savePassword: 'Save password', cancel: 'Cancel',
    passwordChanged: 'Password changed: your other sessions have ended', passwordsDiffer: 'The new passwords differ',
    passwordTooShort: 'The new password needs at least {min} characters', wrongCurrent: 'The current password is wrong',
    providerAccount: 'You sign in through the identity provider: change your password there', passwordFailed: 'The password was not changed ({status})',
  },
  it: {
    title: 'Accedi a Plancia', username: 'Nome utente', password: 'Password', submit: 'Accedi', signingIn: 'Accesso in corso…',
    wrong: 'Nome utente o password errati', tooMany: 'Troppi tentativi: attendi un minuto e riprova',
    failed: 'Accesso non riuscito ({status})', offline: 'Il server non è raggiungibile', signedInAs: 'Accesso come {name}', logOut: 'Esci',
    withProvider: 'Accedi con {name}', noRole: 'Il tuo account presso il provider non ha un ruolo in Plancia: chiedi a un amministratore',
    localAccount: 'Un utente locale ha questo nome: accedi con la password', providerFailed: 'Accesso tramite il provider non riuscito ({reason}): riprova',
    changePassword: 'Cambia password', currentPassword: 'Password attuale', newPassword: 'Nuova password',
    repeatPassword: 'Ripeti la nuova password', savePassword: 'Salva password', cancel: 'Annulla',
    passwordChanged: 'Password cambiata: le altre sessioni sono state chiuse', passwordsDiffer: 'Le nuove password non coincidono',
    passwordTooShort: 'La nuova password deve avere almeno {min} caratteri', wrongCurrent: 'La password attuale è errata',
    providerAccount: 'Accedi tramite il provider di identità: cambia lì la password', passwordFailed: 'Password non cambiata ({status})',
  },
} as const;

export type SessionKey = keyof (typeof SESSION_MESSAGES)['en'];

export function useSessionText(): (key: SessionKey, params?: Record<string, string | number>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) => SESSION_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

/** The message for a `?login_error=` the server's OpenID Connect callback sent the browser back with. */
export function loginErrorKey(reason: string): SessionKey {
  if (reason === 'no_role') return 'noRole';
  if (reason === 'local_account') return 'localAccount';
  return 'providerFailed';
}
