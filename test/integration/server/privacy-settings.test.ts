import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, PrivacySettings, Snapshot } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { postEvents, wireEvent } from '../helpers/events.js';
import { asPage, login } from '../session/session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';

describe('PUT and GET /api/v1/settings/privacy', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    const { url } = server();
    admin = (await login(url, 'admin', ADMIN_PASSWORD)).cookie;
    const created = await asPage(url, '/api/v1/users', admin, 'POST', { username: 'vera', password: PASSWORD, role: 'viewer' });
    expect(created.status).toBe(201);
    viewer = (await login(url, 'vera', PASSWORD)).cookie;
  });

  const read = async (cookie: string) => {
    const response = await asPage(server().url, '/api/v1/settings/privacy', cookie);
    return { status: response.status, body: (await response.json()) as PrivacySettings };
  };
  const put = async (cookie: string, body: unknown) => {
    const response = await asPage(server().url, '/api/v1/settings/privacy', cookie, 'PUT', body);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('is off on a fresh installation, and anyone who sees the board may read it', async () => {
    expect(await read(viewer)).toEqual({ status: 200, body: { agentDetail: 'off' } });
    expect((await fetch(`${server().url}/api/v1/settings/privacy`)).status).toBe(401);
  });

  it('refuses a viewer\'s change', async () => {
    expect((await put(viewer, { agentDetail: 'pseudonymous' })).status).toBe(403);
    expect((await read(viewer)).body).toEqual({ agentDetail: 'off' });
  });

  it('refuses an administrator of part of the tenant: the level covers every agent of it', async () => {
    const created = await asPage(server().url, '/api/v1/users', admin, 'POST', { username: 'sally', password: PASSWORD, role: 'admin', scope: { queues: ['sales'], teams: [] } });
    expect(created.status).toBe(201);
    const scoped = (await login(server().url, 'sally', PASSWORD)).cookie;
    const refused = await put(scoped, { agentDetail: 'named', agreement: 'Accordo 2026/9' });
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden', message: expect.stringMatching(/^agentDetail: /) as unknown } });
    expect((await read(viewer)).body).toEqual({ agentDetail: 'off' });
  });

  it('refuses named without the agreement, naming the field', async () => {
    const refused = await put(admin, { agentDetail: 'named' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('agreement');
    expect((await put(admin, { agentDetail: 'everything' })).status).toBe(400);
    expect((await read(viewer)).body).toEqual({ agentDetail: 'off' });
  });

  it('takes an administrator\'s change, answers the stored settings and audits it under the administrator\'s name', async () => {
    const named = { agentDetail: 'named', agreement: 'Accordo sindacale RSU n. 12/2026', agreementDate: '2026-01-15' };
    expect(await put(admin, named)).toEqual({ status: 200, body: named });
    expect((await read(viewer)).body).toEqual(named);
    expect(await put(admin, { agentDetail: 'pseudonymous' })).toEqual({ status: 200, body: { agentDetail: 'pseudonymous' } });
    const audit = (await (await asPage(server().url, '/api/v1/audit', admin)).json()) as AuditEntry[];
    const changes = audit.filter((entry) => entry.action === 'privacy.update');
    expect(changes.map((entry) => [entry.actor, entry.after])).toEqual([['user:admin', { agentDetail: 'pseudonymous' }], ['user:admin', named]]);
  });

  it('shapes the board by the new mode at once', async () => {
    const { url } = server();
    expect((await put(admin, { agentDetail: 'pseudonymous' })).status).toBe(200);
    const posted = await postEvents(url, JSON.stringify([wireEvent('agent.state', 'ps-1', { agentId: 'agent-mrossi-4411', name: 'Marta Rossi', state: 'available', queueIds: ['sales'] })]));
    expect(posted.status).toBe(202);
    const board = async () => (await (await asPage(url, '/api/v1/snapshot', viewer)).json()) as Snapshot;
    await expect.poll(async () => (await board()).agents.length, { timeout: 10_000 }).toBe(1);
    const pseudonymous = await board();
    expect(pseudonymous.agents[0]!.agentId).toMatch(/^A-[0-9A-Z]{8}$/);
    expect(JSON.stringify(pseudonymous)).not.toMatch(/mrossi|Marta/);
    expect((await put(admin, { agentDetail: 'off' })).status).toBe(200);
    expect((await board()).agents).toEqual([]);
  });
});

describe('PLANCIA_AGENT_DETAIL at start', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_AGENT_DETAIL: 'named', PLANCIA_AGENT_AGREEMENT: 'Autorizzazione INL 2026/77' });

  it('sets the default tenant\'s mode', async () => {
    const admin = (await login(server().url, 'admin', ADMIN_PASSWORD)).cookie;
    const response = await asPage(server().url, '/api/v1/settings/privacy', admin);
    expect(await response.json()).toEqual({ agentDetail: 'named', agreement: 'Autorizzazione INL 2026/77' });
  });
});

describe('the demo\'s named agents at the next start without the demo', () => {
  // What the demo stores (PLANCIA_DEMO on, PLANCIA_AGENT_DETAIL unset): named under the demo's own agreement.
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_AGENT_DETAIL: 'named', PLANCIA_AGENT_AGREEMENT: 'Demo: invented agents' });

  it('falls back to off, so real agents are never shown on the demo\'s leave; an administrator\'s own level stays', async () => {
    const privacy = async (url: string) => {
      const admin = (await login(url, 'admin', ADMIN_PASSWORD)).cookie;
      return (await asPage(url, '/api/v1/settings/privacy', admin)).json();
    };
    expect(await privacy(server().url)).toEqual({ agentDetail: 'named', agreement: 'Demo: invented agents' });
    await server().stop();
    const withoutDemo = await server().restart({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
    try {
      expect(await privacy(withoutDemo.url)).toEqual({ agentDetail: 'off' });
      const admin = (await login(withoutDemo.url, 'admin', ADMIN_PASSWORD)).cookie;
      expect((await asPage(withoutDemo.url, '/api/v1/settings/privacy', admin, 'PUT', { agentDetail: 'pseudonymous' })).status).toBe(200);
    } finally {
      await withoutDemo.stop();
    }
    const again = await server().restart({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
    try {
      expect(await privacy(again.url)).toEqual({ agentDetail: 'pseudonymous' });
    } finally {
      await again.stop();
    }
  });
});
