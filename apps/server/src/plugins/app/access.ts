import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

/** Who may do what: producers send events, viewers read the board, administrators change settings. */
export type Role = 'ingest' | 'view' | 'admin';

declare module 'fastify' {
  interface FastifyInstance {
    /** A preHandler that lets the request through only with a token of `role` (see tokenPolicy). */
    requireRole(role: Role): preHandlerAsyncHookHandler;
    /** True when a browser Origin header is the server itself or in PLANCIA_ALLOWED_ORIGINS (no header: not a browser). */
    isOriginAllowed(request: FastifyRequest): boolean;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares against every token in constant time (hashing first makes lengths equal). */
export function tokenMatches(offered: string, tokens: readonly string[]): boolean {
  const candidate = digest(offered);
  return tokens.reduce((found, token) => timingSafeEqual(candidate, digest(token)) || found, false);
}

export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * A client on this machine speaking for itself. A reverse proxy on this machine also connects from loopback, but it
 * relays someone else's request and says so in a forwarding header: such a request is not a loopback client.
 */
export function isLocalClient(request: FastifyRequest): boolean {
  const { headers } = request;
  const relayed = headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined || headers['x-real-ip'] !== undefined;
  return !relayed && isLoopback(request.socket.remoteAddress ?? '');
}

/** Bearer token from the Authorization header, or `?token=` (browsers cannot set headers on a WebSocket). */
export function offeredToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token : undefined;
}

export default fp(
  async (fastify) => {
    const { ingestTokens, viewTokens, adminTokens, allowedOrigins } = fastify.config;
    // Administrators may also view; with no tokens of a kind, ingest and admin are loopback-only, viewing is open.
    const policy: Record<Role, { tokens: string[]; openWithoutTokens: 'loopback' | 'everyone' }> = {
      ingest: { tokens: ingestTokens, openWithoutTokens: 'loopback' },
      view: { tokens: [...viewTokens, ...adminTokens], openWithoutTokens: 'everyone' },
      admin: { tokens: adminTokens, openWithoutTokens: 'loopback' },
    };
    if (ingestTokens.length === 0) {
      fastify.log.warn('PLANCIA_INGEST_TOKENS is not set: event ingest is open, to loopback clients only');
    }

    fastify.decorate('requireRole', (role: Role) => {
      const { tokens, openWithoutTokens } = policy[role];
      return async (request: FastifyRequest, reply: FastifyReply) => {
        if (tokens.length === 0) {
          if (openWithoutTokens === 'everyone' || isLocalClient(request)) return;
          return reply.code(403).send({ error: 'forbidden', message: `No ${role} tokens are configured: only loopback clients are allowed` });
        }
        const token = offeredToken(request);
        if (token === undefined || !tokenMatches(token, tokens)) {
          return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'A valid bearer token is required' });
        }
      };
    });

    fastify.decorate('isOriginAllowed', (request: FastifyRequest) => {
      const origin = request.headers.origin;
      if (origin === undefined) return true;
      const host = request.headers.host;
      return allowedOrigins.includes(origin) || origin === `http://${host}` || origin === `https://${host}`;
    });
  },
  { name: 'access', dependencies: ['config'] },
);
