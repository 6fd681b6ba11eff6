import type { CookieSerializeOptions } from '@fastify/cookie';
import type { RequestLike } from '../plugins/app/access-policy.js';

export const SESSION_COOKIE = 'plancia_session';

/** The session id a request's Cookie header carries (read from the raw header: socket.io's handshake has no parser). */
export function sessionIdOf(request: RequestLike): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) {
      const value = pair.slice(at + 1).trim();
      return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Did the request reach us over TLS, directly or through a proxy that says so? Then the cookie is Secure. */
export function cameOverTls(request: RequestLike & { protocol?: string }): boolean {
  if (request.protocol === 'https') return true;
  const forwardedProto = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)?.split(',')[0]?.trim();
  const forwarded = /(?:^|[;,\s])proto=(?:"?)https\b/i.test(request.headers.forwarded ?? '');
  return proto === 'https' || forwarded;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/, Secure over TLS. No
 * Max-Age: the browser forgets it when closed, and the server ends it at its idle or absolute expiry anyway.
 */
export function sessionCookieOptions(request: RequestLike & { protocol?: string }): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: cameOverTls(request) };
}
