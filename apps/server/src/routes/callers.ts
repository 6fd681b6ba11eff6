import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CallerRevealParams, CallerRevealQuery, ErrorBody, RevealedCaller } from '@plancia/contracts';
import { actorOf } from '../config-api/actor.js';

const NOT_KEPT = 'No number is kept for this contact: none was sent, it expired, or PLANCIA_CALLBACK_KEY is unset';
const UNREADABLE = 'The number kept for this contact was sealed under another PLANCIA_CALLBACK_KEY and cannot be read';

/**
 * `GET /api/v1/contacts/:contactId/caller?source=…`: the caller's number kept for a callback, for supervisors whose
 * scope and tenant hold the contact's queue (else 403). Every reveal is written to the audit log (who, which contact; never the number).
 */
export default async function callerRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/api/v1/contacts/:contactId/caller', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      tags: ['callers'],
      summary: 'Reveal the number kept for calling a contact back',
      description: 'Supervisors and administrators whose scope holds the contact\'s queue (else 403); each reveal is audited as `caller.reveal`. 404 when no number is kept for the contact.',
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
    const { reach } = fastify.audienceOf(request.principal);
    // A contact of no known queue belongs to no scope: only someone who sees the whole installation may call it back.
    if (queueId === null ? !reach.whole : !reach.hasQueue(queueId)) {
      return reply.code(403).send({ error: 'forbidden', message: `The contact's queue (${queueId ?? 'none'}) is outside your scope` });
    }
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
