import { describe, expect, it } from 'vitest';
import type { Alert } from '@plancia/contracts';
import { backends, startTestServer, useServer } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { asPage, firstLiveMessage, login, socketIoBoard } from './session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const whole = { queues: [], teams: [] };

describe.each(backends)('users, sessions and roles on $name', (backend) => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' }, backend);
  const cookies: Record<string, string> = {};
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);

  it('creates the user admin from PLANCIA_ADMIN_PASSWORD and logs it in with an HttpOnly, SameSite=Strict cookie', async () => {
    const admin = await login(server().url, 'admin', ADMIN_PASSWORD);
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ username: 'admin', role: 'admin' });
    expect(admin.setCookie).toMatch(/^plancia_session=[A-Za-z0-9_-]{43};/);
    expect(admin.setCookie).toMatch(/; HttpOnly/);
    expect(admin.setCookie).toMatch(/; SameSite=Strict/);
    expect(admin.setCookie).toMatch(/; Path=\//);
    expect(admin.setCookie).not.toMatch(/Secure/);
    cookies.admin = admin.cookie;
    const me = await as('admin', '/api/v1/session');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'admin', role: 'admin' });
  });

  it('marks the cookie Secure when a proxy says the request came over TLS', async () => {
    const behindTls = await login(server().url, 'admin', ADMIN_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(behindTls.setCookie).toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown username alike, with 401', async () => {
    const wrongPassword = await login(server().url, 'admin', 'not-the-password');
    const unknownUser = await login(server().url, 'nobody', ADMIN_PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownUser.body);
    expect(wrongPassword.setCookie).toBe('');
    const metrics = await (await fetch(`${server().url}/metrics`)).text();
    expect(metrics).toMatch(/^plancia_login_failures_total 2$/m);
  });

  it('refuses an anonymous board once a user exists, and opens it to the session', async () => {
    expect((await fetch(`${server().url}/api/v1/snapshot`)).status).toBe(401);
    expect((await as('admin', '/api/v1/snapshot')).status).toBe(200);
    expect((await fetch(`${server().url}/api/v1/session`)).status).toBe(401);
  });

  it('lets an administrator create users: 201, 409 on a taken name, 400 naming the field', async () => {
    const created = await as('admin', '/api/v1/users', 'POST', { username: 'vera', password: PASSWORD, role: 'viewer', scope: { queues: ['sales'], teams: [] } });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ username: 'vera', role: 'viewer', scope: { queues: ['sales'], teams: [] }, tenant: 'default' });
    expect((await as('admin', '/api/v1/users', 'POST', { username: 'sara', password: PASSWORD, role: 'supervisor', scope: whole })).status).toBe(201);
    expect((await as('admin', '/api/v1/users', 'POST', { username: 'vera', password: PASSWORD, role: 'admin', scope: whole })).status).toBe(409);
    const short = await as('admin', '/api/v1/users', 'POST', { username: 'tom', password: 'short', role: 'viewer', scope: whole });
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toContain('/password');
    const badRole = await as('admin', '/api/v1/users', 'POST', { username: 'tom', password: PASSWORD, role: 'root', scope: whole });
    expect(badRole.status).toBe(400);
    expect(JSON.stringify(await badRole.json())).toContain('/role');
    const listed = (await (await as('admin', '/api/v1/users')).json()) as { users: Record<string, unknown>[] };
    expect(listed.users.map((u) => u.username)).toEqual(['admin', 'sara', 'vera']);
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|passwordHash|password_hash/);
    for (const who of ['vera', 'sara']) cookies[who] = (await login(server().url, who, PASSWORD)).cookie;
  });

  it('refuses each role what it may not do', async () => {
    const queue = (who: string) => as(who, '/api/v1/queues/roles-test', 'PUT', { name: 'Roles test' });
    const user = (who: string) => as(who, '/api/v1/users', 'POST', { username: `by-${who}`, password: PASSWORD, role: 'viewer' });
    // An alert that does not exist: 404 once through the door, 403 at it.
    const acknowledge = (who: string) => as(who, '/api/v1/alerts/no-such-alert/acknowledge', 'POST', {});
    expect((await as('vera', '/api/v1/snapshot')).status).toBe(200);
    expect((await acknowledge('vera')).status).toBe(403);
    expect((await queue('vera')).status).toBe(403);
    expect((await user('vera')).status).toBe(403);
    expect((await as('vera', '/api/v1/users')).status).toBe(403);
    expect((await as('sara', '/api/v1/snapshot')).status).toBe(200);
    expect((await acknowledge('sara')).status).toBe(404);
    expect((await queue('sara')).status).toBe(403);
    expect((await user('sara')).status).toBe(403);
    expect((await acknowledge('admin')).status).toBe(404);
    expect((await queue('admin')).status).toBe(200);
    expect((await user('admin')).status).toBe(201);
  });

  it('records a supervisor\'s acknowledgement under their name, not a typed one', async () => {
    expect((await postEvents(server().url, JSON.stringify([queued('w-ack', 'sales', Date.now() - 600_000)]))).status).toBe(202);
    let alert: Alert | undefined;
    for (let i = 0; i < 50 && !alert; i += 1) {
      const snapshot = (await (await as('sara', '/api/v1/snapshot')).json()) as { alerts: Alert[] };
      alert = snapshot.alerts.find((a) => a.ruleId === 'sales:longest-wait');
      if (!alert) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(alert).toBeDefined();
    const acknowledged = await as('sara', `/api/v1/alerts/${encodeURIComponent(alert!.id)}/acknowledge`, 'POST', { by: 'someone else', note: 'on it' });
    expect(acknowledged.status).toBe(200);
    expect(await acknowledged.json()).toMatchObject({ alert: { acknowledgedBy: 'sara', note: 'on it' } });
  });

  it('lets the session cookie in on the plain live feed and on socket.io, and nobody without it', async () => {
    expect(await firstLiveMessage(server().wsUrl, { cookie: cookies.vera! })).toEqual({ status: 101, type: 'snapshot' });
    expect(await firstLiveMessage(server().wsUrl, {})).toEqual({ status: 401 });
    const board = socketIoBoard(server().url, { cookie: cookies.vera! });
    expect(await board.first).toEqual({ snapshot: true });
    const refused = await board.socket.timeout(5_000).emitWithAck('acknowledgeAlert', { alertId: 'no-such-alert' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^forbidden: /) as unknown });
    board.socket.close();
    const supervisor = socketIoBoard(server().url, { cookie: cookies.sara! });
    expect(await supervisor.first).toEqual({ snapshot: true });
    const heard = await supervisor.socket.timeout(5_000).emitWithAck('acknowledgeAlert', { alertId: 'no-such-alert' });
    expect(heard).toEqual({ ok: false, error: 'alertId: no active alert no-such-alert' });
    supervisor.socket.close();
    const anonymous = socketIoBoard(server().url, {});
    expect(await anonymous.first).toMatchObject({ error: expect.stringMatching(/^unauthorized: /) as unknown });
    anonymous.socket.close();
  });

  it('refuses a change made with the session cookie from another site, or without saying where from', async () => {
    const body = JSON.stringify({ username: 'csrf', password: PASSWORD, role: 'admin', scope: whole });
    const post = (headers: Record<string, string>) =>
      fetch(`${server().url}/api/v1/users`, { method: 'POST', headers: { cookie: cookies.admin!, 'content-type': 'application/json', ...headers }, body });
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await as('admin', '/api/v1/users')).status).toBe(200);
    const users = (await (await as('admin', '/api/v1/users')).json()) as { users: { username: string }[] };
    expect(users.users.map((u) => u.username)).not.toContain('csrf');
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });

  it('ends the session on logout', async () => {
    const extra = await login(server().url, 'vera', PASSWORD);
    expect((await asPage(server().url, '/api/v1/session', extra.cookie, 'DELETE')).status).toBe(204);
    expect((await asPage(server().url, '/api/v1/session', extra.cookie)).status).toBe(401);
    expect((await asPage(server().url, '/api/v1/snapshot', extra.cookie)).status).toBe(401);
    expect(await firstLiveMessage(server().wsUrl, { cookie: extra.cookie })).toEqual({ status: 401 });
    // Only that session: vera's other one still works.
    expect((await as('vera', '/api/v1/snapshot')).status).toBe(200);
  });

  it('deletes a user and ends their sessions', async () => {
    expect((await as('admin', '/api/v1/users/vera', 'DELETE')).status).toBe(204);
    expect((await as('admin', '/api/v1/users/vera', 'DELETE')).status).toBe(404);
    expect((await as('vera', '/api/v1/snapshot')).status).toBe(401);
  });

  it('writes logins, failures, logouts and user changes to the audit log with the user', async () => {
    const entries = (await (await as('admin', '/api/v1/audit?limit=1000')).json()) as { actor: string; action: string; resource: string }[];
    const seen = entries.map((e) => `${e.actor} ${e.action} ${e.resource}`);
    expect(seen).toContain('user:admin session.login users/admin');
    expect(seen).toContain('client:127.0.0.1 session.login_failed users/nobody');
    expect(seen).toContain('user:admin user.create users/vera');
    expect(seen).toContain('user:vera session.logout users/vera');
    expect(seen).toContain('user:admin user.delete users/vera');
    expect(seen).toContain('user:admin queues.put queues/roles-test');
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });

  it('sends a Content-Security-Policy without inline scripts, and the other security headers', async () => {
    const response = await fetch(`${server().url}/api/v1/session`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // TLS is the terminating proxy's business: no HSTS from the server itself.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('a fresh install without users or tokens', () => {
  const server = useServer();

  it('keeps the board open to everyone, and nobody is signed in', async () => {
    expect((await fetch(`${server().url}/api/v1/snapshot`)).status).toBe(200);
    expect((await fetch(`${server().url}/api/v1/session`)).status).toBe(401);
    const board = socketIoBoard(server().url, {});
    expect(await board.first).toEqual({ snapshot: true });
    board.socket.close();
  });
  it('declares the session and user routes in the OpenAPI document', async () => {
    const { paths } = (await (await fetch(`${server().url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(paths['/api/v1/session'] ?? {}).sort()).toEqual(['delete', 'get', 'post']);
    expect(Object.keys(paths['/api/v1/users'] ?? {}).sort()).toEqual(['get', 'post']);
    const user = paths['/api/v1/users/{username}'] ?? {};
    expect(Object.keys(user).sort()).toEqual(['delete', 'patch']);
    // The change's body is the contract's: every field optional.
    const patch = user.patch as { requestBody: { content: Record<string, { schema: { properties: object; required?: string[] } }> } };
    const body = patch.requestBody.content['application/json']!.schema;
    expect(Object.keys(body.properties).sort()).toEqual(['agentId', 'role', 'scope', 'tenant']);
    expect(body.required ?? []).toEqual([]);
  });
});

describe('rate limits and frame ancestors', () => {
  const server = useServer({
    PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '3', PLANCIA_INGEST_RATE_LIMIT: '2',
    PLANCIA_FRAME_ANCESTORS: "'self',https://kiosk.example",
  });

  it('answers 429 to a client after PLANCIA_LOGIN_RATE_LIMIT attempts a minute, even with the right password', async () => {
    const failures = await Promise.all([1, 2, 3].map(() => login(server().url, 'admin', 'wrong-password-1')));
    expect(failures.map((f) => f.status)).toEqual([401, 401, 401]);
    const limited = await fetch(`${server().url}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits bearer ingest per client with PLANCIA_INGEST_RATE_LIMIT', async () => {
    const statuses = [];
    for (const id of ['r1', 'r2', 'r3']) statuses.push((await postEvents(server().url, JSON.stringify([queued(id)]))).status);
    expect(statuses).toEqual([202, 202, 429]);
  });

  it('lets the configured sites frame the board', async () => {
    const response = await fetch(`${server().url}/api/v1/session`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://kiosk.example");
    expect(response.headers.get('x-frame-options')).toBeNull();
  });
});

describe('PLANCIA_ADMIN_PASSWORD at a restart', () => {
  it('keeps admin and its sessions when the password is the same, resets both when it changes', async () => {
    const database = await backends[0]!.create();
    try {
      const first = await startTestServer(database, { PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
      const before = await login(first.url, 'admin', ADMIN_PASSWORD);
      expect(before.status).toBe(200);
      await first.stop();
      const same = await startTestServer(database, { PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
      try {
        expect((await asPage(same.url, '/api/v1/session', before.cookie)).status).toBe(200);
      } finally {
        await same.stop();
      }
      const second = await startTestServer(database, { PLANCIA_ADMIN_PASSWORD: 'a-new-admin-password' });
      try {
        expect((await login(second.url, 'admin', ADMIN_PASSWORD)).status).toBe(401);
        expect((await login(second.url, 'admin', 'a-new-admin-password')).status).toBe(200);
        expect((await asPage(second.url, '/api/v1/session', before.cookie)).status).toBe(401);
        // Users stay after a start without the variable: the board stays closed to anonymous viewers.
      } finally {
        await second.stop();
      }
      const third = await startTestServer(database, {});
      try {
        expect((await fetch(`${third.url}/api/v1/snapshot`)).status).toBe(401);
        expect((await login(third.url, 'admin', 'a-new-admin-password')).status).toBe(200);
      } finally {
        await third.stop();
      }
    } finally {
      await database.dispose();
    }
  });
});
