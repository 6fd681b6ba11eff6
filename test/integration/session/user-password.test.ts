import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@plancia/contracts';
import { backends, useServer } from '../helpers/plancia-server.js';
import { asPage, login } from './session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const NEW_PASSWORD = 'another-long-password-7';

describe.each(backends)('passwords on $name', (backend) => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' }, backend);
  const cookies: Record<string, string> = {};
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  const setPassword = (who: string, username: string, body: unknown) => as(who, `/api/v1/users/${username}/password`, 'PUT', body);
  const signIn = async (who: string, username: string, password: string) => {
    const session = await login(server().url, username, password);
    expect(session.status).toBe(200);
    cookies[who] = session.cookie;
  };
  const messageOf = async (response: Response) => ((await response.json()) as { message: string }).message;

  it('has an administrator create the users of the test', async () => {
    await signIn('admin', 'admin', ADMIN_PASSWORD);
    const users = [
      { username: 'vera', role: 'viewer', scope: { queues: ['sales'], teams: [] } },
      { username: 'bob', role: 'viewer', scope: { queues: ['support'], teams: [] } },
      { username: 'sara', role: 'supervisor', scope: { queues: [], teams: [] } },
      { username: 'ada', role: 'admin', scope: { queues: ['sales'], teams: [] } },
    ];
    for (const user of users) expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
  });

  it("changes one's own password only with the current one, ends the other sessions and keeps this browser signed in", async () => {
    await signIn('vera', 'vera', PASSWORD);
    await signIn('veraElsewhere', 'vera', PASSWORD);

    const missing = await setPassword('vera', 'vera', { password: NEW_PASSWORD });
    expect(missing.status).toBe(400);
    expect(await messageOf(missing)).toMatch(/^currentPassword:/);
    const wrong = await setPassword('vera', 'vera', { password: NEW_PASSWORD, currentPassword: 'not-the-password' });
    expect(wrong.status).toBe(403);
    expect(await messageOf(wrong)).toMatch(/^currentPassword:/);
    const tooShort = await setPassword('vera', 'vera', { password: 'short', currentPassword: PASSWORD });
    expect(tooShort.status).toBe(400);

    const changed = await setPassword('vera', 'vera', { password: NEW_PASSWORD, currentPassword: PASSWORD });
    expect(changed.status).toBe(204);
    const renewed = changed.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(renewed).not.toBe(cookies.vera);
    expect((await asPage(server().url, '/api/v1/session', renewed)).status).toBe(200);
    expect((await as('vera', '/api/v1/session')).status).toBe(401);
    expect((await as('veraElsewhere', '/api/v1/session')).status).toBe(401);
    expect((await login(server().url, 'vera', PASSWORD)).status).toBe(401);
    expect((await login(server().url, 'vera', NEW_PASSWORD)).status).toBe(200);
    cookies.vera = renewed;
  });

  it("refuses another user's password to anyone but an administrator who manages that user", async () => {
    expect((await setPassword('vera', 'sara', { password: NEW_PASSWORD })).status).toBe(403);
    await signIn('ada', 'ada', PASSWORD);
    // A scoped administrator: a user within its scope, not one of another queue or of the whole tenant.
    await signIn('bob', 'bob', PASSWORD);
    expect((await setPassword('ada', 'vera', { password: PASSWORD })).status).toBe(204);
    const outside = await setPassword('ada', 'bob', { password: NEW_PASSWORD });
    expect(outside.status).toBe(403);
    expect(await messageOf(outside)).toMatch(/^username:/);
    expect((await setPassword('ada', 'sara', { password: NEW_PASSWORD })).status).toBe(403);
    expect((await as('ada', '/api/v1/users/sara', 'DELETE')).status).toBe(403);
    expect((await as('bob', '/api/v1/session')).status).toBe(200);
    expect((await setPassword('admin', 'nobody', { password: NEW_PASSWORD })).status).toBe(404);

    // The administrator's reset ended vera's sessions; the new password opens a new one.
    expect((await as('vera', '/api/v1/session')).status).toBe(401);
    expect((await login(server().url, 'vera', PASSWORD)).status).toBe(200);
  });

  it('writes every change and the refused attempt to the audit log, never a password', async () => {
    const response = await as('admin', '/api/v1/audit?limit=1000');
    const entries = (await response.json()) as AuditEntry[];
    const about = (action: string) => entries.filter((entry) => entry.action === action).map((entry) => [entry.actor, entry.resource]);
    expect(about('user.password_change')).toEqual([['user:vera', 'users/vera']]);
    expect(about('user.password_change_failed')).toEqual([['user:vera', 'users/vera']]);
    expect(about('user.password_reset')).toEqual([['user:ada', 'users/vera']]);
    const text = JSON.stringify(entries);
    for (const secret of [PASSWORD, NEW_PASSWORD]) expect(text).not.toContain(secret);
  });
});
