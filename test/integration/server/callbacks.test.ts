import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { CallbackEntry, TimedEvent } from '@plancia/contracts';
import { openStore } from '@plancia/store';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { postEvents, wireEvent } from '../helpers/events.js';
import { asPage, login, socketIoBoard } from '../session/session-client.js';

const PASSWORD = 'correct horse battery staple';
const SOURCE = 'urn:test:acd';
const ANNA = '+390611111111';
const BRUNO = '+390622222222';
const CARLA = '+390633333333';
const DINO = '+390644444444';

const queued = (id: string, contactId: string, caller: string, atMs: number, queueId = 'sales') =>
  wireEvent('contact.queued', id, { contactId, queueId, channel: 'voice', caller }, atMs);
const abandoned = (id: string, contactId: string, caller: string | undefined, atMs: number) =>
  wireEvent('contact.abandoned', id, { contactId, ...(caller ? { caller } : {}) }, atMs);
const answered = (id: string, contactId: string, caller: string, atMs: number) =>
  wireEvent('contact.answered', id, { contactId, agentId: 'ada', caller }, atMs);

describe.each(backends)('the callback worklist on $name', (backend) => {
  const env = { PLANCIA_CALLBACK_KEY: randomBytes(32).toString('base64'), PLANCIA_ADMIN_PASSWORD: PASSWORD };
  let database!: TestDatabase;
  let server!: TestServer;
  const cookies: Record<string, string> = {};
  const t0 = Date.now() - 10 * 60_000;

  const post = async (...events: ReturnType<typeof wireEvent>[]) => {
    const response = await postEvents(server.url, JSON.stringify(events));
    expect(response.status).toBe(202);
  };
  const list = async (who: string, query = 'state=open'): Promise<CallbackEntry[]> => {
    const response = await asPage(server.url, `/api/v1/callbacks?${query}`, cookies[who]!);
    expect(response.status).toBe(200);
    return ((await response.json()) as { callbacks: CallbackEntry[] }).callbacks;
  };
  const act = (who: string, id: string, action: string, body?: unknown) =>
    asPage(server.url, `/api/v1/callbacks/${encodeURIComponent(id)}/${action}`, cookies[who]!, 'POST', body);

  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database, env);
    cookies.admin = (await login(server.url, 'admin', PASSWORD)).cookie;
    for (const [username, role, queues] of [['sara', 'supervisor', []], ['vera', 'viewer', []], ['otto', 'supervisor', ['support']]] as const) {
      const created = await asPage(server.url, '/api/v1/users', cookies.admin, 'POST', { username, password: PASSWORD, role, scope: { queues, teams: [] } });
      expect(created.status).toBe(201);
      cookies[username] = (await login(server.url, username, PASSWORD)).cookie;
    }
  }, 120_000);
  afterAll(async () => {
    await (server as TestServer | undefined)?.stop().catch(() => undefined);
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('lists an abandoned contact with its queue, time and wait, and pushes it to a board in scope', async () => {
    const board = socketIoBoard(server.url, { cookie: cookies.sara! });
    expect(await board.first).toEqual({ snapshot: true });
    const pushed = new Promise<CallbackEntry>((resolve) => board.socket.once('callback', resolve));
    await post(queued('q1', 'c-1', ANNA, t0), abandoned('a1', 'c-1', undefined, t0 + 42_000), queued('q0', 'c-0', DINO, t0));
    const [entry] = await list('sara');
    expect(entry).toMatchObject({
      contactId: 'c-1', source: SOURCE, queueId: 'sales', abandonedAt: new Date(t0 + 42_000).toISOString(), waited: 42,
      attempts: 1, state: 'open', claimedBy: null, contactIds: ['c-1'], pseudonym: expect.stringMatching(/^cp1:/),
    });
    expect(JSON.stringify(entry)).not.toContain('0611111111');
    expect((await pushed).id).toBe(entry!.id);
    board.socket.close();
  });

  it('counts a caller\'s repeated abandons as attempts on one entry, and a redelivery not at all', async () => {
    const again = [queued('q2', 'c-2', ANNA, t0 + 60_000), abandoned('a2', 'c-2', ANNA, t0 + 65_000)];
    await post(...again);
    await post(...again);
    const entries = await list('sara');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ contactId: 'c-2', attempts: 2, contactIds: ['c-1', 'c-2'], waited: 5, firstAbandonedAt: new Date(t0 + 42_000).toISOString() });
  });

  it('closes an entry by itself when the same caller gets through in a later contact', async () => {
    await post(queued('q3', 'c-3', BRUNO, t0 + 70_000), abandoned('a3', 'c-3', BRUNO, t0 + 80_000));
    expect((await list('sara')).map((e) => e.contactId)).toEqual(['c-2', 'c-3']);
    // Another caller answered: nothing closes; Bruno answered before he abandoned: nothing closes either.
    await post(answered('n0', 'c-0', DINO, t0 + 81_000), answered('n-early', 'c-early', BRUNO, t0 + 75_000));
    expect(await list('sara')).toHaveLength(2);
    await post(queued('q4', 'c-4', BRUNO, t0 + 90_000), answered('n4', 'c-4', BRUNO, t0 + 95_000));
    expect((await list('sara')).map((e) => e.contactId)).toEqual(['c-2']);
    const [closed] = await list('sara', 'state=answered');
    expect(closed).toMatchObject({ contactId: 'c-3', state: 'answered', answeredContactId: 'c-4', closedAt: new Date(t0 + 95_000).toISOString() });
  });

  it('lets a supervisor in scope claim and close with a result, audited; refuses a viewer and a supervisor of other queues', async () => {
    const [entry] = await list('sara');
    expect((await act('vera', entry!.id, 'claim')).status).toBe(403);
    const outside = await act('otto', entry!.id, 'claim');
    expect(outside.status).toBe(403);
    expect(await outside.text()).toMatch(/outside your scope/);
    expect(await list('otto')).toEqual([]);
    expect((await asPage(server.url, '/api/v1/callbacks?queueId=sales', cookies.otto!)).status).toBe(403);

    const claimed = await act('sara', entry!.id, 'claim');
    expect(claimed.status).toBe(200);
    expect(await claimed.json()).toMatchObject({ state: 'claimed', claimedBy: 'user:sara' });
    expect((await act('admin', entry!.id, 'claim')).status).toBe(409);
    expect(await list('sara')).toEqual([]);
    expect((await list('sara', 'state=claimed')).map((e) => e.id)).toEqual([entry!.id]);

    // The number is there to call, revealed to the supervisor (the reveal route audits it).
    const reveal = await asPage(server.url, `/api/v1/contacts/${entry!.contactId}/caller?source=${encodeURIComponent(SOURCE)}`, cookies.sara!);
    expect(reveal.status).toBe(200);
    expect(await reveal.json()).toMatchObject({ caller: ANNA });

    expect((await act('sara', entry!.id, 'done', { result: '' })).status).toBe(400);
    // By one of its contacts' ids too.
    const done = await act('sara', 'c-1', 'done', { result: 'reached', note: 'call back on Monday' });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ id: entry!.id, state: 'done', result: 'reached', note: 'call back on Monday', closedBy: 'user:sara' });
    expect((await act('sara', entry!.id, 'done', { result: 'reached' })).status).toBe(409);
    expect((await act('sara', 'nobody', 'claim')).status).toBe(404);

    const audit = (await (await asPage(server.url, '/api/v1/audit', cookies.admin!)).json()) as Array<{ action: string; actor: string; resource: string }>;
    const actions = audit.filter((a) => a.action.startsWith('callback.')).map((a) => [a.action, a.actor, a.resource]);
    expect(actions).toEqual(expect.arrayContaining([
      ['callback.claim', 'user:sara', `callbacks/${entry!.id}`], ['callback.done', 'user:sara', `callbacks/${entry!.id}`],
    ]));
    expect(audit.some((a) => a.action === 'caller.reveal' && a.actor === 'user:sara')).toBe(true);
  });

  it('starts a new entry for a caller whose entry was closed, and releases a claim', async () => {
    await post(queued('q5', 'c-5', ANNA, t0 + 120_000), abandoned('a5', 'c-5', ANNA, t0 + 130_000));
    const [entry] = await list('sara');
    expect(entry).toMatchObject({ contactId: 'c-5', attempts: 1, contactIds: ['c-5'] });
    expect((await act('sara', entry!.id, 'release')).status).toBe(409);
    expect((await act('sara', entry!.id, 'claim')).status).toBe(200);
    const released = await act('sara', entry!.id, 'release');
    expect(await released.json()).toMatchObject({ state: 'open', claimedBy: null });
  });

  it('exports CSV, by format=csv and by Accept', async () => {
    const csv = await asPage(server.url, '/api/v1/callbacks?state=all&format=csv', cookies.sara!);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(await csv.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.contactId, r.state, r.attempts, r.result])).toEqual(expect.arrayContaining([
      ['c-2', 'done', '2', 'reached'], ['c-3', 'answered', '1', ''], ['c-5', 'open', '1', ''],
    ]));
    expect(rows).toHaveLength(3);
    const byAccept = await fetch(`${server.url}/api/v1/callbacks?state=open`, { headers: { cookie: cookies.sara!, accept: 'text/csv' } });
    const open = parse(await byAccept.text(), { columns: true }) as Array<Record<string, string>>;
    expect(open.map((r) => r.contactId)).toEqual(['c-5']);
  });

  it('keeps the list across a restart, and records at start an abandon journaled just before a crash', { timeout: 120_000 }, async () => {
    await post(queued('q6', 'c-6', CARLA, t0 + 200_000));
    const before = await list('sara', 'state=all');
    await server.stop();
    // What a kill -9 between the journal commit and the worklist write leaves: the abandon in the journal only.
    const offline = await openStore(database.options);
    const event = { ...abandoned('a6', 'c-6', undefined, t0 + 230_000), timeMs: t0 + 230_000 } as TimedEvent;
    await offline.journal.append([event]);
    await offline.close();
    server = await startTestServer(database, env);
    cookies.sara = (await login(server.url, 'sara', PASSWORD)).cookie;
    const after = await list('sara', 'state=all');
    expect(after.filter((e) => e.contactId !== 'c-6')).toEqual(before);
    expect(after.find((e) => e.contactId === 'c-6')).toMatchObject({ queueId: 'sales', waited: 30, state: 'open', attempts: 1 });
    // Carla answered later, after the restart: her entry closes by itself.
    await post(queued('q7', 'c-7', CARLA, t0 + 300_000), answered('n7', 'c-7', CARLA, t0 + 310_000));
    expect((await list('sara', 'state=answered')).map((e) => e.contactId)).toEqual(expect.arrayContaining(['c-6']));
  });
});
