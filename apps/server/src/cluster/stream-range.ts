import type { ClusterBus } from './cluster-bus.js';
import { decode, type StreamMessage } from './cluster-messages.js';

/** A stream message read back by its sequence. */
export interface SequencedMessage {
  seq: number;
  message: StreamMessage;
}

/**
 * The messages the stream holds from `fromSeq` to `toSeq` (both included), in stream order, through an ordered
 * consumer of their own (those aged out of the stream are not there to read).
 */
export async function streamRange(bus: ClusterBus, fromSeq: number, toSeq: number): Promise<SequencedMessage[]> {
  if (toSeq < fromSeq) return [];
  const messages = await (await bus.replicaConsumer(fromSeq)).consume();
  const read: SequencedMessage[] = [];
  try {
    for await (const message of messages) {
      if (message.seq > toSeq) break;
      read.push({ seq: message.seq, message: decode(message.data) });
      if (message.seq === toSeq) break;
    }
  } finally {
    await messages.close().catch(() => undefined);
  }
  return read;
}
