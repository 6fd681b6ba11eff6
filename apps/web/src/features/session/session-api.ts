import type { LoginRequest, OidcProviderInfo, SessionInfo, SetPasswordRequest } from '@plancia/contracts';

/** The session cookie is HttpOnly: the page never sees it, the browser sends it with every same-origin request. */
export async function logIn(credentials: LoginRequest): Promise<SessionInfo | { status: number }> {
  const response = await fetch('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  return response.ok ? ((await response.json()) as SessionInfo) : { status: response.status };
}

/** Who is signed in on this browser, or null. */
export async function whoAmI(): Promise<SessionInfo | null> {
  const response = await fetch('/api/v1/session');
  return response.ok ? ((await response.json()) as SessionInfo) : null;
}

export async function logOut(): Promise<void> {
  await fetch('/api/v1/session', { method: 'DELETE' });
}

/** The OpenID Connect provider people may sign in through, or null when the server has none (404). */
export async function oidcProvider(): Promise<OidcProviderInfo | null> {
  const response = await fetch('/api/v1/session/oidc');
  return response.ok ? ((await response.json()) as OidcProviderInfo) : null;
}

/**
 * Changes the signed-in user's own password: the answer's status (204 when changed; the server then replaces this
 * browser's session cookie and ends every other session of the user).
 */
export async function changeOwnPassword(username: string, body: Required<SetPasswordRequest>): Promise<number> {
  const response = await fetch(`/api/v1/users/${encodeURIComponent(username)}/password`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.status;
}
