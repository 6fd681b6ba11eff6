import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackEntry, LiveMessage } from '@plancia/contracts';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { postEvents, wireEvent } from '../helpers/events.js';
import { asPage, login } from '../session/session-client.js';

const PASSWORD = 'correct horse battery staple';
const SOURCE = 'urn:test:acd';

/** The plain feed as a signed-in tool sees it, keeping every message. */
async function feed(server: TestServer, cookie: string) {
  const messages: LiveMessage[] = [];
  const socket = new WebSocket(`${server.wsUrl}/api/v1/live`, { headers: { cookie, origin: server.url } });
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`handshake answered ${response.statusCode}`)));
  });
  await expect.poll(() => messages.some((m) => m.type === 'snapshot')).toBe(true);
  const callbacks = () => messages.filter((m): m is Extract<LiveMessage, { type: 'callback' }> => m.type === 'callback').map((m) => m.entry);
  return { socket, callbacks };
}

describe.each(backends)('agents on the callback worklist, and the plain feed, on $name', (backend) => {
  const env = { PLANCIA_CALLBACK_KEY: randomBytes(32).toString('base64'), PLANCIA_ADMIN_PASSWORD: PASSWORD };
  let database!: TestDatabase;
  let server!: TestServer;
  const cookies: Record<string, string> = {};
  const t0 = Date.now() - 10 * 60_000;
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server.url, path, cookies[who]!, method, body);
  const act = (who: string, id: string, action: string, body?: unknown) => as(who, `/api/v1/callbacks/${id}/${action}`, 'POST', body);
  const abandon = async (n: number, queueId: string, caller: string) => {
    const events = [
      wireEvent('contact.queued', `q${n}`, { contactId: `c-${n}`, queueId, channel: 'voice', caller }, t0 + n * 1000),
      wireEvent('contact.abandoned', `a${n}`, { contactId: `c-${n}` }, t0 + n * 1000 + 30_000),
    ];
    expect((await postEvents(server.url, JSON.stringify(events))).status).toBe(202);
  };
  const entryOf = async (contactId: string) =>
    ((await (await as('sara', '/api/v1/callbacks?state=all')).json()) as { callbacks: CallbackEntry[] }).callbacks.find((e) => e.contactId === contactId)!;

  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database, env);
    cookies.admin = (await login(server.url, 'admin', PASSWORD)).cookie;
    const users = [
      { username: 'sara', role: 'supervisor' },
      { username: 'ada', role: 'agent', agentId: 'a-ada', scope: { queues: ['sales'], teams: [] } },
      { username: 'ben', role: 'agent', agentId: 'a-ben', scope: { queues: ['sales'], teams: [] } },
      { username: 'cloe', role: 'agent', agentId: 'a-cloe', scope: { queues: ['support'], teams: [] } },
    ];
    for (const user of users) {
      expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
      cookies[user.username] = (await login(server.url, user.username, PASSWORD)).cookie;
    }
  }, 120_000);
  afterAll(async () => {
    await (server as TestServer | undefined)?.stop().catch(() => undefined);
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('creates an agent only with an agent id, and no one else with one; the session names it', async () => {
    expect((await as('admin', '/api/v1/users', 'POST', { username: 'x1', role: 'agent', password: PASSWORD })).status).toBe(400);
    expect((await as('admin', '/api/v1/users', 'POST', { username: 'x2', role: 'viewer', agentId: 'a-x', password: PASSWORD })).status).toBe(400);
    expect(await (await as('ada', '/api/v1/session')).json()).toMatchObject({ username: 'ada', role: 'agent', agentId: 'a-ada' });
  });

  it('lets an agent claim and close callbacks of its queues, only its own claims, never revealing the number; audited with its agent id', async () => {
    await abandon(1, 'sales', '+390611111111');
    await abandon(2, 'support', '+390622222222');
    const sales = await entryOf('c-1');
    const support = await entryOf('c-2');
    expect((await act('cloe', sales.id, 'claim')).status).toBe(403);
    expect((await act('ada', support.id, 'claim')).status).toBe(403);
    expect((await act('ada', sales.id, 'done', { result: 'reached' })).status).toBe(403);

    const claimed = await act('ada', sales.id, 'claim');
    expect(claimed.status).toBe(200);
    expect(await claimed.json()).toMatchObject({ state: 'claimed', claimedBy: 'user:ada' });
    expect((await act('ben', sales.id, 'release')).status).toBe(403);
    expect((await act('ben', sales.id, 'done', { result: 'reached' })).status).toBe(403);

    const reveal = await as('ada', `/api/v1/contacts/c-1/caller?source=${encodeURIComponent(SOURCE)}`);
    expect(reveal.status).toBe(403);
    expect(await reveal.text()).not.toContain('0611111111');
    // Nor alerts, nor agents' actions: those are a supervisor's.
    expect((await as('ada', '/api/v1/agents/a-ben/pause', 'POST', { paused: true })).status).toBe(403);

    const done = await act('ada', sales.id, 'done', { result: 'no-answer', note: 'try after lunch' });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ state: 'done', result: 'no-answer', closedBy: 'user:ada' });

    const audit = (await (await as('admin', '/api/v1/audit')).json()) as Array<{ action: string; actor: string; after: { agentId?: string } | null }>;
    const ada = audit.filter((a) => a.actor === 'user:ada' && a.action.startsWith('callback.'));
    expect(ada.map((a) => [a.action, a.after?.agentId])).toEqual(expect.arrayContaining([['callback.claim', 'a-ada'], ['callback.done', 'a-ada']]));
    expect(audit.some((a) => a.action === 'caller.reveal' && a.actor === 'user:ada')).toBe(false);
  });

  it('lets a supervisor close or release an agent\'s claim', async () => {
    await abandon(3, 'sales', '+390633333333');
    const entry = await entryOf('c-3');
    expect((await act('ben', entry.id, 'claim')).status).toBe(200);
    expect(await (await act('sara', entry.id, 'release')).json()).toMatchObject({ state: 'open', claimedBy: null });
  });

  it('sends worklist entries on the plain feed /api/v1/live to the feeds whose viewer reaches their queue', async () => {
    const [ada, cloe] = await Promise.all([feed(server, cookies.ada!), feed(server, cookies.cloe!)]);
    await abandon(4, 'sales', '+390644444444');
    await expect.poll(() => ada.callbacks().map((e) => e.contactId)).toEqual(['c-4']);
    const entry = ada.callbacks()[0]!;
    expect(entry).toMatchObject({ queueId: 'sales', state: 'open', waited: 30 });
    expect(JSON.stringify(entry)).not.toContain('0644444444');
    expect((await act('ada', entry.id, 'claim')).status).toBe(200);
    await expect.poll(() => ada.callbacks().map((e) => e.state)).toEqual(['open', 'claimed']);
    await abandon(5, 'support', '+390655555555');
    await expect.poll(() => cloe.callbacks().map((e) => e.contactId)).toEqual(['c-5']);
    // Cloe's feed saw nothing of sales, Ada's nothing of support.
    expect(ada.callbacks().every((e) => e.queueId === 'sales')).toBe(true);
    ada.socket.close();
    cloe.socket.close();
  });
});
