import { describe, expect, it } from 'vitest';
import type { AuditEntry, UserSummary } from '@plancia/contracts';
import { backends, useServer } from '../helpers/plancia-server.js';
import { asPage, login } from './session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const WHOLE = { queues: [], teams: [] };
const NAMED = { agentDetail: 'named', agreement: 'Accordo sindacale 2026/1' };

describe.each(backends)('changing a user on $name', (backend) => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' }, backend);
  const cookies: Record<string, string> = {};
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  const update = (who: string, username: string, body: unknown) => as(who, `/api/v1/users/${username}`, 'PATCH', body);
  const signIn = async (who: string, password = PASSWORD) => {
    const session = await login(server().url, who, password);
    expect(session.status).toBe(200);
    cookies[who] = session.cookie;
  };
  const messageOf = async (response: Response) => ((await response.json()) as { message: string }).message;
  const userOf = async (username: string) => ((await (await as('admin', '/api/v1/users')).json()) as { users: UserSummary[] }).users.find((u) => u.username === username);

  it('has the administrator create two tenants and their users', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    for (const [id, queues] of [['acme', ['acme-sales', 'acme-care']], ['beta', ['beta-care']]] as const) {
      expect((await as('admin', `/api/v1/tenants/${id}`, 'PUT', { name: id, queues, teams: [], privacy: NAMED })).status).toBe(201);
    }
    const users = [
      { username: 'vera', role: 'viewer' },
      { username: 'sara', role: 'supervisor' },
      { username: 'ana', role: 'admin', tenant: 'acme' },
      { username: 'ada', role: 'admin', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } },
      { username: 'sam', role: 'viewer', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } },
      { username: 'anna', role: 'supervisor', tenant: 'acme' },
      { username: 'bea', role: 'supervisor', tenant: 'beta' },
    ];
    for (const user of users) {
      expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
      await signIn(user.username);
    }
  });

  it("changes a role and an agent id, ends that user's sessions only, and audits what changed", async () => {
    const agent = await update('admin', 'vera', { role: 'agent', agentId: 'a-vera' });
    expect(agent.status).toBe(200);
    expect(await agent.json()).toEqual({ username: 'vera', role: 'agent', scope: WHOLE, tenant: 'default', agentId: 'a-vera' });
    expect(await userOf('vera')).toMatchObject({ role: 'agent', agentId: 'a-vera' });
    expect((await as('vera', '/api/v1/session')).status).toBe(401);
    expect((await as('sara', '/api/v1/session')).status).toBe(200);

    await signIn('vera');
    expect(await (await as('vera', '/api/v1/session')).json()).toMatchObject({ role: 'agent', agentId: 'a-vera' });
    expect((await update('admin', 'vera', { agentId: 'a-vera-2' })).status).toBe(200);
    expect((await as('vera', '/api/v1/session')).status).toBe(401);
    // Leaving the role agent drops the agent id.
    const viewer = await update('admin', 'vera', { role: 'viewer' });
    expect(await viewer.json()).toEqual({ username: 'vera', role: 'viewer', scope: WHOLE, tenant: 'default' });

    // The same values again change nothing: the session stays.
    await signIn('vera');
    expect((await update('admin', 'vera', { role: 'viewer', scope: WHOLE })).status).toBe(200);
    expect((await as('vera', '/api/v1/session')).status).toBe(200);

    const entries = (await (await as('admin', '/api/v1/audit?limit=1000')).json()) as AuditEntry[];
    const updates = entries.filter((entry) => entry.action === 'user.update' && entry.resource === 'users/vera')
      .sort((a, b) => a.id - b.id)
      .map(({ actor, before, after }) => ({ actor, before, after }));
    expect(updates).toEqual([
      { actor: 'user:admin', before: { role: 'viewer', agentId: null }, after: { role: 'agent', agentId: 'a-vera' } },
      { actor: 'user:admin', before: { agentId: 'a-vera' }, after: { agentId: 'a-vera-2' } },
      { actor: 'user:admin', before: { role: 'agent', agentId: 'a-vera-2' }, after: { role: 'viewer', agentId: null } },
    ]);
  });

  it('refuses bad input naming the field, before storing anything, and an unknown user with 404', async () => {
    const refusals: [unknown, RegExp][] = [
      [{ role: 'agent' }, /"message":"agentId: required for the role agent"/],
      [{ agentId: 'a-sara' }, /"message":"agentId: only for the role agent, not supervisor"/],
      [{ tenant: 'nowhere' }, /"message":"tenant: no tenant nowhere"/],
      [{ role: 'root' }, /"path":"\/role"/],
      [{ scope: { queues: 'sales', teams: [] } }, /"path":"\/scope\/queues"/],
      [{ agentId: '' }, /"path":"\/agentId"/],
      [{ password: PASSWORD }, /"path":"\/password"/],
      [{}, /"error":"invalid_request"/],
    ];
    for (const [body, message] of refusals) {
      const refused = await update('admin', 'sara', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(await refused.json()), JSON.stringify(body)).toMatch(message);
    }
    expect(await userOf('sara')).toEqual({ username: 'sara', role: 'supervisor', scope: WHOLE, tenant: 'default' });
    expect((await as('sara', '/api/v1/session')).status).toBe(200);

    const unknown = await update('admin', 'nobody', { role: 'viewer' });
    expect(unknown.status).toBe(404);
    expect(await messageOf(unknown)).toMatch(/^username:/);
    expect((await update('sara', 'vera', { role: 'admin' })).status).toBe(403);
  });

  it("keeps a tenant's administrator to its own tenant's users and its own reach", async () => {
    // Another tenant's user is as unknown as one that does not exist.
    expect((await update('ana', 'bea', { role: 'viewer' })).status).toBe(404);
    expect((await update('ana', 'sara', { role: 'viewer' })).status).toBe(404);
    const moved = await update('ana', 'anna', { tenant: 'beta' });
    expect(moved.status).toBe(403);
    expect(await messageOf(moved)).toMatch(/^tenant:/);
    expect((await update('ana', 'anna', { role: 'viewer', scope: { queues: ['acme-care'], teams: [] } })).status).toBe(200);

    // A scoped administrator: nobody beyond its scope, nor anyone raised past it.
    const wider = await update('ada', 'sam', { scope: { queues: ['acme-sales', 'acme-care'], teams: [] } });
    expect(wider.status).toBe(403);
    expect(await messageOf(wider)).toMatch(/^scope\/queues: outside your scope: acme-care/);
    const beyond = await update('ada', 'anna', { role: 'supervisor' });
    expect(beyond.status).toBe(403);
    expect(await messageOf(beyond)).toMatch(/^username:/);
    expect((await as('sam', '/api/v1/session')).status).toBe(200);
    expect((await update('ada', 'sam', { role: 'supervisor' })).status).toBe(200);
    expect(await userOf('sam')).toEqual({ username: 'sam', role: 'supervisor', scope: { queues: ['acme-sales'], teams: [] }, tenant: 'acme' });
    expect((await as('sam', '/api/v1/session')).status).toBe(401);
    expect(await userOf('bea')).toEqual({ username: 'bea', role: 'supervisor', scope: WHOLE, tenant: 'beta' });

    // The installation's own administrator moves a user to another tenant.
    expect(await (await update('admin', 'anna', { tenant: 'beta', scope: WHOLE })).json()).toMatchObject({ tenant: 'beta', scope: WHOLE });
  });
});
