import type { TimedEvent } from '@plancia/contracts';
import type { ClusterRepository, ConfigRepository } from '@plancia/store';
import { loadEngineConfig } from '../config-api/engine-config.js';
import type { ClusterBus } from './cluster-bus.js';
import { encode, messageId } from './cluster-messages.js';
import { streamRange } from './stream-range.js';

/** Configuration changes racing from several nodes: each loser reloads and publishes again, at most this often. */
const PUBLISH_ATTEMPTS = 8;

/**
 * Publishes the stored configuration as the next configuration change. The message is sent only if no other change
 * entered the stream since this node read the configuration (JetStream's expected last sequence on the subject), so
 * the last change in the stream always carries the configuration as stored: a change stored on another node between
 * our read and our publish makes this publish fail and start over.
 */
export async function publishConfig(bus: ClusterBus, configs: ConfigRepository, requestId: string, queueId?: string): Promise<void> {
  const subject = bus.names.subjects.config;
  for (let attempt = 1; ; attempt += 1) {
    const last = (await bus.jsm.streams.getMessage(bus.names.stream, { last_by_subj: subject }))?.seq ?? 0;
    const config = await loadEngineConfig(configs);
    const message = encode({ kind: 'config', now: Date.now(), requestId, config, ...(queueId === undefined ? {} : { queueId }) });
    try {
      await bus.js.publish(subject, message, { expect: { lastSubjectSequence: last } });
      return;
    } catch (error) {
      if (attempt >= PUBLISH_ATTEMPTS || !/wrong last sequence/i.test(String((error as Error).message))) throw error;
    }
  }
}

/**
 * The events of the replayed span (from `fromMs`) as the stream stood just before `seq`, in the order a replay gives
 * them (time, then stream order), whatever the journal writer has reached: its snapshot, less what it already holds
 * from `seq` on, or plus the stream between its cursor and `seq`. Every replica rebuilding at `seq` gets the same list.
 */
export async function eventsBefore(bus: ClusterBus, repository: ClusterRepository, seq: number, fromMs: number): Promise<TimedEvent[]> {
  const journal: TimedEvent[] = [];
  const cursor = (await repository.readWithCursor(bus.config.name, fromMs, (chunk) => void journal.push(...chunk)))?.seq ?? 0;
  if (cursor >= seq) {
    const later = new Set((await streamEvents(bus, seq, cursor)).map(messageId));
    return journal.filter((event) => !later.has(messageId(event)));
  }
  const tail = (await streamEvents(bus, cursor + 1, seq - 1)).filter((event) => event.timeMs >= fromMs);
  // Stable: equal times keep the journal's (stream) order, the tail after it.
  return [...journal, ...tail].sort((a, b) => a.timeMs - b.timeMs);
}

/** The events the stream holds from `fromSeq` to `toSeq` (both included), in stream order. */
async function streamEvents(bus: ClusterBus, fromSeq: number, toSeq: number): Promise<TimedEvent[]> {
  return (await streamRange(bus, fromSeq, toSeq)).flatMap(({ message }) => (message.kind === 'event' ? [message.event] : []));
}
