import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { offeredToken } from '../plugins/app/access-policy.js';
import { actorName } from '../plugins/app/principal.js';

/**
 * Who made a change, for the audit log: a signed-in user by name, a token by a short digest (never the secret
 * itself); without either only loopback clients may write.
 */
export function actorOf(request: FastifyRequest): string {
  if (request.user) return `user:${request.user.username}`;
  if (request.principal && request.principal.kind !== 'open') return actorName(request.principal);
  const token = offeredToken(request);
  if (token === undefined) return 'loopback';
  return `token:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

/** `If-Match: "3"` or `If-Match: 3` → 3; absent → undefined (an unconditional write). */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (typeof header !== 'string') return undefined;
  const version = Number(header.replace(/^W\//, '').replaceAll('"', ''));
  return Number.isInteger(version) && version >= 0 ? version : -1;
}
