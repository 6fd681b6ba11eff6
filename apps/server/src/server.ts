import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import closeWithGrace from 'close-with-grace';
import plancia from './app.js';
import type { ServerConfig } from './config.js';

/** Builds the application without listening (tests listen on port 0 themselves). */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    // Ingest routes raise their own limit; everything else keeps fastify's 1 MiB.
    bodyLimit: 1024 * 1024,
    // Nobody sends JSON with __proto__ keys for a good reason.
    onProtoPoisoning: 'error',
    return503OnClosing: true,
    // Start-up replays the journal before the server listens; on a large journal that takes longer than
    // fastify's 10 s plugin timeout, and a slow start is better than a crash loop.
    pluginTimeout: 0,
  });
  // fp: the error handler and decorations of the app belong to the root instance.
  await app.register(fp(plancia), { config });
  return app;
}

/** Builds, listens, and closes gracefully on SIGTERM, SIGINT or a fatal error. */
export async function startServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = await buildServer(config);
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'fatal error: closing');
    else app.log.info({ signal }, 'closing');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
