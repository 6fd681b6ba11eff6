import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, NotificationDelivery, ServerToClientEvents, Snapshot } from '@plancia/contracts';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { queued, type WireEvent } from '../helpers/events.js';
import { changesFor, isSnapshot, openBoard } from '../push/board-client.js';
import { startProxy, type RunningProxy } from '../infra/nginx-proxy.js';
import { eventually, startReceiver, type Receiver } from '../notifications/receivers.js';
import { differences, inspect, journaled, postBatch, refusedStart, snapshotOf, startNode, type ClusterNode } from './cluster-nodes.js';

const postgres = backends.find((backend) => backend.name === 'postgres');
const PUSH_INTERVAL_MS = 1_000;
const TEN_MINUTES = 600_000;
const ENV = {
  // Replicas agree at each stream position; a slow tick leaves them at the same one long enough to be compared.
  PLANCIA_TICK_MS: '2000', LOG_LEVEL: 'info',
  PLANCIA_PUSH_INTERVAL_MS: String(PUSH_INTERVAL_MS), PLANCIA_LEADER_LEASE_MS: '4000',
  PLANCIA_NOTIFY_RETRY_BASE_MS: '200', PLANCIA_NOTIFY_POLL_MS: '50',
};

/** A node's log lines about the cluster (leading, following, failures), the last few. */
const clusterLines = (output: string): string =>
  output.split('\n').filter((line) => line.includes('cluster')).slice(-8).map((line) => line.slice(0, 300)).join('\n  ');

const batch = (prefix: string, count: number, queueId: string): WireEvent[] =>
  Array.from({ length: count }, (_, i) => queued(`${prefix}-${i}`, queueId));

/** A board behind nginx that remembers each disconnection, as the wallboard's socket client does. */
function proxiedBoard(proxy: RunningProxy) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(proxy.httpsUrl, {
    path: '/socket.io', transports: ['websocket'], ca: proxy.ca.toString(), forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 200,
  });
  const snapshots: { at: number; snapshot: Snapshot }[] = [];
  const lost: number[] = [];
  socket.on('connect', () => socket.emit('subscribe', {}, () => {}));
  socket.on('snapshot', (snapshot) => snapshots.push({ at: Date.now(), snapshot }));
  socket.on('disconnect', () => lost.push(Date.now()));
  return { socket, snapshots, lost };
}

describe.skipIf(!postgres)('three Plancia nodes on NATS JetStream, PostgreSQL and nginx', () => {
  const cluster = `t${randomBytes(5).toString('hex')}`;
  let database: TestDatabase;
  let databaseUrl: string;
  let nodes: ClusterNode[] = [];
  let started: ClusterNode[] = [];
  let proxy: RunningProxy;
  let receiver: Receiver;
  const boards: ReturnType<typeof proxiedBoard>[] = [];

  beforeAll(async () => {
    database = await postgres!.create();
    databaseUrl = (database.options as { databaseUrl: string }).databaseUrl;
    receiver = await startReceiver(() => 200);
    nodes = await Promise.all(['n1', 'n2', 'n3'].map((id) => startNode(id, cluster, databaseUrl, ENV)));
    started = [...nodes];
    // nginx balances the boards over the three nodes and moves them when one dies.
    proxy = await startProxy(nodes.map((node) => new URL(node.url).host).join(';\n    server '));
  }, 120_000);

  afterAll(async () => {
    boards.forEach((board) => board.socket.close());
    started.forEach((node) => node.child.exitCode === null && node.child.kill('SIGKILL'));
    await proxy?.stop();
    await receiver?.close();
    const admin = await inspect(cluster);
    await admin.remove();
    await admin.close();
    await database?.dispose();
  });

  it('refuses cluster mode on a JetStream that acknowledges before fsync, naming the setting', async () => {
    const { code, output } = await refusedStart(`${cluster}x`, databaseUrl);
    expect(code).toBe(1);
    expect(output).toMatch(/refusing cluster mode: .*sync_interval/);
    expect(output).toMatch(/PLANCIA_NATS_ALLOW_UNSYNCED/);
  }, 60_000);

  it('acknowledges each event once, whichever node takes it, and refuses repeats in and beyond the stream window', async () => {
    const sets = nodes.map((node, i) => batch(`ack${i}`, 20, `q${i}`));
    const first = await Promise.all(nodes.map((node, i) => postBatch(node.url, sets[i]!)));
    expect(first).toEqual(nodes.map(() => ({ accepted: 20, duplicates: 0 })));
    // Within the window: JetStream itself refuses the message id, on another node than the first.
    expect(await postBatch(nodes[2]!.url, sets[0]!)).toEqual({ accepted: 0, duplicates: 20 });
    const ids = sets.flat().map((event) => event.id);
    await eventually(async () => (await journaled(databaseUrl, ids)) === ids.length, 20_000, 'the journal writer');
    // Once journaled, a repeat is refused before it reaches the stream (as it would be after the window).
    expect(await postBatch(nodes[0]!.url, sets[1]!)).toEqual({ accepted: 0, duplicates: 20 });
    expect(await journaled(databaseUrl, ids)).toBe(ids.length);
  }, 60_000);

  it('shows a board on node 3 an event posted to node 1 within the push interval', async () => {
    const board = openBoard(nodes[2]!.url);
    try {
      await board.waitFor(isSnapshot);
      const from = board.received.length;
      await postBatch(nodes[0]!.url, [queued('live-1', 'live')]);
      const acknowledgedAt = performance.now();
      const seen = await board.waitFor(changesFor('live'), from);
      expect(seen.at - acknowledgedAt).toBeLessThan(PUSH_INTERVAL_MS);
    } finally {
      board.close();
    }
  }, 30_000);

  it('gives the same snapshot on every node', async () => {
    // The replicas agree at each stream position; asked at once they may stand one tick apart, so ask again.
    await eventually(async () => {
      const [a, b, c] = await Promise.all(nodes.map((node) => snapshotOf(node.url)));
      return a === b && b === c && JSON.parse(a!).queues.length >= 4;
    }, 20_000, 'three equal snapshots');
  }, 30_000);

  it('loses nothing acknowledged when a node is killed under load, and moves its boards to another node', async () => {
    for (let i = 0; i < 6; i += 1) boards.push(proxiedBoard(proxy));
    await eventually(() => boards.every((board) => board.snapshots.length > 0), 20_000, 'every board subscribed');
    const admin = await inspect(cluster);
    const leader = await admin.leader();
    await admin.close();
    const victim = nodes.find((node) => node.id !== leader)!;
    const acknowledged: WireEvent[] = [];
    let sent = 0;
    let stop = false;
    const load = (async () => {
      for (let round = 0; !stop; round += 1) {
        await Promise.all(nodes.map(async (node, i) => {
          const events = batch(`load${round}-${i}`, 10, `load${i}`);
          sent += events.length;
          const answer = await postBatch(node.url, events).catch(() => null);
          if (answer) acknowledged.push(...events);
        }));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    await victim.exited;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    stop = true;
    await load;
    nodes = nodes.filter((node) => node !== victim);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(sent);

    // Every acknowledged event sent again, to the survivors: all are duplicates, so none was lost.
    for (let i = 0; i < acknowledged.length; i += 100) {
      const part = acknowledged.slice(i, i + 100);
      expect(await postBatch(nodes[i % nodes.length]!.url, part)).toEqual({ accepted: 0, duplicates: part.length });
    }
    const ids = acknowledged.map((event) => event.id);
    let held = 0;
    await eventually(async () => (held = await journaled(databaseUrl, ids)) === ids.length, 20_000, 'every acknowledged event journaled')
      .catch((error: unknown) => {
        // Which node led and what the writers said: the journal is the leader's to write.
        const said = nodes.map((node) => `${node.id}: ${clusterLines(node.output())}`).join('\n');
        throw new Error(`${(error as Error).message} (${held} of ${ids.length})\n${said}`);
      });

    // The boards that were on the dead node reconnected through nginx and started over from a snapshot.
    const moved = boards.filter((board) => board.lost.some((at) => at >= killedAt));
    expect(moved.length).toBeGreaterThan(0);
    await eventually(() => moved.every((board) => board.socket.connected && board.snapshots.some((s) => s.at > board.lost.at(-1)!)), 20_000, 'moved boards resynced');
    let last: string[] = [];
    await eventually(async () => {
      last = await Promise.all(nodes.map((node) => snapshotOf(node.url)));
      return last[0] === last[1];
    }, 20_000, 'the survivors agree').catch((error: unknown) => {
      throw new Error(`${(error as Error).message}: ${differences(JSON.parse(last[0]!), JSON.parse(last[1]!)).join('\n')}`);
    });
  }, 90_000);

  it('moves notifications to another node when the leader dies, none lost and none doubled', async () => {
    const put = (path: string, body: unknown) => fetch(`${nodes[0]!.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put('/api/v1/notification-channels/hook', { type: 'webhook', url: receiver.url, secret: `whsec_${randomBytes(32).toString('base64')}` })).status).toBe(201);
    expect((await put('/api/v1/notification-policy', { channels: ['hook'], repeatIntervalMinutes: 0 })).status).toBe(200);
    // A contact queued ten minutes ago puts the queue's service level below target: one raise per queue.
    const raised = (queueId: string) => receiver.received.filter((r) => JSON.parse(r.body).type === 'alert.raised' && JSON.parse(r.body).data.alert.ruleId === `${queueId}:sl-warning`);
    await postBatch(nodes[0]!.url, [queued('wait-before', 'before', Date.now() - TEN_MINUTES)]);
    await eventually(() => raised('before').length > 0, 20_000, 'a notification from the first leader');

    const admin = await inspect(cluster);
    const leaderId = await admin.leader();
    const leader = nodes.find((node) => node.id === leaderId)!;
    const survivor = nodes.find((node) => node !== leader)!;
    // Raises owed around the leader's death: some may be recorded by it, the rest must be by its successor.
    await postBatch(survivor.url, [queued('wait-a', 'around-a', Date.now() - TEN_MINUTES), queued('wait-b', 'around-b', Date.now() - TEN_MINUTES)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const killedAt = Date.now();
    leader.child.kill('SIGKILL');
    await leader.exited;
    nodes = nodes.filter((node) => node !== leader);
    await eventually(async () => { const now = await admin.leader(); return now !== undefined && now !== leaderId; }, 12_000, 'a new leader');
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    await admin.close();
    await postBatch(survivor.url, [queued('wait-after', 'after', Date.now() - TEN_MINUTES)]);

    await eventually(() => ['before', 'around-a', 'around-b', 'after'].every((q) => raised(q).length > 0), 30_000, 'every raise notified')
      .catch(async (error: unknown) => {
        const heard = receiver.received.map((r) => `${JSON.parse(r.body).type} ${JSON.parse(r.body).data?.alert?.id}`);
        const open = await fetch(`${survivor.url}/api/v1/snapshot`).then((r) => r.json() as Promise<Snapshot>);
        const owed = await fetch(`${survivor.url}/api/v1/notification-deliveries`).then((r) => r.json() as Promise<{ deliveries: NotificationDelivery[] }>);
        throw new Error(`${(error as Error).message}; heard ${heard.join(', ')}; owed ${owed.deliveries.map((d) => `${d.alertId} ${d.state}`).join(', ')}; open ${open.alerts.filter((a) => /before|around|after/.test(a.id)).map((a) => a.id).join(', ')}; generated ${open.generatedAt}; survivor said:\n${survivor.output().slice(-5000)}\nleader said:\n${leader.output().slice(-3000)}`);
      });
    const list = ((await (await fetch(`${survivor.url}/api/v1/notification-deliveries`)).json()) as { deliveries: NotificationDelivery[] }).deliveries;
    for (const queueId of ['before', 'around-a', 'around-b', 'after']) {
      // One owed message per raise, and the receiver heard it under that one webhook-id.
      const ids = new Set(raised(queueId).map((r) => String(r.headers['webhook-id'])));
      expect(ids.size).toBe(1);
      const alertId = JSON.parse(raised(queueId)[0]!.body).data.alert.id as string;
      expect(list.filter((d) => d.alertId === alertId && d.kind === 'raised').map((d) => d.id)).toEqual([...ids]);
    }
  }, 90_000);
});
