import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, Silence, SilenceList, SilenceRequest, type SilenceMatch } from '@plancia/contracts';
import { actorName, type Principal } from '../plugins/app/principal.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import { actorOf } from './alert-actions.js';

/**
 * Whether a silence is within what a principal reaches: a whole reach holds every silence; any other must name a queue
 * or a team it reaches (a silence on a rule or a severity alone would mute alerts outside it).
 */
function inReach(fastify: FastifyInstance, principal: Principal, match: SilenceMatch): boolean {
  const { reach } = fastify.audienceOf(principal);
  if (reach.whole) return true;
  if (match.queueId !== undefined) return reach.hasQueue(match.queueId) && (match.teamId === undefined || reach.hasTeam(match.teamId));
  return match.teamId !== undefined && reach.hasTeam(match.teamId);
}

/** `POST|GET /api/v1/silences`, `DELETE /api/v1/silences/{id}`: alerts matched are shown silenced and notify nobody. */
export default async function silenceRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();

  fastify.post('/api/v1/silences', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'Silence alerts until a time',
      description: 'From now until `endsAt`, alerts matching every field of `match` are pushed with `silencedBy` and notify nobody. A scoped caller must name a queue or team in its scope (else 403).',
      body: SilenceRequest,
      response: { 201: Silence, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { match, endsAt, reason } = request.body;
    const now = Date.now();
    if (!(Date.parse(endsAt) > now)) return reply.code(400).send({ error: 'invalid_request', message: 'endsAt: must be in the future' });
    if (!inReach(fastify, principal, match)) return reply.code(403).send({ error: 'forbidden', message: 'match: name a queue or team within your scope' });
    const silence: Silence = { id: randomUUID(), match, startsAt: new Date(now).toISOString(), endsAt: new Date(Date.parse(endsAt)).toISOString(), reason, createdBy: actorOf(principal) };
    await fastify.store.silences.create(silence);
    await fastify.store.audit.record({ actor: actorName(principal), action: 'silence.create', resource: `silences/${silence.id}`, before: null, after: silence, atMs: now });
    await fastify.alertMutes.reload();
    return reply.code(201).send(silence);
  });

  fastify.get('/api/v1/silences', {
    onRequest: fastify.requireRole('view'),
    schema: { summary: 'Silences in force, in scope', response: { 200: SilenceList, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    const principal = principalOf(request);
    return { silences: fastify.alertMutes.list(Date.now()).filter((s) => inReach(fastify, principal, s.match)) };
  });

  fastify.delete('/api/v1/silences/:id', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'End a silence now', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
      description: 'A silence outside the caller\'s scope is as unknown as one that does not exist (404).',
      response: { 204: Type.Null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { id } = request.params;
    const silence = fastify.alertMutes.list(Date.now()).find((s) => s.id === id);
    if (!silence || !inReach(fastify, principal, silence.match) || !(await fastify.store.silences.remove(id))) {
      return reply.code(404).send({ error: 'not_found', message: `id: no silence ${id}` });
    }
    await fastify.store.audit.record({ actor: actorName(principal), action: 'silence.delete', resource: `silences/${id}`, before: silence, after: null, atMs: Date.now() });
    await fastify.alertMutes.reload();
    return reply.code(204).send(null);
  });
}
