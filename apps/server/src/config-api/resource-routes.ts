import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '@plancia/contracts';
import type { ConfigService } from './config-service.js';
import type { Entity, Resource } from './resources.js';
import { actorOf, ifMatchVersion } from './actor.js';
import { configReachOf, forbidden } from './scoped.js';
import { ScopeRefusal, type ConfigReach } from '../tenancy/config-reach.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 412: ErrorBody };

const notFound = (reply: FastifyReply, path: string, id: string) =>
  reply.code(404).send({ error: 'not_found', message: `No ${path} entry '${id}'` });

/**
 * An entry that does not exist is 404 only where it could be the caller's (a queue in its reach): elsewhere 403, as
 * for one that exists, so that another tenant's ids cannot be told from names never used.
 */
function missing(reply: FastifyReply, reach: ConfigReach, resource: Resource, id: string) {
  const couldBeOurs = reach.whole || (resource.path === 'queues' && reach.hasQueue(id));
  return couldBeOurs ? notFound(reply, resource.path, id) : forbidden(reply, `${resource.idField}: outside your scope`);
}

/**
 * GET/PUT/DELETE one entry of a resource. A PUT body is the contract's merge patch of the entity: it is laid over the
 * current (or default) settings and the whole is validated again. The ETag is the stored version; `Plancia-Replayed` says how many journaled
 * events were replayed to recompute a queue.
 */
export function resourceRoutes(app: FastifyInstance, service: ConfigService, resource: Resource) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = `/api/v1/${resource.path}`;
  const tags = ['configuration'];
  const admin = fastify.requireRole('admin');

  fastify.get(`${base}/:id`, {
    onRequest: fastify.requireRole('view'),
    schema: { tags, summary: `One ${resource.path} entry`, params: IdParams, response: { 200: resource.schema, ...errors } },
  }, async (request, reply) => {
    const reach = await configReachOf(fastify, request);
    const id = reach.storedId(resource.path, request.params.id);
    const entry = id === undefined ? undefined : await service.get(resource, id);
    if (!entry) return missing(reply, reach, resource, request.params.id);
    const refusal = reach.readRefusal(resource.path, entry.value);
    if (refusal) return forbidden(reply, refusal);
    return reply.header('etag', `"${entry.version}"`).send(reach.shown(resource.path, entry.value));
  });

  fastify.put(`${base}/:id`, {
    onRequest: admin,
    schema: {
      tags, summary: `Create or change one ${resource.path} entry (partial bodies merge onto the current settings)`,
      params: IdParams, body: resource.patch, response: { 200: resource.schema, ...errors },
    },
  }, async (request, reply) => {
    const reach = await configReachOf(fastify, request);
    const allow = (before: Entity | undefined, after: Entity) => {
      const refusal = reach.writeRefusal(resource.path, before, after);
      if (refusal) throw new ScopeRefusal(refusal);
    };
    const { entry, replayed } = await service.put(resource, request.params.id, request.body, actorOf(request), ifMatchVersion(request), allow);
    return reply.header('etag', `"${entry.version}"`).header('plancia-replayed', String(replayed)).send(entry.value);
  });

  fastify.delete(`${base}/:id`, {
    onRequest: admin,
    schema: { tags, summary: `Delete one ${resource.path} entry`, params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const reach = await configReachOf(fastify, request);
    const before = await resource.table.get(request.params.id);
    if (!before) return missing(reply, reach, resource, request.params.id);
    const refusal = reach.writeRefusal(resource.path, before.value, undefined);
    if (refusal) return forbidden(reply, refusal);
    const deleted = await service.delete(resource, request.params.id, actorOf(request), ifMatchVersion(request));
    if (!deleted) return notFound(reply, resource.path, request.params.id);
    return reply.code(204).send(null);
  });
}
