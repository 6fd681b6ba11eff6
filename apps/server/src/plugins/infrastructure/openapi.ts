import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';

/** Collects every route's TypeBox schemas into one OpenAPI document, served at /api/v1/openapi.json. */
export default fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Plancia', version: '1', description: 'Real-time wallboard for contact centres: event ingest, state and health.' },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      },
    });
    fastify.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => fastify.swagger());
  },
  { name: 'openapi' },
);
