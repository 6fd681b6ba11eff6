import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { postEvents, wireEvent } from '../helpers/events.js';
import { asPage, login } from '../session/session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
// Ids and names no other text of a board contains, so a leak is found by a plain text search.
const AGENTS = [
  { agentId: 'agent-zoe-ferri-9001', name: 'Zoe Ferri' },
  { agentId: 'agent-ugo-neri-9002', name: 'Ugo Neri' },
];
const SECRETS = AGENTS.flatMap((a) => [a.agentId, a.name]);
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for the boards\' first frames');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const leaksIn = (text: string) => SECRETS.filter((secret) => text.includes(secret));

/**
 * With PLANCIA_AGENT_DETAIL unset a new installation is `off`: no agent id or name reaches any client, through the
 * snapshot, socket.io, the plain live feed or any GET of the API, though the engine holds both agents (on a call and
 * paused, under an alert of its own).
 */
describe('agent detail off by default', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_TICK_MS: '50' });
  let admin: string;
  const socketFrames: string[] = [];
  const liveFrames: string[] = [];
  let closeSockets: () => void = () => undefined;

  beforeAll(async () => {
    const { url, wsUrl } = server();
    admin = (await login(url, 'admin', ADMIN_PASSWORD)).cookie;
    const rule = { id: 'paused', name: 'Paused', metric: 'agentNotReadySeconds', scope: { kind: 'agent' }, window: 'live', comparison: 'gt', threshold: 0, forSeconds: 0, severity: 'warning', enabled: true };
    expect((await asPage(url, '/api/v1/alert-rules/paused', admin, 'PUT', rule)).status).toBeLessThan(300);

    const socket = io(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: admin }, reconnection: false, forceNew: true });
    socket.onAny((event: string, ...args: unknown[]) => socketFrames.push(JSON.stringify([event, ...args.filter((a) => typeof a !== 'function')])));
    socket.on('connect', () => socket.emit('subscribe', {}, (ack: unknown) => socketFrames.push(JSON.stringify(['ack', ack]))));
    const live = new WebSocket(`${wsUrl}/api/v1/live`, { headers: { cookie: admin } });
    live.on('message', (data) => liveFrames.push(String(data)));
    closeSockets = () => {
      socket.close();
      live.close();
    };
    await until(() => socketFrames.some((f) => f.startsWith('["snapshot"')) && liveFrames.length > 0);

    const now = Date.now();
    const posted = await postEvents(url, JSON.stringify([
      wireEvent('agent.state', 'ap-1', { ...AGENTS[0], state: 'available', queueIds: ['sales'] }, now - 120_000),
      wireEvent('agent.state', 'ap-2', { ...AGENTS[1], state: 'not_ready', reason: 'Pausa caffè', queueIds: ['sales'] }, now - 90_000),
      wireEvent('contact.queued', 'ap-3', { contactId: 'c-ap-1', queueId: 'sales', channel: 'voice' }, now - 60_000),
      wireEvent('contact.answered', 'ap-4', { contactId: 'c-ap-1', agentId: AGENTS[0]!.agentId }, now - 50_000),
    ]));
    expect(posted.status).toBe(202);
  });

  afterAll(() => closeSockets());

  const snapshot = async () => (await (await asPage(server().url, '/api/v1/snapshot', admin)).json()) as Snapshot;

  it('counts the agents but names none, in the snapshot', async () => {
    await expect.poll(async () => (await snapshot()).centre?.live.agents, { timeout: 10_000 }).toMatchObject({ on_contact: 1, not_ready: 1 });
    const board = await snapshot();
    expect(board.agents).toEqual([]);
    expect(board.alerts.some((a) => a.scope.kind === 'agent')).toBe(false);
    expect(leaksIn(JSON.stringify(board))).toEqual([]);
  });

  it('names none in the frames of socket.io and of the plain live feed', async () => {
    // The changes that carried the counts, and the ticks after the paused agent's alert was raised, have been sent.
    await expect.poll(() => socketFrames.filter((f) => f.includes('"not_ready":1')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => liveFrames.filter((f) => f.includes('"not_ready":1')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(leaksIn(socketFrames.join('\n'))).toEqual([]);
    expect(leaksIn(liveFrames.join('\n'))).toEqual([]);
  });

  it('names none in any GET of the API an administrator may read', async () => {
    const { url } = server();
    const openapi = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.entries(openapi.paths).filter(([path, ops]) => 'get' in ops && !path.includes('{') && path !== '/api/v1/live' && path !== '/api/v1/ingest');
    expect(paths.map(([path]) => path)).toEqual(expect.arrayContaining(['/api/v1/snapshot', '/api/v1/config', '/api/v1/audit', '/api/v1/queues']));
    const answered: number[] = [];
    for (const [path] of paths) {
      const response = await asPage(url, path.replace(/^\/api\/v1\/intervals$/, '/api/v1/intervals?queue=sales'), admin);
      answered.push(response.status);
      expect({ path, leaks: leaksIn(await response.text()) }).toEqual({ path, leaks: [] });
    }
    expect(answered.filter((status) => status === 200).length).toBeGreaterThan(10);
  });

  it('shows stored agent profiles to the installation\'s administrator only: a viewer of the whole board reads none', async () => {
    const { url } = server();
    const profile = { ...AGENTS[0]!, teamId: 'team-a' };
    expect((await asPage(url, `/api/v1/agents/${profile.agentId}`, admin, 'PUT', profile)).status).toBeLessThan(300);
    expect((await asPage(url, '/api/v1/users', admin, 'POST', { username: 'vera', password: 'a-long-password-42', role: 'viewer', scope: { queues: [], teams: [] } })).status).toBe(201);
    const viewer = (await login(url, 'vera', 'a-long-password-42')).cookie;
    // The administrator wrote the profile and must be able to export it whole: it sees it (so the scan below could fail).
    expect(leaksIn(await (await asPage(url, '/api/v1/agents', admin)).text())).toEqual([AGENTS[0]!.agentId, AGENTS[0]!.name]);
    const openapi = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.entries(openapi.paths).filter(([path, ops]) => 'get' in ops && !path.includes('{') && path !== '/api/v1/live' && path !== '/api/v1/ingest');
    for (const [path] of paths) {
      const response = await asPage(url, path.replace(/^\/api\/v1\/intervals$/, '/api/v1/intervals?queue=sales'), viewer);
      expect({ path, leaks: leaksIn(await response.text()) }).toEqual({ path, leaks: [] });
    }
    expect((await asPage(url, `/api/v1/agents/${profile.agentId}`, viewer)).status).toBe(403);
  });

  it('would have seen them: the same board under named shows both', async () => {
    const { url } = server();
    expect((await asPage(url, '/api/v1/settings/privacy', admin, 'PUT', { agentDetail: 'named', agreement: 'Test: invented agents' })).status).toBe(200);
    const named = await snapshot();
    expect(leaksIn(JSON.stringify(named))).toEqual(expect.arrayContaining(SECRETS));
    expect(named.alerts.filter((a) => a.scope.kind === 'agent').map((a) => a.scope.id)).toEqual([AGENTS[1]!.agentId]);
    expect((await asPage(url, '/api/v1/settings/privacy', admin, 'PUT', { agentDetail: 'off' })).status).toBe(200);
  });
});
