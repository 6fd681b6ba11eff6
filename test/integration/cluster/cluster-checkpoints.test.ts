import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { agentState, answered, queued, type WireEvent } from '../helpers/events.js';
import { eventually } from '../notifications/receivers.js';
import { differences, inspect, postBatch, snapshotOf, startNode, type ClusterNode } from './cluster-nodes.js';

const postgres = backends.find((backend) => backend.name === 'postgres');
const ENV = { PLANCIA_TICK_MS: '500', PLANCIA_LEADER_LEASE_MS: '4000', LOG_LEVEL: 'info' };
/** Node 1 writes a checkpoint about every second; node 2 has them off, so it always rebuilds from the journal. */
const WITH_CHECKPOINTS = { ...ENV, PLANCIA_CHECKPOINT_INTERVAL_S: '1' };

/** A few minutes of a queue's traffic: offers, an agent taking some of them, the rest still waiting. */
function traffic(prefix: string, queueId: string, count: number, endMs: number): WireEvent[] {
  const events: WireEvent[] = [agentState(`${prefix}-a`, `${prefix}-agent`, 'available', [queueId], endMs - 300_000)];
  for (let i = 0; i < count; i += 1) {
    const at = endMs - 240_000 + i * 5_000;
    events.push(queued(`${prefix}-q${i}`, queueId, at));
    if (i % 3 === 0) events.push(answered(`${prefix}-r${i}`, `c-${prefix}-q${i}`, `${prefix}-agent`, at + 2_000));
  }
  return events;
}

/** The JSON log lines of a node with that message. */
const logLines = (node: ClusterNode, msg: string) =>
  node.output().split('\n').filter((line) => line.includes(`"msg":"${msg}"`)).map((line) => JSON.parse(line) as Record<string, unknown>);

async function stop(node: ClusterNode): Promise<void> {
  node.child.kill('SIGTERM');
  await node.exited;
}

describe.skipIf(!postgres)('cluster checkpoints: a node restarts from its cluster\'s checkpoint and the stream after it', () => {
  const cluster = `t${randomBytes(5).toString('hex')}`;
  let database: TestDatabase;
  let databaseUrl: string;
  let first: ClusterNode;
  let second: ClusterNode;
  const started: ClusterNode[] = [];
  const start = async (id: string, env: Record<string, string>) => {
    const node = await startNode(id, cluster, databaseUrl, env);
    started.push(node);
    return node;
  };

  beforeAll(async () => {
    database = await postgres!.create();
    databaseUrl = (database.options as { databaseUrl: string }).databaseUrl;
    // The first node alone makes the schema and the stream.
    first = await start('n1', WITH_CHECKPOINTS);
    second = await start('n2', ENV);
  }, 90_000);

  afterAll(async () => {
    // What went wrong on a node is in its log: its failures, shown when the test did not pass.
    for (const node of started) {
      const failures = node.output().split('\n').filter((line) => /"level":50/.test(line)).slice(-5);
      if (failures.length > 0) console.warn(`${node.id}:\n  ${failures.map((line) => line.slice(0, 600)).join('\n  ')}`);
    }
    started.forEach((node) => node.child.exitCode === null && node.child.kill('SIGKILL'));
    await Promise.all(started.map((node) => node.exited));
    const admin = await inspect(cluster);
    await admin.remove();
    await admin.close();
    await database?.dispose();
  });

  it('resumes at the checkpoint\'s sequence with the tail, and shows the figures of a node rebuilt from the journal', async () => {
    const now = Date.now();
    await postBatch(first.url, traffic('a', 'ckpt', 12, now));
    const writtenBefore = logLines(first, 'checkpoint written').length;
    await eventually(() => logLines(first, 'checkpoint written').length > writtenBefore + 1, 15_000, 'a checkpoint after the first events');
    await stop(first);
    // The newest checkpoint: a clean stop finishes a write under way, and nothing is written after the replica stops.
    const covered = Number(logLines(first, 'checkpoint written').at(-1)!.position);

    // More events arrive while node 1 is down, then node 2 goes too: both start again, one of them from the checkpoint.
    const later = traffic('b', 'ckpt', 9, Date.now());
    await postBatch(second.url, later);
    await stop(second);
    const [resumed, rebuilt] = await Promise.all([start('n1', WITH_CHECKPOINTS), start('n2', ENV)]);

    const [ready] = logLines(resumed, 'cluster replica ready: resumed from a checkpoint and the stream after it');
    expect(ready).toMatchObject({ checkpoint: { position: covered } });
    // Every event posted meanwhile is in the tail (ticks are too).
    expect(ready!.tail).toBeGreaterThanOrEqual(later.length);
    expect(logLines(rebuilt, 'cluster replica ready')[0]).toMatchObject({ cursor: expect.anything() });
    expect(logLines(rebuilt, 'cluster replica ready')[0]!.journalEvents).toBeGreaterThan(0);

    await postBatch(rebuilt.url, traffic('c', 'ckpt', 3, Date.now()));
    let last: string[] = [];
    try {
      await eventually(async () => {
        last = await Promise.all([snapshotOf(resumed.url), snapshotOf(rebuilt.url)]);
        return last[0] === last[1] && JSON.parse(last[0]!).queues.some((queue: { queueId: string }) => queue.queueId === 'ckpt');
      }, 15_000, 'equal snapshots on the resumed and the rebuilt node');
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${differences(JSON.parse(last[0]!), JSON.parse(last[1]!)).join('\n')}`);
    }
    // The cluster's checkpoints are its own: keyed by its name, apart from the single process's and other clusters'.
    expect(await checkpointKinds(databaseUrl)).toEqual([`stream:${cluster}`]);
  }, 60_000);
});

async function checkpointKinds(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ position_kind: string }>('SELECT DISTINCT position_kind FROM engine_checkpoint');
    return rows.map((row) => row.position_kind);
  } finally {
    await client.end();
  }
}
