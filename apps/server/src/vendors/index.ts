import fp from 'fastify-plugin';
import { createAmiSource } from './ami/ami-source.js';
import { PING_TIMEOUT_MS } from './ami/ami-session.js';
import type { StreamSource } from './stream/stream-source.js';
import { createFreeSwitchSource } from './freeswitch/freeswitch-source.js';
import { parseLinkUrl } from './stream/link-url.js';
import { createTelemetry, type TelemetryFactory } from './telemetry.js';
import { AcdChannels } from '../agent-actions/acd-channels.js';
import { amiChannel } from '../agent-actions/ami-channel.js';
import { eslChannel } from '../agent-actions/esl-channel.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Per-source adapter metrics and health; the webhook routes report through it too. */
    adapterTelemetry: TelemetryFactory;
    /** The ACD that takes supervisor actions for each source (agent-actions/acd-channels.ts). */
    acdChannels: AcdChannels;
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
    const channels = new AcdChannels(config.actions);
    fastify.decorate('acdChannels', channels);
    const sources: StreamSource[] = [
      ...amiUrls.map((url) => parseLinkUrl(url, 'ami', 5038)).map((endpoint) => {
        const source = createAmiSource(endpoint, amiWrapUpSeconds, { ingest, log, keepAlive, telemetry: telemetry(endpoint.source, 'stream') });
        channels.addLink(endpoint.source, amiChannel(source.actions));
        return source;
      }),
      ...freeswitchUrls.map((url) => parseLinkUrl(url, 'esl', 8021)).map((endpoint) => {
        const source = createFreeSwitchSource(endpoint, { ingest, log, telemetry: telemetry(endpoint.source, 'stream') });
        channels.addLink(endpoint.source, eslChannel(source.actions));
        return source;
      }),
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
