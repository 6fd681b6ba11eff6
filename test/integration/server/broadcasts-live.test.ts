import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { Broadcast, LiveMessage } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { asPage, login } from '../session/session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const PRIVACY = { agentDetail: 'named', agreement: 'Accordo sindacale 2026/1' };
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** The plain feed, signed in by cookie as a browser tool would be, keeping every message. */
async function feed(wsUrl: string, url: string, cookie: string) {
  const messages: LiveMessage[] = [];
  const socket = new WebSocket(`${wsUrl}/api/v1/live`, { headers: { cookie, origin: url } });
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`handshake answered ${response.statusCode}`)));
  });
  await expect.poll(() => messages.some((m) => m.type === 'broadcasts')).toBe(true);
  const of = <T extends LiveMessage['type']>(type: T) => messages.filter((m): m is Extract<LiveMessage, { type: T }> => m.type === type);
  return { socket, messages, of };
}

describe('broadcasts on the plain feed /api/v1/live', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' });
  const cookies: Record<string, string> = {};
  const sockets: WebSocket[] = [];
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  afterAll(() => sockets.forEach((socket) => socket.close()));

  it('gives each feed the active broadcasts it shows after the snapshot, then those sent and withdrawn, in scope only', async () => {
    cookies.admin = (await login(server().url, 'admin', ADMIN_PASSWORD)).cookie;
    expect((await as('admin', '/api/v1/tenants/acme', 'PUT', { name: 'Acme', queues: ['acme-sales', 'acme-care'], teams: [], privacy: PRIVACY })).status).toBe(201);
    const users = [
      { username: 'anna', role: 'supervisor', tenant: 'acme' },
      { username: 'sam', role: 'supervisor', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } },
      { username: 'vic', role: 'viewer', tenant: 'acme', scope: { queues: ['acme-care'], teams: [] } },
    ];
    for (const user of users) {
      expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
      cookies[user.username] = (await login(server().url, user.username, PASSWORD)).cookie;
    }
    const early = await as('sam', '/api/v1/broadcasts', 'POST', { text: 'Sales: campaign at 10', level: 'info', expiresAt: inMinutes(30) });
    expect(early.status).toBe(201);
    const first = (await early.json()) as Broadcast;

    const [sam, vic] = await Promise.all(['sam', 'vic'].map((who) => feed(server().wsUrl, server().url, cookies[who]!)));
    sockets.push(sam!.socket, vic!.socket);
    expect(sam!.messages[0]!.type).toBe('snapshot');
    expect(sam!.of('broadcasts')[0]!.broadcasts.map((b) => b.id)).toEqual([first.id]);
    expect(vic!.of('broadcasts')[0]!.broadcasts).toEqual([]);

    const sent = (await (await as('sam', '/api/v1/broadcasts', 'POST', { text: 'Sales line down', level: 'warning', expiresAt: inMinutes(20) })).json()) as Broadcast;
    await expect.poll(() => sam!.of('broadcast').map((m) => m.broadcast.id)).toEqual([sent.id]);
    expect(sam!.of('broadcast')[0]!.broadcast).toMatchObject({ text: 'Sales line down', level: 'warning', queueIds: ['acme-sales'] });
    expect((await as('sam', `/api/v1/broadcasts/${sent.id}`, 'DELETE')).status).toBe(204);
    await expect.poll(() => sam!.of('broadcastWithdrawn').map((m) => m.id)).toEqual([sent.id]);
    // A message to vic's queue would have come before this round trip's answer: nothing of sales reached the care feed.
    const toCare = await as('anna', '/api/v1/broadcasts', 'POST', { text: 'Fire drill at 11:00', level: 'info', expiresAt: inMinutes(60), queueIds: ['acme-care'] });
    expect(toCare.status).toBe(201);
    const care = (await toCare.json()) as Broadcast;
    await expect.poll(() => vic!.of('broadcast').map((m) => m.broadcast.id)).toEqual([care.id]);
    expect(vic!.of('broadcastWithdrawn')).toEqual([]);
    expect(sam!.of('broadcast').map((m) => m.broadcast.id)).toEqual([sent.id]);
  });
});
