import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  store: Type.Object({ kind: Type.String(), reachable: Type.Boolean() }),
  sources: Type.Record(Type.String(), Type.Object({
    healthy: Type.Boolean(),
    detail: Type.Optional(Type.String()),
    at: Type.String(),
    connected: Type.Optional(Type.Boolean({ description: 'stream sources: the link is up' })),
    lastEventAt: Type.Optional(Type.String({ description: 'the last event received from the source' })),
  })),
});

/**
 * Liveness (the process answers), readiness (state rebuilt, the journal readable within a short bound), metrics. Event sources are listed
 * in readiness but do not gate it: a PBX link that is down must not take the wallboard and the other sources out of a
 * load balancer; the board shows the source as down instead.
 */
export default async function healthRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  fastify.get('/healthz', { schema: { summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  fastify.get('/readyz', {
    schema: { summary: 'Readiness', response: { 200: Readiness, 503: Readiness } },
  }, async (_request, reply) => {
    const reachable = await fastify.store.ping(fastify.config.database.probeTimeoutMs).then(() => true, () => false);
    const sources = Object.fromEntries(fastify.sourceHealth);
    return reply.code(reachable ? 200 : 503).send({ status: reachable ? 'ready' : 'unavailable', store: { kind: fastify.store.kind, reachable }, sources });
  });

  fastify.get('/metrics', { schema: { summary: 'Prometheus metrics', produces: ['text/plain'] } }, async (_request, reply) => {
    const { registry } = fastify.metrics;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
