import type { FastifyInstance } from 'fastify';
import type { RequestLike } from '../plugins/app/access-policy.js';
import type { Principal } from '../plugins/app/principal.js';
import { sessionIdOf } from './session-cookie.js';

/** The plain WebSocket close code of a socket whose session or token ended (as HTTP's 401, in the private range). */
export const ADMISSION_ENDED_CLOSE = 4401;

/**
 * A socket a session let in closes (`close`) when that session ends, one a named machine token let in when the token
 * is revoked; the returned function, called when the socket closes by itself, forgets it. A socket an environment
 * token or the open board let in holds nothing: nothing ends them but a restart.
 */
export function holdWhileAdmitted(fastify: FastifyInstance, request: RequestLike, principal: Principal | undefined, close: () => void): () => void {
  if (principal?.kind === 'token' && fastify.hasDecorator('machineTokens')) return fastify.machineTokens.hold(principal.name, close);
  const id = sessionIdOf(request);
  if (principal?.kind !== 'user' || id === undefined || !fastify.hasDecorator('sessions')) return () => undefined;
  return fastify.sessions.hold(id, principal.name, close);
}
