import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertWebhookBody, Broadcast, NotificationDelivery, Silence, Snapshot } from '@plancia/contracts';
import { DEFAULT_SETTINGS } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { backends, type TestDatabase } from '../helpers/plancia-server.js';
import { wireEvent } from '../helpers/events.js';
import { eventually, startReceiver, type Receiver } from '../notifications/receivers.js';
import { asPage, login, socketIoBoard } from '../session/session-client.js';
import { differences, inspect, journaled, postBatch, startNode, type ClusterNode } from './cluster-nodes.js';

const postgres = backends.find((backend) => backend.name === 'postgres');
const ADMIN_PASSWORD = 'admin-password-0123';
const WINDOW_MINUTES = 120;
const ENV = {
  PLANCIA_TICK_MS: '2000', PLANCIA_PUSH_INTERVAL_MS: '500', PLANCIA_LEADER_LEASE_MS: '4000', LOG_LEVEL: 'info',
  PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100',
  // One key for every node: a caller's pseudonym must be the same whichever node took the call.
  PLANCIA_CALLER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
};

/** Long enough ago that the queue's longest wait raises its alert at once. */
const TEN_MINUTES = 600_000;
/** Reload notices reach the other node within a push or two; polled, so this is only the bound. */
const NOTICE_MS = 10_000;
/** A session ended on another node closes a socket here by its notice, well before the 10 s expiry check would. */
const SESSION_NOTICE_MS = 2_000;

const offer = (id: string, queueId: string, caller: string, atMs: number) =>
  wireEvent('contact.queued', id, { contactId: `c-${id}`, queueId, channel: 'voice', caller }, atMs);

/** The snapshot as the signed-in admin sees it (with an admin password set, boards sign in). */
let cookie = '';
const snapshot = async (url: string): Promise<Snapshot> => (await (await fetch(`${url}/api/v1/snapshot`, { headers: { cookie } })).json()) as Snapshot;
const queueOf = async (url: string, queueId: string) => (await snapshot(url)).queues.find((queue) => queue.queueId === queueId);
const silencesOn = async (url: string): Promise<string[]> =>
  ((await (await asPage(url, '/api/v1/silences', cookie)).json()) as { silences: Silence[] }).silences.map((silence) => silence.id);
/** Today's repeat contacts of the queue on that node. */
const repeatsOf = async (url: string, queueId: string) => (await queueOf(url, queueId))!.windows.today!.repeats!;
/** Without `seq`: it numbers the node's own pushes, not a figure (as cluster-nodes.ts's snapshotOf). */
const figuresOf = async (url: string): Promise<string> => {
  const { seq: _pushSequence, ...figures } = await snapshot(url);
  return JSON.stringify(figures);
};

/** Both nodes' snapshots, equal (asked at once they may stand a tick apart: ask again) */
async function sameOnBoth(nodes: ClusterNode[], what: string): Promise<void> {
  let last: string[] = [];
  try {
    await eventually(async () => {
      last = await Promise.all(nodes.map((node) => figuresOf(node.url)));
      return last[0] === last[1];
    }, 20_000, what);
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${differences(JSON.parse(last[0]!), JSON.parse(last[1]!)).join('\n')}`);
  }
}

describe.skipIf(!postgres)('cluster replicas: configuration, broadcasts, silences, tenants and repeat callers across a restart', () => {
  const cluster = `t${randomBytes(5).toString('hex')}`;
  let database: TestDatabase;
  let databaseUrl: string;
  const nodes: ClusterNode[] = [];
  const started: ClusterNode[] = [];
  let receiver: Receiver | undefined;

  beforeAll(async () => {
    database = await postgres!.create();
    databaseUrl = (database.options as { databaseUrl: string }).databaseUrl;
    // The first node alone makes the database's schema and the stream; then the second joins.
    nodes.push(await startNode('n1', cluster, databaseUrl, ENV));
    nodes.push(await startNode('n2', cluster, databaseUrl, ENV));
    started.push(...nodes);
    cookie = (await login(nodes[0]!.url, 'admin', ADMIN_PASSWORD)).cookie;
  }, 180_000);

  afterAll(async () => {
    // What went wrong on a node is in its log: its failures, shown when a test did not pass.
    for (const node of started) {
      const failures = node.output().split('\n').filter((line) => /"level":50/.test(line)).slice(-5);
      if (failures.length > 0) console.warn(`${node.id}:\n  ${failures.map((line) => line.slice(0, 600)).join('\n  ')}`);
    }
    started.forEach((node) => node.child.exitCode === null && node.child.kill('SIGKILL'));
    await receiver?.close();
    const admin = await inspect(cluster);
    await admin.remove();
    await admin.close();
    await database?.dispose();
  });

  it('applies a configuration change made on node 1 to node 2 engine at the same position', async () => {
    await postBatch(nodes[0]!.url, [offer('cfg-1', 'cfg', '+390200000001', Date.now())]);
    await eventually(async () => (await queueOf(nodes[1]!.url, 'cfg')) !== undefined, 20_000, 'the queue on node 2');
    const put = await asPage(nodes[0]!.url, '/api/v1/queues/cfg', cookie, 'PUT', { name: 'Changed on n1', repeatWindowMinutes: WINDOW_MINUTES });
    expect(put.status).toBe(200);
    // Node 1 answers once its own replica rebuilt; node 2 rebuilds at the same stream position.
    expect((await queueOf(nodes[0]!.url, 'cfg'))?.name).toBe('Changed on n1');
    await eventually(async () => (await queueOf(nodes[1]!.url, 'cfg'))?.name === 'Changed on n1', 20_000, 'the new name on node 2');
    await sameOnBoth(nodes, 'equal snapshots after the change');
  }, 60_000);

  it('shows a broadcast sent on node 1 to a board on node 2, and its withdrawal', async () => {
    const { socket, first } = socketIoBoard(nodes[1]!.url, { cookie, origin: nodes[1]!.url });
    const heard: { sent: string[]; withdrawn: string[] } = { sent: [], withdrawn: [] };
    socket.on('broadcast', (broadcast: Broadcast) => heard.sent.push(broadcast.id));
    socket.on('broadcastWithdrawn', ({ id }: { id: string }) => heard.withdrawn.push(id));
    try {
      expect(await first).toEqual({ snapshot: true });
      const expiresAt = new Date(Date.now() + 30 * 60_000).toISOString();
      const response = await asPage(nodes[0]!.url, '/api/v1/broadcasts', cookie, 'POST', { text: 'Linee nord ferme', level: 'warning', expiresAt });
      expect(response.status).toBe(201);
      const sent = (await response.json()) as Broadcast;
      await expect.poll(() => heard.sent, { timeout: 10_000 }).toEqual([sent.id]);
      expect((await asPage(nodes[0]!.url, `/api/v1/broadcasts/${sent.id}`, cookie, 'DELETE')).status).toBe(204);
      await expect.poll(() => heard.withdrawn, { timeout: 10_000 }).toEqual([sent.id]);
    } finally {
      socket.close();
    }
  }, 30_000);

  it('honours on the leader a silence made on the other node: listed, its alert notifies nobody, and its end too', async () => {
    const admin = await inspect(cluster);
    const leaderId = await eventually(() => admin.leader(), 20_000, 'a leader').finally(() => admin.close());
    const leader = nodes.find((node) => node.id === leaderId)!;
    const follower = nodes.find((node) => node !== leader)!;
    receiver = await startReceiver(() => 200);
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    expect((await asPage(leader.url, '/api/v1/notification-channels/hook', cookie, 'PUT', { type: 'webhook', url: receiver.url, secret })).status).toBe(201);
    expect((await asPage(leader.url, '/api/v1/notification-policy', cookie, 'PUT', { channels: ['hook'], repeatIntervalMinutes: 0 })).status).toBe(200);

    const created = await asPage(follower.url, '/api/v1/silences', cookie, 'POST', {
      match: { queueId: 'hushed' }, endsAt: new Date(Date.now() + 3_600_000).toISOString(), reason: 'PBX maintenance',
    });
    expect(created.status).toBe(201);
    const silence = (await created.json()) as Silence;
    // The leader holds it before any alert it mutes is raised.
    await eventually(async () => (await silencesOn(leader.url)).includes(silence.id), NOTICE_MS, 'the silence on the leader');

    const old = Date.now() - TEN_MINUTES;
    await postBatch(follower.url, [offer('sil-hushed', 'hushed', '+390200000101', old), offer('sil-loud', 'loud', '+390200000102', old)]);
    const alertOn = (queueId: string) => eventually(async () => (await snapshot(leader.url)).alerts.find((alert) => alert.ruleId === `${queueId}:longest-wait`), 20_000, `an alert on ${queueId}`);
    const hushed = await alertOn('hushed');
    const loud = await alertOn('loud');
    expect(hushed.silencedBy).toBe(silence.id);
    // The unsilenced queue's alert reaches the receiver; nothing is owed, let alone sent, for the silenced one.
    const heard = () => receiver!.received.map((r) => (JSON.parse(r.body) as AlertWebhookBody).data.alert);
    await eventually(() => heard().some((alert) => alert.id === loud.id), 20_000, 'the loud queue\'s alert notified');
    const { deliveries } = (await (await asPage(leader.url, '/api/v1/notification-deliveries', cookie)).json()) as { deliveries: NotificationDelivery[] };
    expect(deliveries.some((delivery) => delivery.alertId === loud.id)).toBe(true);
    expect(deliveries.filter((delivery) => delivery.alertId === hushed.id)).toEqual([]);
    expect(heard().filter((alert) => alert.queueId === 'hushed')).toEqual([]);

    expect((await asPage(follower.url, `/api/v1/silences/${silence.id}`, cookie, 'DELETE')).status).toBe(204);
    await eventually(async () => !(await silencesOn(leader.url)).includes(silence.id), NOTICE_MS, 'the silence ended on the leader');
    await eventually(async () => (await snapshot(leader.url)).alerts.find((alert) => alert.id === hushed.id)?.silencedBy === null, NOTICE_MS, 'the mark gone on the leader');
  }, 90_000);

  it('lets a user of a tenant made on node 1 see its queues, and only those, on node 2 at once, and follows a change', async () => {
    await postBatch(nodes[0]!.url, [offer('ten-1', 'acme-q', '+390200000201', Date.now()), offer('ten-2', 'other-q', '+390200000202', Date.now())]);
    await eventually(async () => (await queueOf(nodes[1]!.url, 'other-q')) !== undefined, 20_000, 'the queues on node 2');
    const tenant = { name: 'Acme', queues: ['acme-q'], teams: [], privacy: { agentDetail: 'off' } };
    expect((await asPage(nodes[0]!.url, '/api/v1/tenants/acme', cookie, 'PUT', tenant)).status).toBe(201);
    const password = 'acme-password-0123';
    expect((await asPage(nodes[0]!.url, '/api/v1/users', cookie, 'POST', { username: 'acme-viewer', password, role: 'viewer', tenant: 'acme' })).status).toBe(201);
    const acme = (await login(nodes[1]!.url, 'acme-viewer', password)).cookie;
    const queuesSeen = async () => ((await (await fetch(`${nodes[1]!.url}/api/v1/snapshot`, { headers: { cookie: acme } })).json()) as Snapshot).queues.map((queue) => queue.queueId).sort().join();
    await eventually(async () => (await queuesSeen()) === 'acme-q', NOTICE_MS, 'the tenant\'s queue alone on node 2');
    expect((await asPage(nodes[0]!.url, '/api/v1/tenants/acme', cookie, 'PUT', { ...tenant, queues: ['acme-q', 'other-q'] })).status).toBe(200);
    await eventually(async () => (await queuesSeen()) === 'acme-q,other-q', NOTICE_MS, 'the changed tenant on node 2');
  }, 60_000);

  it("closes on node 2 the board of a user whose session ended on node 1 (role changed, logged out); another user's stays", async () => {
    const password = 'a-long-password-42';
    expect((await asPage(nodes[0]!.url, '/api/v1/users', cookie, 'POST', { username: 'sess-sup', password, role: 'supervisor' })).status).toBe(201);
    const boardOnNode2 = async (who: string) => {
      const board = socketIoBoard(nodes[1]!.url, { cookie: who });
      expect(await board.first).toEqual({ snapshot: true });
      return { socket: board.socket, closed: new Promise<string>((resolve) => board.socket.once('disconnect', resolve)) };
    };
    const admin = await boardOnNode2(cookie);
    try {
      const supervisor = await boardOnNode2((await login(nodes[1]!.url, 'sess-sup', password)).cookie);
      expect((await asPage(nodes[0]!.url, '/api/v1/users/sess-sup', cookie, 'PATCH', { role: 'viewer' })).status).toBe(200);
      await eventually(async () => !supervisor.socket.connected, SESSION_NOTICE_MS, 'the demoted user\'s board closed on node 2');
      expect(await supervisor.closed).toBe('io server disconnect');

      const session = (await login(nodes[1]!.url, 'sess-sup', password)).cookie;
      const viewer = await boardOnNode2(session);
      expect((await asPage(nodes[0]!.url, '/api/v1/session', session, 'DELETE')).status).toBe(204);
      await eventually(async () => !viewer.socket.connected, SESSION_NOTICE_MS, 'the logged-out user\'s board closed on node 2');
      expect(admin.socket.connected).toBe(true);
    } finally {
      admin.socket.close();
    }
  });

  it('counts a repeat after a restart for a caller who called yesterday within the queue window', async () => {
    const now = Date.now();
    const engineWith = (repeatWindowMinutes: number) => createEngine({
      settings: DEFAULT_SETTINGS, calendars: [], alertRules: [], agents: [],
      queues: [{ queueId: 'cfg', name: 'Changed on n1', repeatWindowMinutes } as never],
    }, now);
    const engine = engineWith(WINDOW_MINUTES);
    const fromMs = engine.replayFrom(now);
    // A whole day's window reaches back to yesterday's start: today starts a day after it.
    const todayStart = engineWith(1440).recallFrom(now) + 1440 * 60_000;
    // Yesterday, before the replayed span, and within the window of today's second call.
    const earlier = Math.min(fromMs, todayStart) - 5 * 60_000;
    expect(earlier).toBeGreaterThanOrEqual(engine.recallFrom(now));
    const later = Math.min(todayStart + 60_000, now - 1_000);
    expect(later - earlier).toBeLessThan(WINDOW_MINUTES * 60_000);
    await postBatch(nodes[0]!.url, [offer('rep-1', 'cfg', '+390200000777', earlier)]);
    await eventually(async () => (await journaled(databaseUrl, ['rep-1'])) === 1, 20_000, 'the journal writer');

    const restarted = nodes[1]!;
    restarted.child.kill('SIGTERM');
    await new Promise((resolve) => restarted.child.once('exit', resolve));
    nodes[1] = await startNode('n2', cluster, databaseUrl, ENV);
    started.push(nodes[1]);

    const before = (await repeatsOf(nodes[1].url, 'cfg')).repeated;
    await postBatch(nodes[0]!.url, [offer('rep-2', 'cfg', '+390200000777', later)]);
    await eventually(async () => (await repeatsOf(nodes[1]!.url, 'cfg')).repeated === before + 1, 20_000, 'the repeat on the restarted node');
    // The node that lived through it counts the same repeat. (Not the whole snapshot: it also took yesterday's call as
    // a late event still waiting, which a start from the journal only recalls, as the single process's restart does.)
    const repeats = await Promise.all(nodes.map((node) => repeatsOf(node.url, 'cfg')));
    expect(repeats[0]).toEqual(repeats[1]);
  }, 240_000);
});
