import type { ConsumerMessages } from '@nats-io/jetstream';
import type { ClusterBus } from './cluster-bus.js';
import type { ClusterLive } from './cluster-live.js';
import { decode } from './cluster-messages.js';

/**
 * The replica loop: an ordered consumer over the whole stream from `fromSeq`, each message applied to this node's
 * live state before the next. `caughtUp` resolves once the messages that were in the stream at start are applied.
 */
export async function startReplica(bus: ClusterBus, live: Pick<ClusterLive, 'applyMessage'>, fromSeq: number, onError: (error: unknown, what: string) => void) {
  const lastAtStart = (await bus.jsm.streams.info(bus.names.stream)).state.last_seq;
  let reached: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (reached = resolve));
  if (lastAtStart < fromSeq) reached();
  const consumer = await bus.replicaConsumer(fromSeq);
  const messages: ConsumerMessages = await consumer.consume();
  const done = (async () => {
    for await (const message of messages) {
      await live.applyMessage(message.seq, decode(message.data)).catch((error: unknown) => onError(error, `applying stream message ${message.seq}`));
      if (message.seq >= lastAtStart) reached();
    }
  })();
  return {
    caughtUp,
    /** The stream's last sequence when the replica started. */
    lastAtStart,
    async stop(): Promise<void> {
      await messages.close().catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
}
