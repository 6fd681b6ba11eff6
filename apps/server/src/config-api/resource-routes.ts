import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '@plancia/contracts';
import type { ConfigService } from './config-service.js';
import type { Resource } from './resources.js';
import { actorOf, ifMatchVersion } from './actor.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 412: ErrorBody };

const notFound = (reply: FastifyReply, path: string, id: string) =>
  reply.code(404).send({ error: 'not_found', message: `No ${path} entry '${id}'` });

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
    const entry = await service.get(resource, request.params.id);
    if (!entry) return notFound(reply, resource.path, request.params.id);
    return reply.header('etag', `"${entry.version}"`).send(entry.value);
  });

  fastify.put(`${base}/:id`, {
    onRequest: admin,
    schema: {
      tags, summary: `Create or change one ${resource.path} entry (partial bodies merge onto the current settings)`,
      params: IdParams, body: resource.patch, response: { 200: resource.schema, ...errors },
    },
  }, async (request, reply) => {
    const { entry, replayed } = await service.put(resource, request.params.id, request.body, actorOf(request), ifMatchVersion(request));
    return reply.header('etag', `"${entry.version}"`).header('plancia-replayed', String(replayed)).send(entry.value);
  });

  fastify.delete(`${base}/:id`, {
    onRequest: admin,
    schema: { tags, summary: `Delete one ${resource.path} entry`, params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const deleted = await service.delete(resource, request.params.id, actorOf(request), ifMatchVersion(request));
    if (!deleted) return notFound(reply, resource.path, request.params.id);
    return reply.code(204).send(null);
  });
}
