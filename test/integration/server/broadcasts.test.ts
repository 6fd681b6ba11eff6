import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Broadcast } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { asPage, login, socketIoBoard } from '../session/session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const PRIVACY = { agentDetail: 'named', agreement: 'Accordo sindacale 2026/1' };
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** A socket.io board signed in by cookie, collecting what it is told of broadcasts. */
async function board(url: string, cookie: string) {
  const { socket, first } = socketIoBoard(url, { cookie, origin: url });
  const heard: { sent: Broadcast[]; withdrawn: string[]; lists: Broadcast[][] } = { sent: [], withdrawn: [], lists: [] };
  socket.on('broadcast', (broadcast: Broadcast) => heard.sent.push(broadcast));
  socket.on('broadcastWithdrawn', ({ id }: { id: string }) => heard.withdrawn.push(id));
  socket.on('broadcasts', (list: Broadcast[]) => heard.lists.push(list));
  expect(await first).toEqual({ snapshot: true });
  await expect.poll(() => heard.lists.length).toBe(1);
  return { socket: socket as Socket, heard };
}

describe('broadcasts to the boards in scope', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' });
  const cookies: Record<string, string> = {};
  const sockets: Socket[] = [];
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  afterAll(() => sockets.forEach((socket) => socket.close()));

  it('sets up a tenant, an unscoped and a scoped supervisor, a viewer of the other queue and another tenant', async () => {
    cookies.admin = (await login(server().url, 'admin', ADMIN_PASSWORD)).cookie;
    expect((await as('admin', '/api/v1/tenants/acme', 'PUT', { name: 'Acme', queues: ['acme-sales', 'acme-care'], teams: [], privacy: PRIVACY })).status).toBe(201);
    expect((await as('admin', '/api/v1/tenants/beta', 'PUT', { name: 'Beta', queues: ['beta-care'], teams: [], privacy: PRIVACY })).status).toBe(201);
    const users = [
      { username: 'anna', role: 'supervisor', tenant: 'acme' },
      { username: 'sam', role: 'supervisor', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } },
      { username: 'vic', role: 'viewer', tenant: 'acme', scope: { queues: ['acme-care'], teams: [] } },
      { username: 'bea', role: 'supervisor', tenant: 'beta' },
    ];
    for (const user of users) {
      expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
      cookies[user.username] = (await login(server().url, user.username, PASSWORD)).cookie;
    }
    expect((await postEvents(server().url, JSON.stringify([queued('b1', 'acme-sales'), queued('b2', 'acme-care'), queued('b3', 'beta-care')]))).status).toBe(202);
  });

  it('pushes a scoped supervisor\'s broadcast at once to the boards of its scope only, and lists it', async () => {
    const [sam, vic, anna, bea] = await Promise.all(['sam', 'vic', 'anna', 'bea'].map((who) => board(server().url, cookies[who]!)));
    sockets.push(...[sam, vic, anna, bea].map((b) => b!.socket));
    const response = await as('sam', '/api/v1/broadcasts', 'POST', { text: 'Sales: system slow, use the paper form', level: 'warning', expiresAt: inMinutes(30) });
    expect(response.status).toBe(201);
    const sent = (await response.json()) as Broadcast;
    expect(sent).toMatchObject({ level: 'warning', queueIds: ['acme-sales'], teamIds: [], createdBy: 'user:sam' });

    await expect.poll(() => sam!.heard.sent.map((b) => b.id)).toEqual([sent.id]);
    await expect.poll(() => anna!.heard.sent.map((b) => b.id)).toEqual([sent.id]);
    // The events that reached the others would have come first: one round trip later, nothing came.
    const listed = await (await as('vic', '/api/v1/broadcasts')).json() as { broadcasts: Broadcast[] };
    expect(listed.broadcasts).toEqual([]);
    expect(vic!.heard.sent).toEqual([]);
    expect(bea!.heard.sent).toEqual([]);
    expect(((await (await as('anna', '/api/v1/broadcasts')).json()) as { broadcasts: Broadcast[] }).broadcasts.map((b) => b.id)).toEqual([sent.id]);

    // A board that subscribes later is given it with the list.
    const late = await board(server().url, cookies.sam!);
    sockets.push(late.socket);
    expect(late.heard.lists[0]!.map((b) => b.id)).toEqual([sent.id]);

    expect((await as('sam', `/api/v1/broadcasts/${sent.id}`, 'DELETE')).status).toBe(204);
    await expect.poll(() => sam!.heard.withdrawn).toEqual([sent.id]);
    await expect.poll(() => anna!.heard.withdrawn).toEqual([sent.id]);
    expect(((await (await as('anna', '/api/v1/broadcasts')).json()) as { broadcasts: Broadcast[] }).broadcasts).toEqual([]);
    expect((await as('sam', `/api/v1/broadcasts/${sent.id}`, 'DELETE')).status).toBe(404);
  });

  it('refuses a queue outside the sender\'s scope with 403 naming it, and a viewer with 403', async () => {
    const outside = await as('sam', '/api/v1/broadcasts', 'POST', { text: 'Care too', level: 'info', expiresAt: inMinutes(10), queueIds: ['acme-sales', 'acme-care'] });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { message: string }).message).toBe('queueIds: outside your scope: acme-care');
    const otherTenant = await as('anna', '/api/v1/broadcasts', 'POST', { text: 'Beta?', level: 'info', expiresAt: inMinutes(10), queueIds: ['beta-care'] });
    expect(otherTenant.status).toBe(403);
    expect((await as('vic', '/api/v1/broadcasts', 'POST', { text: 'Hi', level: 'info', expiresAt: inMinutes(10) })).status).toBe(403);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ text: 'x'.repeat(281), level: 'info', expiresAt: inMinutes(10) }, '/text'],
      [{ text: 'Hi', level: 'urgent', expiresAt: inMinutes(10) }, '/level'],
      [{ text: 'Hi', level: 'info', expiresAt: inMinutes(-1) }, 'expiresAt: must be in the future'],
      [{ text: 'Hi', level: 'info', expiresAt: inMinutes(24 * 60 + 5) }, 'expiresAt: at most 24 hours ahead'],
    ];
    for (const [body, field] of cases) {
      const response = await as('anna', '/api/v1/broadcasts', 'POST', body);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(field);
    }
  });

  it('lets a scoped supervisor not withdraw a broadcast for the whole tenant, and shows it on every board of the tenant only', async () => {
    const response = await as('anna', '/api/v1/broadcasts', 'POST', { text: 'Fire drill at 11:00', level: 'info', expiresAt: inMinutes(60) });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as Broadcast;
    expect((await as('sam', `/api/v1/broadcasts/${id}`, 'DELETE')).status).toBe(403);
    expect((await as('bea', `/api/v1/broadcasts/${id}`, 'DELETE')).status).toBe(404);
    const vic = ((await (await as('vic', '/api/v1/broadcasts')).json()) as { broadcasts: Broadcast[] }).broadcasts;
    expect(vic.map((b) => b.text)).toEqual(['Fire drill at 11:00']);
    expect(((await (await as('bea', '/api/v1/broadcasts')).json()) as { broadcasts: Broadcast[] }).broadcasts).toEqual([]);
  });

  it('keeps the active broadcasts across a restart: a second server on the same database loads them at start', async () => {
    const again = await server().restart();
    try {
      const response = await asPage(again.url, '/api/v1/broadcasts', cookies.vic!);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { broadcasts: Broadcast[] }).broadcasts.map((b) => b.text)).toEqual(['Fire drill at 11:00']);
    } finally {
      await again.stop();
    }
  });
});
