import { hostname } from 'node:os';
import { Type, type Static } from '@sinclair/typebox';

/** Cluster settings from the environment, spread into the server's EnvSchema (validated at boot). */
export const CLUSTER_ENV = {
  PLANCIA_NATS_URL: Type.Optional(Type.String({
    pattern: '^(nats|tls)://[^\\s]+$',
    description: 'NATS server(s) with JetStream, comma-separated, e.g. nats://10.0.0.5:4222: turns cluster mode on (needs DATABASE_URL; see docs/operations.md); unset: one process',
  })),
  PLANCIA_CLUSTER: Type.String({
    pattern: '^[A-Za-z0-9_-]{1,32}$', default: 'plancia',
    description: 'name of the cluster: its JetStream stream, consumers and key-value bucket are named after it, so several clusters can share one NATS',
  }),
  PLANCIA_NODE_ID: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$', description: 'this node\'s name in the leader lease and the logs; unset: host name, port and process id' })),
  PLANCIA_NATS_MONITOR_URL: Type.Optional(Type.String({
    pattern: '^https?://[^\\s]+$',
    description: 'the NATS server\'s monitoring endpoint (its `http:` port), read at start to check that JetStream fsyncs before it acknowledges (`sync_interval: always`); unset: http://<first NATS host>:8222',
  })),
  PLANCIA_NATS_ALLOW_UNSYNCED: Type.Union(['0', '1', 'false', 'true'].map((v) => Type.Literal(v)), {
    default: '0',
    description: 'starts cluster mode even when the NATS server may acknowledge an event before it is on disk (default `sync_interval`, or not verifiable): an acknowledged event can then be lost if the NATS machines crash',
  }),
  PLANCIA_NATS_REPLICAS: Type.Integer({ minimum: 1, maximum: 5, default: 1, description: 'replicas of the cluster\'s stream and bucket when Plancia creates them (3 on a three-server NATS cluster)' }),
  PLANCIA_NATS_DUPLICATE_WINDOW_SECONDS: Type.Integer({
    minimum: 10, maximum: 86_400, default: 120,
    description: 'how long JetStream refuses a repeated (source, id) by its Nats-Msg-Id; older repeats are refused by the journal',
  }),
  PLANCIA_STREAM_MAX_AGE_HOURS: Type.Integer({ minimum: 1, maximum: 8_760, default: 72, description: 'how long the stream keeps messages: the journal writer and a starting node must never fall further behind' }),
  PLANCIA_LEADER_LEASE_MS: Type.Integer({ minimum: 1_000, maximum: 60_000, default: 5_000, description: 'the leader\'s lease: another node takes over clock ticks, journal writing and notifications at most this long (plus a renewal period) after the leader stops' }),
};
type ClusterEnv = Static<ReturnType<typeof Type.Object<typeof CLUSTER_ENV>>>;

export interface ClusterConfig {
  servers: string[];
  name: string;
  nodeId: string;
  monitorUrl: string;
  allowUnsynced: boolean;
  replicas: number;
  duplicateWindowMs: number;
  maxAgeMs: number;
  leaseMs: number;
}

/** PLANCIA_NATS_URL without DATABASE_URL: the nodes would each journal to their own embedded database. */
export function clusterProblems(env: ClusterEnv & { DATABASE_URL?: string }): string[] {
  return env.PLANCIA_NATS_URL && !env.DATABASE_URL ? ['PLANCIA_NATS_URL: cluster mode needs DATABASE_URL (every node the same PostgreSQL)'] : [];
}

export function clusterConfig(env: ClusterEnv & { PORT: number }): ClusterConfig | undefined {
  if (!env.PLANCIA_NATS_URL) return undefined;
  const servers = env.PLANCIA_NATS_URL.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const first = new URL(servers[0]!.replace(/^tls:/, 'nats:'));
  return {
    servers,
    name: env.PLANCIA_CLUSTER,
    nodeId: env.PLANCIA_NODE_ID ?? `${hostname()}:${env.PORT}:${process.pid}`,
    monitorUrl: env.PLANCIA_NATS_MONITOR_URL ?? `http://${first.hostname}:8222`,
    allowUnsynced: env.PLANCIA_NATS_ALLOW_UNSYNCED === '1' || env.PLANCIA_NATS_ALLOW_UNSYNCED === 'true',
    replicas: env.PLANCIA_NATS_REPLICAS,
    duplicateWindowMs: env.PLANCIA_NATS_DUPLICATE_WINDOW_SECONDS * 1000,
    maxAgeMs: env.PLANCIA_STREAM_MAX_AGE_HOURS * 3_600_000,
    leaseMs: env.PLANCIA_LEADER_LEASE_MS,
  };
}
