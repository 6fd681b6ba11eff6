import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AccountScope, TokenRole, UserRole } from '@plancia/contracts';
import type { SessionUser } from '../../session/sessions.js';
import { installationPrincipal, type Principal } from './principal.js';

/**
 * What a door asks for: producers send events, viewers read the board, agents and supervisors work the callback
 * worklist (`callbacks`), supervisors acknowledge alerts and reveal callers' numbers, administrators change settings
 * and manage users.
 */
export type Role = 'ingest' | 'view' | 'callbacks' | 'acknowledge' | 'admin';

/** What a signed-in user's role grants. Ingest is for machines: no person's role grants it. */
export const USER_GRANTS: Readonly<Record<UserRole, readonly Role[]>> = {
  viewer: ['view'],
  agent: ['view', 'callbacks'],
  supervisor: ['view', 'callbacks', 'acknowledge'],
  admin: ['view', 'callbacks', 'acknowledge', 'admin'],
};

/**
 * What the policy reads of a request. A fastify request and the HTTP request behind a socket.io handshake both
 * have this shape as they are, so every door hands the policy its own request and nothing is made up.
 */
export interface RequestLike {
  readonly headers: IncomingHttpHeaders;
  /** The path and query string as received: `?token=` rides here. */
  readonly url?: string | undefined;
  readonly socket: { readonly remoteAddress?: string | undefined };
}

/**
 * The answer of a door: through, speaking for a principal, or the status and body to refuse with (sockets without a
 * status use the body).
 */
export type Verdict = { ok: true; principal: Principal } | Refusal;
export type Refusal = { ok: false; status: 401 | 403; error: 'unauthorized' | 'forbidden'; message: string };

/** A named machine token kept in the store: its role, tenant and scope. */
export interface StoredToken {
  name: string;
  role: TokenRole;
  tenant: string;
  scope: AccountScope;
}

/** The store's machine tokens as the policy asks about them (held in memory: the policy never waits). */
export interface StoredTokens {
  match(secret: string): StoredToken | undefined;
  hasAny(role: TokenRole): boolean;
  /** Notes the token's use (its last-used time); must not wait. */
  touch(name: string): void;
}

/** What each door's stored tokens are: a view token opens the board, an ingest token the ingest routes. */
const STORED_TOKEN_DOORS: Partial<Record<Role, TokenRole>> = { ingest: 'ingest', view: 'view' };

const allowed = (principal: Principal): Verdict => ({ ok: true, principal });
/** An origin check says only whether a browser's site may come in, not who speaks. */
export type OriginVerdict = { ok: true } | Refusal;
const ORIGIN_OK: OriginVerdict = { ok: true };
const UNAUTHORIZED: Refusal = { ok: false, status: 401, error: 'unauthorized', message: 'A valid bearer token is required' };
const SIGN_IN: Refusal = {
  ok: false, status: 401, error: 'unauthorized', message: 'Sign in (POST /api/v1/session) or send a valid bearer token',
};
const COOKIE_WITHOUT_ORIGIN: Refusal = {
  ok: false, status: 403, error: 'forbidden',
  message: 'A change made with the session cookie must come from a browser page of an allowed origin (Origin header)',
};
const ORIGIN_REFUSED: Refusal = {
  ok: false, status: 403, error: 'forbidden',
  message: "This origin is not allowed: a browser must come from the server's own origin or one in PLANCIA_ALLOWED_ORIGINS",
};

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares against every token in constant time (hashing first makes lengths equal). */
export function tokenMatches(offered: string, tokens: readonly string[]): boolean {
  const candidate = digest(offered);
  return tokens.reduce((found, token) => timingSafeEqual(candidate, digest(token)) || found, false);
}

export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** The name part of a Host header (`[::1]:8080` → `[::1]`, `Example.com.:80` → `example.com`). */
export function hostName(host: string): string {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return name.toLowerCase().replace(/\.$/, '');
}

/** Where this server listens and by which names it is reached. */
export interface AccessConfig {
  ingestTokens: string[];
  viewTokens: string[];
  adminTokens: string[];
  allowedOrigins: string[];
  allowedHosts: string[];
  host: string;
  publicUrl?: string | undefined;
  /** Whether any user account exists: from then on the board is no longer open to anonymous viewers. */
  hasUsers?: () => boolean;
  /** Named machine tokens from the store (none without). */
  storedTokens?: StoredTokens;
}

/**
 * The names this server answers to: loopback names, the address it listens on, and the hosts of PLANCIA_PUBLIC_URL,
 * PLANCIA_ALLOWED_ORIGINS and PLANCIA_ALLOWED_HOSTS. A request naming any other host reached us by a name we never
 * gave out, which is what DNS rebinding looks like: it gets no loopback trust and its Origin is not "ourselves".
 */
export function knownHostNames(config: Pick<AccessConfig, 'host' | 'allowedOrigins' | 'allowedHosts' | 'publicUrl'>): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', ...config.allowedHosts.map(hostName)]);
  if (config.host !== '0.0.0.0' && config.host !== '::') names.add(hostName(config.host.includes(':') ? `[${config.host}]` : config.host));
  for (const url of [...config.allowedOrigins, ...(config.publicUrl ? [config.publicUrl] : [])]) {
    try {
      names.add(hostName(new URL(url).host));
    } catch {
      // A malformed origin names no host; the origin list itself still compares it verbatim.
    }
  }
  return names;
}

/**
 * A client on this machine speaking for itself, under a name we gave out. A reverse proxy on this machine also
 * connects from loopback, but it relays someone else's request and says so in a forwarding header.
 */
export function isLocalClient(request: RequestLike, knownHosts: ReadonlySet<string>): boolean {
  const { headers } = request;
  const relayed = headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined || headers['x-real-ip'] !== undefined;
  return !relayed && isLoopback(request.socket.remoteAddress ?? '') && knownHosts.has(hostName(headers.host ?? ''));
}

/** Bearer token from the Authorization header, or one `?token=` (browsers cannot set headers on a WebSocket). */
export function offeredToken(request: RequestLike): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const query = request.url?.split('?')[1];
  const tokens = query === undefined ? [] : new URLSearchParams(query).getAll('token');
  return tokens.length === 1 ? tokens[0] : undefined;
}

export interface AccessPolicy {
  /**
   * May this request act as `role`? `carried` is a token the transport holds apart from the request (socket.io's
   * handshake `auth`); it comes before the request's own. `user` is whoever the request's session cookie belongs to.
   */
  authorize(role: Role, request: RequestLike, carried?: string, user?: SessionUser): Verdict;
  /**
   * Is a browser's site allowed? No Origin header and no cross-site mark: not a browser, nothing to check — unless
   * the request carries the session cookie (`withCookie`), which only a browser sends: then its origin must be known.
   */
  checkOrigin(request: RequestLike, withCookie?: boolean): OriginVerdict;
  /** A socket's handshake (socket.io, plain WebSocket): the origin first, then the role. */
  admitSocket(role: Role, request: RequestLike, carried?: string, user?: SessionUser): Verdict;
}

export function createAccessPolicy(config: AccessConfig): AccessPolicy {
  const knownHosts = knownHostNames(config);
  const hasUsers = config.hasUsers ?? (() => false);
  const stored = config.storedTokens;
  // Administrators may also view; with no tokens of a kind, ingest and admin are loopback-only, viewing is open.
  // Once users exist nobody views or acknowledges anonymously; acknowledging is then for people (supervisors and
  // administrators) and administrator tokens, no longer for a view token.
  const byToken = (role: Role): { tokens: string[]; openWithoutTokens: 'loopback' | 'everyone' | 'nobody' } => {
    const viewers = [...config.viewTokens, ...config.adminTokens];
    switch (role) {
      case 'ingest': return { tokens: config.ingestTokens, openWithoutTokens: 'loopback' };
      case 'admin': return { tokens: config.adminTokens, openWithoutTokens: 'loopback' };
      case 'view': return { tokens: viewers, openWithoutTokens: hasUsers() ? 'nobody' : 'everyone' };
      // Working callbacks asks of a token what acknowledging does.
      case 'acknowledge': case 'callbacks':
        return hasUsers() ? { tokens: config.adminTokens, openWithoutTokens: 'nobody' } : { tokens: viewers, openWithoutTokens: 'everyone' };
    }
  };

  /** A stored token of the door's kind: it speaks for its own tenant and scope. */
  const storedFor = (role: Role, token: string | undefined): Verdict | undefined => {
    const kind = STORED_TOKEN_DOORS[role];
    const found = token === undefined || kind === undefined ? undefined : stored?.match(token);
    if (!found || found.role !== kind) return undefined;
    stored?.touch(found.name);
    return allowed({ kind: 'token', name: found.name, tenant: found.tenant, scope: found.scope });
  };

  /** `signedIn`: a person's session came with the request, so the machine it runs on earns it nothing more. */
  const authorizeToken = (role: Role, request: RequestLike, carried: string | undefined, signedIn: boolean): Verdict => {
    const { tokens, openWithoutTokens } = byToken(role);
    const token = carried ?? offeredToken(request);
    const byStored = storedFor(role, token);
    if (byStored) return byStored;
    const kind = STORED_TOKEN_DOORS[role];
    if (tokens.length === 0 && !(kind !== undefined && stored?.hasAny(kind))) {
      if (openWithoutTokens === 'everyone') return allowed(installationPrincipal('open', 'anonymous'));
      if (openWithoutTokens === 'loopback' && !signedIn && isLocalClient(request, knownHosts)) return allowed(installationPrincipal('open', 'loopback'));
      if (openWithoutTokens === 'nobody') return SIGN_IN;
      return { ok: false, status: 403, error: 'forbidden', message: `No ${role} tokens are configured: only loopback clients are allowed` };
    }
    if (token !== undefined && tokenMatches(token, tokens)) {
      return allowed(installationPrincipal('shared', createHash('sha256').update(token).digest('hex').slice(0, 12)));
    }
    return hasUsers() && role !== 'ingest' ? SIGN_IN : UNAUTHORIZED;
  };

  const authorize = (role: Role, request: RequestLike, carried?: string, user?: SessionUser): Verdict => {
    if (user && USER_GRANTS[user.role].includes(role)) return allowed({ kind: 'user', name: user.username, tenant: user.tenant, scope: user.scope });
    const verdict = authorizeToken(role, request, carried, user !== undefined);
    // Signed in, but the role does not reach: a refusal, not a request to sign in.
    if (!verdict.ok && user) return { ok: false, status: 403, error: 'forbidden', message: `The role ${user.role} may not ${role}` };
    return verdict;
  };

  const checkOrigin = (request: RequestLike, withCookie = false): OriginVerdict => {
    const { origin, host = '' } = request.headers;
    const site = request.headers['sec-fetch-site'];
    // A browser that leaves Origin out (a CORS-simple form post) still says where it comes from.
    if (origin === undefined) {
      if (site === 'cross-site') return ORIGIN_REFUSED;
      return withCookie && site !== 'same-origin' ? COOKIE_WITHOUT_ORIGIN : ORIGIN_OK;
    }
    if (config.allowedOrigins.includes(origin)) return ORIGIN_OK;
    const ourselves = knownHosts.has(hostName(host)) && (origin === `http://${host}` || origin === `https://${host}`);
    return ourselves ? ORIGIN_OK : ORIGIN_REFUSED;
  };

  const admitSocket = (role: Role, request: RequestLike, carried?: string, user?: SessionUser): Verdict => {
    const origin = checkOrigin(request);
    return origin.ok ? authorize(role, request, carried, user) : origin;
  };

  return { authorize, checkOrigin, admitSocket };
}
