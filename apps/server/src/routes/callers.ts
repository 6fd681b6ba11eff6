import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CallerRevealParams, CallerRevealQuery, ErrorBody, RevealedCaller } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';

const NOT_KEPT = 'No number is kept for this contact: none was sent, it expired, or PLANCIA_CALLBACK_KEY is unset';
const UNREADABLE = 'The number kept for this contact was sealed under another PLANCIA_CALLBACK_KEY and cannot be read';

/**
 * `GET /api/v1/contacts/:contactId/caller?source=…`: the caller's number kept for a callback, for supervisors. Every
 * reveal is written to the audit log (who, which contact; never the number).
 */
export default async function callerRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/api/v1/contacts/:contactId/caller', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      tags: ['callers'],
      summary: 'Reveal the number kept for calling a contact back',
      description: 'Supervisors and administrators only; each reveal is audited as `caller.reveal`. 404 when no number is kept for the contact.',
      params: CallerRevealParams,
      querystring: CallerRevealQuery,
      response: { 200: RevealedCaller, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (request, reply) => {
    const { contactId } = request.params;
    const { source } = request.query;
    const result = await fastify.callers.reveal(source, contactId);
    if (!result.ok) {
      return result.reason === 'unreadable'
        ? reply.code(409).send({ error: 'unreadable', message: UNREADABLE })
        : reply.code(404).send({ error: 'not_found', message: NOT_KEPT });
    }
    const { caller, pseudonym, queueId, expiresAtMs } = result.revealed;
    // scope: refuse (403) when queueId lies outside the reader's scope and tenant, before anything is revealed.
    await fastify.store.audit.record({
      actor: actorOf(request),
      action: 'caller.reveal',
      resource: `contacts/${contactId}`,
      before: null,
      after: { source, contactId, pseudonym, queueId },
      atMs: Date.now(),
    });
    void reply.header('cache-control', 'no-store');
    return { source, contactId, caller, pseudonym, queueId, expiresAt: new Date(expiresAtMs).toISOString() };
  });
}
