import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@plancia/store';
import { backends, type TestDatabase, databaseEnv } from '../helpers/plancia-server.js';
import { queued, type WireEvent } from '../helpers/events.js';
import { openIngestSocket } from '../helpers/ingest-socket.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const FRAME_EVENTS = 25;
const KILL_AFTER_ACKS = 40;

async function journalIds(database: TestDatabase): Promise<Set<string>> {
  const store = await openStore(database.options);
  const ids = new Set<string>();
  await store.journal.readSince(0, (events) => events.forEach((e) => ids.add(e.id)));
  await store.close();
  return ids;
}

describe.each(backends)('SIGKILL in the middle of a stream on $name', (backend) => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    // A failed run must not leave a server behind holding the database.
    servers.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
    await Promise.all(databases.map((d) => d.dispose()));
  });

  it('finds every acknowledged event in the journal and in the rebuilt state after a restart', async () => {
    const database = await backend.create();
    databases.push(database);
    const server = await startServerProcess(databaseEnv(database));
    servers.push(server);
    const producer = await openIngestSocket(server.wsUrl);
    const frames = new Map<number, WireEvent[]>();
    const acknowledged: string[] = [];
    let seq = 0;
    // Keep frames in flight until enough are acknowledged, then kill the process without warning.
    await new Promise<void>((resolve) => {
      const pump = setInterval(() => {
        for (let burst = 0; burst < 5; burst += 1) {
          seq += 1;
          const events = Array.from({ length: FRAME_EVENTS }, (_, i) => queued(`k${seq}-${i}`, `q${i % 3}`));
          frames.set(seq, events);
          producer.send(JSON.stringify(events));
        }
      }, 5);
      producer.socket.on('message', () => {
        const last = producer.replies.at(-1)!;
        if ('ack' in last) acknowledged.push(...frames.get(last.ack)!.map((e) => e.id));
        if (producer.replies.length === KILL_AFTER_ACKS) {
          server.child.kill('SIGKILL');
          clearInterval(pump);
          resolve();
        }
      });
    });
    await server.exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS * FRAME_EVENTS);
    expect(seq).toBeGreaterThan(KILL_AFTER_ACKS);

    const journal = await journalIds(database);
    expect(acknowledged.filter((id) => !journal.has(id))).toEqual([]);

    const restarted = await startServerProcess(databaseEnv(database));
    servers.push(restarted);
    const snapshot = (await (await fetch(`${restarted.url}/api/v1/snapshot`)).json()) as { centre: { live: { waiting: number } } };
    // Every journaled event queued a distinct contact that nobody answered: all of them must be waiting again.
    expect(snapshot.centre.live.waiting).toBe(journal.size);
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }, 180_000);
});
