import fp from 'fastify-plugin';
import { createAmiSource } from './ami/ami-source.js';
import { PING_TIMEOUT_MS } from './ami/ami-session.js';
import type { StreamSource } from './stream/stream-source.js';
import { createFreeSwitchSource } from './freeswitch/freeswitch-source.js';
import { parseLinkUrl } from './stream/link-url.js';
import { createTelemetry, type TelemetryFactory } from './telemetry.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Per-source adapter metrics and health; the webhook routes report through it too. */
    adapterTelemetry: TelemetryFactory;
  }
}

/**
 * Vendor adapters that Plancia connects to (Asterisk AMI, FreeSWITCH event socket): one reconnecting link per
 * configured URL, started once the server listens, each submitting through `fastify.ingest` like any producer.
 */
export default fp(
  async (fastify) => {
    const { config, ingest, log, metrics, sourceHealth } = fastify;
    const telemetry = createTelemetry(metrics.registry, sourceHealth);
    fastify.decorate('adapterTelemetry', telemetry);
    const { amiUrls, amiWrapUpSeconds, amiKeepAliveSeconds, freeswitchUrls } = config.adapters;
    const keepAlive = { intervalMs: amiKeepAliveSeconds * 1000, timeoutMs: PING_TIMEOUT_MS };
    const sources: StreamSource[] = [
      ...amiUrls.map((url) => parseLinkUrl(url, 'ami', 5038)).map((endpoint) =>
        createAmiSource(endpoint, amiWrapUpSeconds, { ingest, log, keepAlive, telemetry: telemetry(endpoint.source, 'stream') })),
      ...freeswitchUrls.map((url) => parseLinkUrl(url, 'esl', 8021)).map((endpoint) =>
        createFreeSwitchSource(endpoint, { ingest, log, telemetry: telemetry(endpoint.source, 'stream') })),
    ];
    fastify.addHook('onReady', async () => {
      for (const source of sources) source.start();
    });
    fastify.addHook('onClose', async () => {
      await Promise.all(sources.map((source) => source.stop()));
    });
  },
  { name: 'adapters', dependencies: ['config', 'metrics', 'source-health', 'ingest'] },
);
