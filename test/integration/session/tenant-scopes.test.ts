import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import type { BoardChanges, Snapshot } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { agentState, postEvents, queued } from '../helpers/events.js';
import { asPage, login, socketIoBoard } from './session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const NAMED = { agentDetail: 'named', agreement: 'Accordo sindacale 2026/1' };

/** The plain feed's first message for a cookie, or the status its upgrade was refused with. */
function liveSnapshot(wsUrl: string, cookie: string, query = ''): Promise<{ status: number; snapshot?: Snapshot }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl}/api/v1/live${query}`, { headers: { cookie } });
    socket.once('message', (data) => {
      resolve({ status: 101, snapshot: (JSON.parse(String(data)) as { snapshot: Snapshot }).snapshot });
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

const queueIds = (snapshot: Snapshot) => snapshot.queues.map((queue) => queue.queueId).sort();

describe('two tenants and scoped supervisors see only their own', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' });
  const cookies: Record<string, string> = {};
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  const snapshotOf = async (who: string, query = '') => {
    const response = await as(who, `/api/v1/snapshot${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Snapshot;
  };

  it('sets up two tenants, their supervisors and traffic on every queue', async () => {
    cookies.admin = (await login(server().url, 'admin', ADMIN_PASSWORD)).cookie;
    expect((await as('admin', '/api/v1/tenants/acme', 'PUT', { name: 'Acme', queues: ['acme-sales', 'acme-care'], teams: [], privacy: NAMED })).status).toBe(201);
    expect((await as('admin', '/api/v1/tenants/beta', 'PUT', { name: 'Beta', queues: ['beta-care'], teams: [], privacy: NAMED })).status).toBe(201);
    const users = [
      { username: 'anna', role: 'supervisor', tenant: 'acme' },
      { username: 'sam', role: 'supervisor', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } },
      { username: 'bea', role: 'supervisor', tenant: 'beta' },
    ];
    for (const user of users) {
      expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
      cookies[user.username] = (await login(server().url, user.username, PASSWORD)).cookie;
    }
    expect(await (await as('sam', '/api/v1/session')).json()).toMatchObject({ username: 'sam', tenant: 'acme', tenantName: 'Acme', scope: { queues: ['acme-sales'] } });
    const events = [
      queued('q1', 'acme-sales'), queued('q2', 'acme-care'), queued('q3', 'beta-care'), queued('q4', 'house'),
      agentState('s1', 'agent-acme', 'available', ['acme-sales']),
      agentState('s2', 'agent-beta', 'available', ['beta-care']),
      // Shared by both clients: each sees the agent, and only its own queue on it.
      agentState('s3', 'agent-shared', 'available', ['acme-sales', 'beta-care']),
    ];
    expect((await postEvents(server().url, JSON.stringify(events))).status).toBe(202);
    await expect.poll(async () => queueIds(await snapshotOf('admin')), { timeout: 10_000 }).toEqual(['acme-care', 'acme-sales', 'beta-care', 'house']);
  });

  it('gives each its own queues and agents over HTTP, and no installation-wide totals', async () => {
    const anna = await snapshotOf('anna');
    expect(queueIds(anna)).toEqual(['acme-care', 'acme-sales']);
    expect(anna.agents.map((agent) => agent.agentId).sort()).toEqual(['agent-acme', 'agent-shared']);
    expect(anna.agents.find((agent) => agent.agentId === 'agent-shared')!.queueIds).toEqual(['acme-sales']);
    expect(anna.centre).toBeNull();
    expect(anna.channels).toEqual([]);
    expect(JSON.stringify(anna)).not.toMatch(/beta|house/);

    const bea = await snapshotOf('bea');
    expect(queueIds(bea)).toEqual(['beta-care']);
    expect(JSON.stringify(bea)).not.toMatch(/acme|house/);

    const sam = await snapshotOf('sam');
    expect(queueIds(sam)).toEqual(['acme-sales']);
    expect(JSON.stringify(sam)).not.toMatch(/acme-care|beta|house/);

    // The installation's administrator sees every tenant and the centre.
    expect((await snapshotOf('admin')).centre).not.toBeNull();
  });

  it('answers 403 to a view outside the scope, naming the field, not an empty board', async () => {
    const outside = await as('sam', '/api/v1/snapshot?queues=acme-care');
    expect(outside.status).toBe(403);
    expect(await outside.json()).toMatchObject({ error: 'forbidden', message: 'queues: outside your scope: acme-care' });
    expect((await as('anna', '/api/v1/snapshot?queues=beta-care')).status).toBe(403);
    expect((await as('bea', '/api/v1/snapshot?queues=house')).status).toBe(403);
    expect(queueIds(await snapshotOf('anna', '?queues=acme-care'))).toEqual(['acme-care']);
  });

  it('holds the plain feed to the same scope, refusing a view outside it before the upgrade', async () => {
    const own = await liveSnapshot(server().wsUrl, cookies.bea!);
    expect(own.status).toBe(101);
    expect(queueIds(own.snapshot!)).toEqual(['beta-care']);
    expect((await liveSnapshot(server().wsUrl, cookies.bea!, '?queues=acme-sales')).status).toBe(403);
  });

  it('holds socket.io to the same scope: a subscription outside it is refused, changes of others never arrive', async () => {
    const board = socketIoBoard(server().url, { cookie: cookies.bea! });
    const frames: string[] = [];
    board.socket.on('snapshot', (snapshot: Snapshot) => frames.push(JSON.stringify(snapshot)));
    board.socket.on('changes', (changes: BoardChanges) => frames.push(JSON.stringify(changes)));
    try {
      expect(await board.first).toEqual({ snapshot: true });
      const refused = await board.socket.emitWithAck('subscribe', { queues: ['acme-sales'] }) as { ok: boolean; error?: string };
      expect(refused).toEqual({ ok: false, error: 'forbidden: queues: outside your scope: acme-sales' });

      // Acme's change first, then Beta's: once Beta's has arrived, Acme's would have too.
      expect((await postEvents(server().url, JSON.stringify([queued('q5', 'acme-sales')]))).status).toBe(202);
      expect((await postEvents(server().url, JSON.stringify([queued('q6', 'beta-care')]))).status).toBe(202);
      await expect.poll(() => frames.some((frame) => frame.includes('"waiting":2')), { timeout: 10_000 }).toBe(true);
      expect(frames.join('\n')).not.toMatch(/acme|house/);
    } finally {
      board.socket.close();
    }
  });

  it('writes each view of named agent detail to the audit log, with the user, the view and the channel', async () => {
    // A view without agents serves no named detail: not written (nor does it hold back the view that follows).
    await snapshotOf('anna', '?queues=acme-care&agents=none');
    await snapshotOf('anna', '?queues=acme-care');
    const entries = (await (await as('admin', '/api/v1/audit?limit=1000')).json()) as { actor: string; action: string; resource: string; after: unknown }[];
    const named = entries.filter((entry) => entry.action === 'agent_detail.view');
    expect(named).toContainEqual(expect.objectContaining({ actor: 'user:anna', resource: 'tenants/acme', after: { channel: 'snapshot', view: { queues: ['acme-care'] } } }));
    expect(named).toContainEqual(expect.objectContaining({ actor: 'user:bea', resource: 'tenants/beta', after: { channel: 'socket.io', view: {} } }));
    expect(named).toContainEqual(expect.objectContaining({ actor: 'user:bea', after: { channel: 'live', view: {} } }));
    expect(named.filter((entry) => (entry.after as { view: { agents?: string } }).view.agents !== undefined)).toEqual([]);
    // The default tenant is off: the administrator was never served named detail.
    expect(named.filter((entry) => entry.actor === 'user:admin')).toEqual([]);
  });
});
