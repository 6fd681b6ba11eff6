import type { TimedEvent } from '@plancia/contracts';
import { StorageUnavailableError, type AppendResult, type ClusterRepository } from '@plancia/store';
import type { ClusterBus } from './cluster-bus.js';
import { messageId } from './cluster-messages.js';

/**
 * Cluster mode's append: "stream, then (journal writer | engines)" instead of "journal, then engine". An event is
 * acknowledged to its producer once JetStream has stored it. A repeat within the stream's duplicate window is refused
 * by JetStream (Nats-Msg-Id = the (source, id) key); an older repeat is found in the journal before publishing.
 * The journal writer may lag: a repeat older than the window and not yet journaled would pass (docs/operations.md).
 * An unreachable NATS or database answers like a database outage (503).
 */
export function clusterAppend(bus: ClusterBus, repository: ClusterRepository) {
  return async (events: readonly TimedEvent[]): Promise<AppendResult> => {
    const journaled = await repository.journaledKeys(events);
    const fresh = events.filter((event) => !journaled.has(messageId(event)));
    let acks;
    try {
      acks = await Promise.all(fresh.map((event) => bus.publishEvent(event)));
    } catch (error) {
      throw new StorageUnavailableError(error);
    }
    const accepted = fresh.filter((_, index) => !acks[index]!.duplicate);
    return { accepted, duplicates: events.length - accepted.length };
  };
}
