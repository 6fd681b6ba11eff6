import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { INGEST_LIMITS, type HandshakeAuth } from '@plancia/contracts';
import type { SessionUser } from '../../session/sessions.js';
import { sessionIdOf } from '../../session/session-cookie.js';
import { createAccessPolicy, type AccessPolicy, type Refusal, type RequestLike, type Role, type StoredTokens, type Verdict } from './access-policy.js';
import { bodyGuard } from './body-guard.js';
import type { Principal } from './principal.js';

/** A hook that checks access; usable as onRequest (before the body is read) or preHandler. */
export type AccessHook = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Who the session cookie of a request belongs to: undefined at once without a cookie, else the store's answer. */
export type Identify = (request: RequestLike) => Promise<SessionUser | undefined> | undefined;

declare module 'fastify' {
  interface FastifyInstance {
    /** The access policy itself, for doors that are not fastify routes (the socket.io handshake). */
    access: AccessPolicy;
    /** The signed-in user of a request's session cookie (none without the sessions plugin). */
    identify: Identify;
    /** A hook that lets the request through only with a session or token of `role` (see createAccessPolicy); use it as onRequest. */
    requireRole(role: Role): AccessHook;
    /** The hook of a WebSocket route: a browser's origin must be allowed, then the client needs `role`. */
    requireSocket(role: Role): AccessHook;
    /** onRequest hook of routes reading ingest-sized bodies: oversized ones 413 at once, at most PLANCIA_MAX_CONCURRENT_BODIES at a time. */
    guardIngestBody: AccessHook;
  }
  interface FastifyRequest {
    /** The signed-in user whose session let this request through, if a session did. */
    user?: SessionUser;
    /** Who the request speaks for, once an access hook let it through (see principal.ts). */
    principal?: Principal;
  }
}

/** A refusal as an HTTP answer; a 401 names the scheme it wants. */
function refuse(reply: FastifyReply, verdict: Refusal) {
  if (verdict.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(verdict.status).send({ error: verdict.error, message: verdict.message });
}

type Judge = (request: FastifyRequest, user: SessionUser | undefined) => Verdict;

/** Resolves the session (if the request has a cookie), judges, and remembers the user on the request. */
const hookOf = (identify: Identify, judge: Judge): AccessHook => async (request, reply) => {
  const user = await identify(request);
  const verdict = judge(request, user);
  if (!verdict.ok) return refuse(reply, verdict);
  if (user) request.user = user;
  request.principal = verdict.principal;
};

/** What a socket.io socket shows while it connects: the handshake's HTTP request and the `auth` it was sent with. */
export interface Handshaking {
  readonly request: RequestLike;
  readonly handshake: { readonly auth: unknown };
  /** Where the gate leaves the principal the socket speaks for. */
  data: { principal?: Principal };
}

/**
 * The socket.io handshake's door, for `io.use`: judged like a WebSocket route, with the token of `auth` first and
 * the session cookie of the handshake request. socket.io has no status: the refusal travels as the message of
 * connect_error, `<error>: <message>`.
 */
export function socketIoGate(access: AccessPolicy, role: Role, identify: Identify = () => undefined) {
  return (socket: Handshaking, next: (error?: Error) => void) => {
    const { token } = (socket.handshake.auth ?? {}) as HandshakeAuth;
    const judge = (user: SessionUser | undefined) => {
      const verdict = access.admitSocket(role, socket.request, typeof token === 'string' ? token : undefined, user);
      if (!verdict.ok) return next(new Error(`${verdict.error}: ${verdict.message}`));
      socket.data.principal = verdict.principal;
      next();
    };
    const pending = identify(socket.request);
    if (pending === undefined) return judge(undefined);
    pending.then(judge, (error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
  };
}

/** The session's user of a request, when the sessions plugin is there and the request has a session cookie. */
function identifierOf(fastify: FastifyInstance): Identify {
  if (!fastify.hasDecorator('sessions')) return () => undefined;
  const { sessions } = fastify;
  return (request) => {
    const id = sessionIdOf(request);
    return id === undefined ? undefined : sessions.identify(id).then((open) => open?.user);
  };
}

/** Bearer-token ingest counted per client and minute (PLANCIA_INGEST_RATE_LIMIT), ahead of the token check. */
function ingestLimiter(fastify: FastifyInstance): AccessHook | undefined {
  const max = fastify.config.rateLimits.ingestPerMinute;
  if (max === 0 || !fastify.hasDecorator('rateLimit')) return undefined;
  return fastify.rateLimit({ max, timeWindow: 60_000 }) as AccessHook;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sessions, bearer tokens per role, the loopback rule and the origin check, on every door from one AccessPolicy. */
export default fp(
  async (fastify) => {
    const { config } = fastify;
    const hasUsers = fastify.hasDecorator('users') ? () => fastify.users.hasUsers() : () => false;
    const storedTokens: StoredTokens | undefined = fastify.hasDecorator('machineTokens') ? fastify.machineTokens : undefined;
    const access = createAccessPolicy({ ...config, publicUrl: config.adapters.publicUrl, hasUsers, storedTokens });
    if (config.ingestTokens.length === 0) {
      fastify.log.warn('PLANCIA_INGEST_TOKENS is not set: event ingest is open, to loopback clients only');
    }
    const identify = identifierOf(fastify);
    const limitIngest = ingestLimiter(fastify);
    const limited = (role: Role, hook: AccessHook): AccessHook => {
      if (role !== 'ingest' || !limitIngest) return hook;
      return async (request, reply) => {
        await limitIngest(request, reply);
        if (!reply.sent) return hook(request, reply);
      };
    };
    fastify.decorate('access', access);
    fastify.decorate('identify', identify);
    fastify.decorate('requireRole', (role: Role) => limited(role, hookOf(identify, (request, user) => access.authorize(role, request, undefined, user))));
    fastify.decorate('requireSocket', (role: Role) => limited(role, hookOf(identify, (request, user) => access.admitSocket(role, request, undefined, user))));
    fastify.decorate('guardIngestBody', bodyGuard(INGEST_LIMITS.maxBytes, config.maxConcurrentBodies));

    // State changes are never CORS-simple: a browser announces another site by Origin (every non-GET fetch and form
    // post) or Sec-Fetch-Site, and such a request is refused before its body is read, whatever its content type. A
    // request with the session cookie comes from a browser, so it must say where from.
    fastify.addHook('onRequest', async (request, reply) => {
      if (SAFE_METHODS.has(request.method)) return;
      const verdict = access.checkOrigin(request, sessionIdOf(request) !== undefined);
      if (!verdict.ok) return refuse(reply, verdict);
    });
  },
  { name: 'access', dependencies: ['config'] },
);
