import fp from 'fastify-plugin';
import type { ServerConfig } from '../../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: ServerConfig;
  }
}

/** Makes the configuration validated at boot available to every plugin. */
export default fp<{ config: ServerConfig }>(
  async (fastify, { config }) => {
    fastify.decorate('config', config);
  },
  { name: 'config' },
);
