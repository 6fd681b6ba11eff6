import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AgentPage, BOARD_ENCODINGS, CONTACT_CHANNELS, VIEW_AGENTS, View, literalUnion } from '@plancia/contracts';

/** A view must be valid before it names a room: the first error, with its field, or the view. */
export function checkView(value: unknown): { ok: true; view: View } | { ok: false; error: string } {
  if (Value.Check(View, value)) return { ok: true, view: value };
  const first = Value.Errors(View, value).First();
  return { ok: false, error: `view${first?.path ?? ''}: ${first?.message ?? 'invalid'}` };
}

const idList = (description: string) =>
  Type.Optional(Type.String({ maxLength: 16_384, pattern: '^[^,]+(,[^,]+)*$', description }));
const channelAlternatives = CONTACT_CHANNELS.join('|');

/**
 * The query string of `GET /api/v1/live` and `GET /api/v1/snapshot`: comma-separated lists, whether agents are shown,
 * and which page of them (`agentOffset` and `agentLimit`, the View's `agentPage`).
 */
export const ViewQuery = Type.Object({
  queues: idList('comma-separated queue ids'),
  teams: idList('comma-separated team ids'),
  channels: Type.Optional(Type.String({ pattern: `^(${channelAlternatives})(,(${channelAlternatives}))*$`, description: 'comma-separated channels' })),
  agents: Type.Optional({ ...literalUnion(VIEW_AGENTS), description: "'all' (the default) or 'none': a board that shows no agents gets no agents slice entries" }),
  // The view's agentPage, flattened: both or neither (a lone one is a 400 naming it).
  agentOffset: Type.Optional(AgentPage.properties.offset),
  agentLimit: Type.Optional(AgentPage.properties.limit),
  token: Type.Optional(Type.String({ maxLength: 512, description: 'a viewer token, for clients that cannot set headers' })),
});
export type ViewQuery = Static<typeof ViewQuery>;

/** The query string of `GET /api/v1/live`: a view, and how its changes are framed. */
export const LiveQuery = Type.Composite([ViewQuery, Type.Object({
  encoding: Type.Optional({ ...literalUnion(BOARD_ENCODINGS), description: "'json' (the default): `changes` frames; 'deflate': `changesDeflated` frames, the same changes deflated once per room" }),
})]);
export type LiveQuery = Static<typeof LiveQuery>;

/** The view a query names; spaces around the ids are ignored (`?queues=sales, care`). */
export function viewFromQuery(query: ViewQuery): View {
  const split = (list: string) => list.split(',').map((id) => id.trim());
  return {
    ...(query.queues ? { queues: split(query.queues) } : {}),
    ...(query.teams ? { teams: split(query.teams) } : {}),
    ...(query.channels ? { channels: split(query.channels) as View['channels'] } : {}),
    ...(query.agents ? { agents: query.agents } : {}),
    ...(query.agentOffset !== undefined && query.agentLimit !== undefined ? { agentPage: { offset: query.agentOffset, limit: query.agentLimit } } : {}),
  };
}

/** An agent page needs both its numbers: a query with one of them is a 400 naming the other. */
export async function refuseHalfAgentPage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { agentOffset, agentLimit } = request.query as ViewQuery;
  if ((agentOffset === undefined) === (agentLimit === undefined)) return;
  const path = agentOffset === undefined ? '/agentOffset' : '/agentLimit';
  await reply.code(400).send({
    error: 'invalid_request',
    message: `querystring${path}: required with ${agentOffset === undefined ? 'agentLimit' : 'agentOffset'}`,
    details: [{ path, message: 'required' }],
  });
}
