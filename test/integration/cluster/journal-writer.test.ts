import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvents } from '@plancia/contracts';
import { openStore, type Store } from '@plancia/store';
import { ClusterBus } from '../../../apps/server/src/cluster/cluster-bus.js';
import { JournalWriter } from '../../../apps/server/src/cluster/journal-writer.js';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { queued } from '../helpers/events.js';
import { eventually } from '../notifications/receivers.js';
import { inspect, journaled, NATS_URL } from './cluster-nodes.js';

const postgres = backends.find((backend) => backend.name === 'postgres');

type Consumer = Awaited<ReturnType<ClusterBus['journalConsumer']>>;
type ConsumerMessages = Awaited<ReturnType<Consumer['fetch']>>;

/**
 * The journal consumer as the NATS client hands it out, but its first fetch ends with "heartbeats missed" after
 * `delivered` messages, as the client's own fetch does when two heartbeats do not arrive in time (an event loop held
 * under load): the server delivered the whole batch, the writer saw only its start.
 */
function failingFirstFetch(bus: ClusterBus, delivered: number): ClusterBus {
  let failed = false;
  const journalConsumer = async (): Promise<Consumer> => {
    const consumer = await bus.journalConsumer();
    return Object.assign(Object.create(consumer) as Consumer, {
      fetch: async (options?: Parameters<Consumer['fetch']>[0]): Promise<ConsumerMessages> => {
        const messages = await consumer.fetch(options);
        if (failed) return messages;
        failed = true;
        return (async function* () {
          let n = 0;
          for await (const message of messages) {
            if (n++ === delivered) throw new Error('heartbeats missed'); // the client's JetStreamError
            yield message;
          }
        })() as unknown as ConsumerMessages;
      },
    });
  };
  return Object.assign(Object.create(bus) as ClusterBus, { journalConsumer });
}

describe.skipIf(!postgres)('the cluster journal writer', () => {
  const cluster = `w${randomBytes(5).toString('hex')}`;
  let database: TestDatabase;
  let store: Store;
  let bus: ClusterBus;

  beforeAll(async () => {
    database = await postgres!.create();
    store = await openStore(database.options);
    bus = await ClusterBus.open({
      servers: [NATS_URL], name: cluster, nodeId: 'w1', monitorUrl: 'http://127.0.0.1:8222', allowUnsynced: true, replicas: 1,
      duplicateWindowMs: 120_000, maxAgeMs: 3_600_000, leaseMs: 5_000,
    });
  });

  afterAll(async () => {
    await bus?.close();
    const admin = await inspect(cluster);
    await admin.remove();
    await admin.close();
    await store?.close();
    await database?.dispose();
  });

  async function publish(prefix: string, count: number): Promise<string[]> {
    const validated = validateEvents(Array.from({ length: count }, (_, i) => queued(`${prefix}${i}`)), Date.now());
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
    for (const event of validated.events) await bus.publishEvent(event);
    return validated.events.map((event) => event.id);
  }

  it('journals every event when a fetch fails part-way and the next batch is acknowledged', async () => {
    const early = await publish('early', 20);
    const errors: unknown[] = [];
    const writer = new JournalWriter(failingFirstFetch(bus, 3), store.cluster, (error) => errors.push(error));
    writer.start();
    try {
      await eventually(() => errors.length > 0, 10_000, 'the failed fetch');
      // Published after the failure: the consumer hands these out next, while the early ones wait unacknowledged.
      const late = await publish('late', 10);
      const ids = [...early, ...late];
      let held = 0;
      await eventually(async () => (held = await journaled((database.options as { databaseUrl: string }).databaseUrl, ids)) === ids.length, 15_000, 'every event journaled')
        .catch((error: unknown) => {
          throw new Error(`${(error as Error).message}: ${held} of ${ids.length}`);
        });
      expect(String(errors[0])).toMatch(/heartbeats missed/);
    } finally {
      await writer.stop();
    }
  }, 60_000);
});
