import { existsSync } from 'node:fs';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { WEB_DIST } from '../../paths.js';

/** Serves the built wallboard when it exists; unknown non-API pages get index.html so client routing works. */
export default fp(
  async (fastify) => {
    if (!existsSync(WEB_DIST)) {
      fastify.log.info({ path: WEB_DIST }, 'no built web app: serving the API only');
      return;
    }
    await fastify.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
    fastify.setNotFoundHandler((request, reply) => {
      const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html');
      if (isPage) return reply.sendFile('index.html');
      return reply.code(404).send({ error: 'not_found', message: `${request.method} ${request.url.split('?')[0]} does not exist` });
    });
  },
  { name: 'web-app' },
);
