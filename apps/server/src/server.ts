import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import closeWithGrace from 'close-with-grace';
import plancia from './app.js';
import type { ServerConfig } from './config.js';
import type { CheckpointPrefetch } from './checkpoints/checkpoint-prefetch.js';
import { lazySerializers } from './lazy-serializers.js';
import { RequestLog } from './request-log.js';

/** The URL with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token)=)[^&#]*/gi, '$1[redacted]');
}

/** What a start may have begun before building the server: the newest checkpoint read ahead (main.ts). */
export interface StartAhead {
  checkpoint?: CheckpointPrefetch | undefined;
}

/** Builds the application without listening (tests listen on port 0 themselves). */
export async function buildServer(config: ServerConfig, ahead: StartAhead = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Tokens travel as `?token=` on sockets and as Authorization headers: neither may reach the log in clear.
      serializers: { req: (request: FastifyRequest) => ({ method: request.method, url: redactUrl(request.url), host: request.headers.host, remoteAddress: request.ip }) },
      redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
    },
    // One line per request, routine ones at debug (see RequestLog).
    logController: new RequestLog(),
    // A request (headers and body) must arrive in time: a slowly sent body no longer holds memory for ever. Sockets
    // are not cut: Node stops timing a request once it is upgraded, and an answered request's socket is idle, not late.
    requestTimeout: config.requestTimeoutMs,
    // Node checks for late requests every 30 s by default; check often enough for the timeout to mean what it says.
    http: { connectionsCheckingInterval: Math.min(1_000, config.requestTimeoutMs) },
    // Ingest routes raise their own limit; everything else keeps fastify's 1 MiB.
    bodyLimit: 1024 * 1024,
    // Nobody sends JSON with __proto__ keys for a good reason.
    onProtoPoisoning: 'error',
    return503OnClosing: true,
    // Start-up replays the journal before the server listens; on a large journal that takes longer than
    // fastify's 10 s plugin timeout, and a slow start is better than a crash loop.
    pluginTimeout: 0,
    // Response serializers are compiled when a route first answers, not all of them at every start (lazy-serializers.ts).
    schemaController: { compilersFactory: { buildSerializer: lazySerializers() } },
  });
  // fp: the error handler and decorations of the app belong to the root instance.
  await app.register(fp(plancia), { config, ahead });
  // Headers must come well within the whole request's time (Node requires headersTimeout <= requestTimeout).
  app.server.headersTimeout = Math.min(60_000, config.requestTimeoutMs);
  return app;
}

/** Builds, listens, and closes gracefully on SIGTERM, SIGINT or a fatal error. */
export async function startServer(config: ServerConfig, ahead: StartAhead = {}): Promise<FastifyInstance> {
  const app = await buildServer(config, ahead);
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'fatal error: closing');
    else app.log.info({ signal }, 'closing');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  return app;
}
