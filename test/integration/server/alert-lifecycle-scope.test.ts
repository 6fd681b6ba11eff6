import { describe, expect, it } from 'vitest';
import type { Alert, Silence } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { asPage, login } from '../session/session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const RULE = 'sales:longest-wait';

describe('the alert lifecycle obeys roles and scopes', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' });
  const cookies: Record<string, string> = {};
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  let alert: Alert;

  it('sets up a supervisor of support only, a viewer and an alert on sales', async () => {
    cookies.admin = (await login(server().url, 'admin', ADMIN_PASSWORD)).cookie;
    const users = [
      { username: 'sam', role: 'supervisor', scope: { queues: ['support'], teams: [] } },
      { username: 'sara', role: 'supervisor' },
      { username: 'vera', role: 'viewer' },
    ];
    for (const user of users) {
      expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
      cookies[user.username] = (await login(server().url, user.username, PASSWORD)).cookie;
    }
    expect((await postEvents(server().url, JSON.stringify([queued('w1', 'sales', Date.now() - 600_000)]))).status).toBe(202);
    for (let i = 0; i < 50 && !alert; i += 1) {
      const snapshot = (await (await as('sara', '/api/v1/snapshot')).json()) as { alerts: Alert[] };
      alert = snapshot.alerts.find((a) => a.ruleId === RULE)!;
      if (!alert) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(alert).toBeDefined();
  });

  it('an alert outside the scope is unknown to its actions and its history; a silence outside it is 403', async () => {
    const path = `/api/v1/alerts/${encodeURIComponent(alert.id)}`;
    for (const [action, body] of [['assign', {}], ['resolve', {}], ['comments', { text: 'x' }]] as const) {
      expect((await as('sam', `${path}/${action}`, 'POST', body)).status, action).toBe(404);
    }
    const listed = (await (await as('sam', '/api/v1/alerts')).json()) as { alerts: Alert[] };
    expect(listed.alerts.filter((a) => a.scope.id === 'sales')).toEqual([]);
    expect((await as('sam', '/api/v1/silences', 'POST', { match: { queueId: 'sales' }, endsAt: new Date(Date.now() + 60_000).toISOString(), reason: 'r' })).status).toBe(403);
    expect((await as('sam', '/api/v1/silences', 'POST', { match: { severity: 'critical' }, endsAt: new Date(Date.now() + 60_000).toISOString(), reason: 'r' })).status).toBe(403);
  });

  it('a viewer reads but does not act; a supervisor assigns only to a user who may act on the alert (the assignees offered), and every action is audited', async () => {
    const path = `/api/v1/alerts/${encodeURIComponent(alert.id)}`;
    expect((await as('vera', '/api/v1/alerts')).status).toBe(200);
    expect((await as('vera', `${path}/assign`, 'POST', {})).status).toBe(403);
    const unknown = await as('sara', `${path}/assign`, 'POST', { to: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/^to: /);
    const offered = (await (await as('sara', `${path}/assignees`)).json()) as { assignees: { username: string }[] };
    expect(offered.assignees.map((a) => a.username)).toEqual(['admin', 'sara']);
    expect((await as('sam', `${path}/assignees`)).status).toBe(404);
    expect((await as('vera', `${path}/assignees`)).status).toBe(403);
    for (const outsider of ['sam', 'vera']) {
      const refused = await as('sara', `${path}/assign`, 'POST', { to: outsider });
      expect(refused.status, outsider).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toMatch(new RegExp(`^to: ${outsider} may not act`));
    }
    const assigned = await as('sara', `${path}/assign`, 'POST', { to: 'admin' });
    expect(assigned.status).toBe(200);
    expect(((await assigned.json()) as { alert: Alert }).alert).toMatchObject({ assignedTo: 'admin', acknowledgedBy: 'sara' });
    const created = await as('sara', '/api/v1/silences', 'POST', { match: { queueId: 'sales' }, endsAt: new Date(Date.now() + 60_000).toISOString(), reason: 'drill' });
    expect(created.status).toBe(201);
    const silence = (await created.json()) as Silence;
    expect((await as('sam', `/api/v1/silences/${silence.id}`, 'DELETE')).status).toBe(404);
    expect(((await (await as('sam', '/api/v1/silences')).json()) as { silences: Silence[] }).silences).toEqual([]);
    const audit = (await (await as('admin', '/api/v1/audit?limit=50')).json()) as { action: string }[];
    const actions = audit.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['alert.assign', 'silence.create']));
  });
});
