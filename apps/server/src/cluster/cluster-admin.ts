import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { clusterNames } from './cluster-messages.js';

/**
 * An operator's (and the tests') look at a cluster from outside: which node holds the lease, and removing the
 * cluster's stream and buckets (the journal in PostgreSQL stays).
 */
export async function inspectCluster(servers: string[], cluster: string) {
  const nc = await connect({ servers });
  const jsm = await jetstreamManager(nc);
  const names = clusterNames(cluster);
  const kvm = new Kvm(nc);
  return {
    async leader(): Promise<string | undefined> {
      const entry = await (await kvm.open(names.bucket)).get('leader');
      return entry && entry.operation === 'PUT' ? entry.string() : undefined;
    },
    /** The bucket where the leader notes how far it has recorded alert transitions (created if missing). */
    stateBucket: () => kvm.create(names.stateBucket, { history: 1 }),
    async lastSeq(): Promise<number> {
      return (await jsm.streams.info(names.stream)).state.last_seq;
    },
    async remove(): Promise<void> {
      for (const name of [names.stream, `KV_${names.bucket}`, `KV_${names.stateBucket}`]) await jsm.streams.delete(name).catch(() => false);
    },
    close: () => nc.close(),
  };
}
