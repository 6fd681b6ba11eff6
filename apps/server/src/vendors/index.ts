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
import type { AcdChannel } from '../agent-actions/acd-channel.js';
import { LeaderLinks } from './leader-links.js';

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
 * configured URL, open while this node leads (always, alone; the lease holder in a cluster) from the moment the
 * server listens, each submitting through `fastify.ingest` like any producer. In a cluster, supervisor actions on
 * a follower go to the leader's links.
 */
export default fp(
  async (fastify) => {
    const { config, ingest, log, metrics, sourceHealth, leadership, cluster } = fastify;
    const telemetry = createTelemetry(metrics.registry, sourceHealth);
    fastify.decorate('adapterTelemetry', telemetry);
    const { amiUrls, amiWrapUpSeconds, amiKeepAliveSeconds, freeswitchUrls } = config.adapters;
    const keepAlive = { intervalMs: amiKeepAliveSeconds * 1000, timeoutMs: PING_TIMEOUT_MS };
    const channels = new AcdChannels(config.actions);
    fastify.decorate('acdChannels', channels);
    // Loaded only in cluster mode, as the NATS client it uses (plugins/infrastructure/cluster.ts).
    const relay = cluster && new (await import('../agent-actions/leader-relay.js')).LeaderRelay(cluster.nc, cluster.names.agentActions, leadership);
    const addLink = (source: string, channel: AcdChannel) => channels.addLink(source, relay ? relay.channel(source, channel) : channel);
    const sources: StreamSource[] = [
      ...amiUrls.map((url) => parseLinkUrl(url, 'ami', 5038)).map((endpoint) => {
        const source = createAmiSource(endpoint, amiWrapUpSeconds, { ingest, log, keepAlive, telemetry: telemetry(endpoint.source, 'stream') });
        addLink(endpoint.source, amiChannel(source.actions));
        return source;
      }),
      ...freeswitchUrls.map((url) => parseLinkUrl(url, 'esl', 8021)).map((endpoint) => {
        const source = createFreeSwitchSource(endpoint, { ingest, log, telemetry: telemetry(endpoint.source, 'stream') });
        addLink(endpoint.source, eslChannel(source.actions));
        return source;
      }),
    ];
    const links = new LeaderLinks(sources, cluster?.config.nodeId ?? 'single', log);
    const follow = (leading: boolean) => {
      relay?.serve(leading);
      void links.follow(leading).catch((error: unknown) => log.error({ err: error }, 'PBX links: failed to follow the leadership'));
    };
    let unfollow = () => {};
    fastify.addHook('onReady', async () => {
      unfollow = leadership.onChange(follow);
      follow(leadership.isLeader);
    });
    fastify.addHook('onClose', async () => {
      unfollow();
      relay?.serve(false);
      await links.follow(false);
    });
  },
  { name: 'adapters', dependencies: ['config', 'metrics', 'source-health', 'ingest', 'cluster', 'live'] },
);
