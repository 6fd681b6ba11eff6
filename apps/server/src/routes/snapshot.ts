import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CONTACT_CHANNELS, ErrorBody, Snapshot, type View } from '@plancia/contracts';

const ids = (description: string) => Type.Optional(Type.String({ maxLength: 20_000, pattern: '^[^,]+(,[^,]+)*$', description }));
const ViewQuery = Type.Object({
  queues: ids('comma-separated queue ids'),
  teams: ids('comma-separated team ids'),
  channels: Type.Optional(Type.String({ pattern: `^(${CONTACT_CHANNELS.join('|')})(,(${CONTACT_CHANNELS.join('|')}))*$`, description: 'comma-separated channels' })),
  token: Type.Optional(Type.String()),
});

function viewOf(query: { queues?: string; teams?: string; channels?: string }): View {
  const split = (value: string | undefined) => value?.split(',').map((s) => s.trim());
  return {
    ...(query.queues ? { queues: split(query.queues) } : {}),
    ...(query.teams ? { teams: split(query.teams) } : {}),
    ...(query.channels ? { channels: split(query.channels) as View['channels'] } : {}),
  };
}

/** The whole board (or a view of it) as one document: the same snapshot a socket client gets first. */
export default async function snapshotRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/api/v1/snapshot', {
    preHandler: fastify.requireRole('view'),
    schema: { summary: 'Current state', querystring: ViewQuery, response: { 200: Snapshot, 401: ErrorBody, 400: ErrorBody } },
  }, async (request) => fastify.live.snapshot(viewOf(request.query)));
}
