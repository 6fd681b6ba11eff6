import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy, DeliverPolicy, DiscardPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType,
  type Consumer, type JetStreamClient, type JetStreamManager, type PubAck,
} from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import type { TimedEvent } from '@plancia/contracts';
import type { BroadcastChange } from '../control-log/broadcasts.js';
import type { ClusterConfig } from './cluster-env.js';
import { clusterNames, encode, messageId, type AlertActionMessage, type ClusterNames, type ReloadTopic } from './cluster-messages.js';

/** Consumers never hold more unacknowledged messages than this: the journal writer acks every batch well below it. */
const MAX_ACK_PENDING = 50_000;

/**
 * One node's link to the cluster's JetStream: the stream (every event, tick, alert action, configuration change,
 * broadcast and reload notice, in one order), the journal writer's durable consumer, and the key-value bucket of the
 * leader lease.
 */
export class ClusterBus {
  private constructor(
    readonly config: ClusterConfig,
    readonly names: ClusterNames,
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly kv: KV,
    readonly state: KV,
  ) {}

  static async open(config: ClusterConfig): Promise<ClusterBus> {
    const nc = await connect({ servers: config.servers, name: `plancia ${config.nodeId}`, maxReconnectAttempts: -1 });
    try {
      const jsm = await jetstreamManager(nc);
      const names = clusterNames(config.name);
      await ensureStream(jsm, names, config);
      await ensureJournalConsumer(jsm, names);
      const kvm = new Kvm(nc);
      const kv = await kvm.create(names.bucket, { ttl: config.leaseMs, replicas: config.replicas, history: 1 });
      const state = await kvm.create(names.stateBucket, { replicas: config.replicas, history: 1 });
      return new ClusterBus(config, names, nc, jetstream(nc), jsm, kv, state);
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw error;
    }
  }

  /** Resolves once JetStream has stored the event (or recognised its key within the duplicate window). */
  publishEvent(event: TimedEvent): Promise<PubAck> {
    return this.js.publish(this.names.subjects.event, encode({ kind: 'event', now: Date.now(), event }), { msgID: messageId(event) });
  }

  publishTick(now: number): Promise<PubAck> {
    return this.js.publish(this.names.subjects.tick, encode({ kind: 'tick', now }));
  }

  /** Publishes a person's action under the id its application will be known by. */
  async publishAction(requestId: string, change: AlertActionMessage): Promise<void> {
    await this.js.publish(this.names.subjects.action, encode({ kind: 'action', now: Date.now(), requestId, change }));
  }

  /** A broadcast sent or withdrawn: every node's boards hear it when its replica applies it. */
  async publishBroadcast(change: BroadcastChange): Promise<void> {
    await this.js.publish(this.names.subjects.broadcast, encode({ kind: 'broadcast', now: Date.now(), change }));
  }

  /** A change stored in PostgreSQL on this node: the others read the topic's state again (`id`: what changed). */
  async publishReload(topic: ReloadTopic, id?: string): Promise<void> {
    const notice = { kind: 'reload' as const, now: Date.now(), node: this.config.nodeId, topic, ...(id === undefined ? {} : { id }) };
    await this.js.publish(this.names.reload[topic], encode(notice));
  }

  /** An ordered consumer over the whole stream from `fromSeq` on: the replica's view of the log. */
  replicaConsumer(fromSeq: number): Promise<Consumer> {
    return this.js.consumers.get(this.names.stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: fromSeq });
  }

  journalConsumer(): Promise<Consumer> {
    return this.js.consumers.get(this.names.stream, this.names.journalConsumer);
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => undefined);
  }
}

async function ensureStream(jsm: JetStreamManager, names: ClusterNames, config: ClusterConfig): Promise<void> {
  const settings = {
    subjects: [names.all],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    // Old messages leave by age only: dropping new ones or the oldest for space would lose acknowledged events.
    discard: DiscardPolicy.Old,
    max_age: config.maxAgeMs * 1_000_000,
    duplicate_window: config.duplicateWindowMs * 1_000_000,
  };
  try {
    await jsm.streams.info(names.stream);
    await jsm.streams.update(names.stream, settings);
  } catch (error) {
    if (!/stream not found/i.test(String((error as Error).message))) throw error;
    await jsm.streams.add({ name: names.stream, num_replicas: config.replicas, ...settings });
  }
}

async function ensureJournalConsumer(jsm: JetStreamManager, names: ClusterNames): Promise<void> {
  await jsm.consumers.add(names.stream, {
    durable_name: names.journalConsumer,
    // One ack covers the batch before it: the writer persists a batch, then acks its last message.
    ack_policy: AckPolicy.All,
    deliver_policy: DeliverPolicy.All,
    max_ack_pending: MAX_ACK_PENDING,
    ack_wait: 30_000_000_000,
  });
}
