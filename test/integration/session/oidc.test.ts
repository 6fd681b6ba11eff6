import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestServer, useServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { asPage, login } from './session-client.js';
import { CLIENT_ID, CLIENT_SECRET, FlowBrowser, TestProvider, signInThroughProvider } from './oidc-provider.js';

const ADMIN_PASSWORD = 'admin-password-0123';

/** The local administrator and the provider's client: what every suite here shares. */
const providerEnv = (idp: TestProvider) => ({
  PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD,
  PLANCIA_LOGIN_RATE_LIMIT: '1000',
  PLANCIA_OIDC_ISSUER: idp.issuer,
  PLANCIA_OIDC_CLIENT_ID: CLIENT_ID,
  PLANCIA_OIDC_CLIENT_SECRET: CLIENT_SECRET,
  PLANCIA_OIDC_SCOPES: 'openid profile groups plancia',
});

describe('signing in through a real OpenID Connect provider', () => {
  let idp: TestProvider;
  let database: TestDatabase;
  let server: TestServer;
  let adminCookie: string;

  beforeAll(async () => {
    idp = await TestProvider.listen();
    database = await backends[0]!.create();
    server = await startTestServer(database, {
      ...providerEnv(idp),
      PLANCIA_OIDC_ROLE_MAP: 'plancia-admins=admin,plancia-supervisors=supervisor,plancia-viewers=viewer',
      PLANCIA_OIDC_NAME: 'Test ID',
    });
    // No PLANCIA_OIDC_REDIRECT_URL nor PLANCIA_PUBLIC_URL: the callback on the address the browser used.
    idp.serve(`${server.url}/api/v1/session/oidc/callback`);
    idp.accounts.set('sub-vera', { preferred_username: 'vera', groups: ['staff', 'plancia-viewers'] });
    idp.accounts.set('sub-sara', { preferred_username: 'sara', groups: ['plancia-viewers', 'plancia-supervisors'], plancia_queues: ['sales'], plancia_teams: ['north'] });
    idp.accounts.set('sub-mallory', { preferred_username: 'mallory', groups: ['staff'] });
    idp.accounts.set('sub-admin', { preferred_username: 'admin', groups: ['plancia-admins'] });
    adminCookie = (await login(server.url, 'admin', ADMIN_PASSWORD)).cookie;
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
    await database?.dispose();
  });

  it('names the provider for the login page', async () => {
    const response = await fetch(`${server.url}/api/v1/session/oidc`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'Test ID', loginUrl: '/api/v1/session/oidc/login' });
  });

  it('sends the browser to the provider with PKCE, state and nonce, kept in a signed HttpOnly Lax cookie', async () => {
    const browser = new FlowBrowser();
    const response = await browser.get(`${server.url}/api/v1/session/oidc/login`);
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location')!);
    expect(target.origin).toBe(idp.issuer);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      client_id: CLIENT_ID, response_type: 'code', code_challenge_method: 'S256', scope: 'openid profile groups plancia',
      redirect_uri: `${server.url}/api/v1/session/oidc/callback`,
    });
    expect(target.searchParams.get('state')).toMatch(/.{20,}/);
    expect(target.searchParams.get('nonce')).toMatch(/.{20,}/);
    const transaction = browser.setCookies.get('plancia_oidc') ?? '';
    expect(transaction).toMatch(/HttpOnly/);
    expect(transaction).toMatch(/SameSite=Lax/);
    expect(transaction).toMatch(/Path=\/api\/v1\/session\/oidc\/callback/);
    expect(transaction).not.toContain(target.searchParams.get('code_challenge')!);
  });

  it('signs a viewer in with the same session cookie as a password login, and refuses them an admin route', async () => {
    const browser = new FlowBrowser();
    const landing = await signInThroughProvider(browser, server.url, 'sub-vera');
    expect(landing.pathname + landing.search).toBe('/');
    expect(browser.setCookies.get('plancia_session')).toMatch(/^plancia_session=[A-Za-z0-9_-]{43}; .*HttpOnly; SameSite=Strict/);
    expect(browser.jar.has('plancia_oidc')).toBe(false);
    const cookie = browser.cookie('plancia_session')!;
    const me = await asPage(server.url, '/api/v1/session', cookie);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'vera', role: 'viewer' });
    expect((await asPage(server.url, '/api/v1/snapshot', cookie)).status).toBe(200);
    expect((await asPage(server.url, '/api/v1/users', cookie)).status).toBe(403);
    expect((await asPage(server.url, '/api/v1/queues/oidc-test', cookie, 'PUT', { name: 'OIDC test' })).status).toBe(403);
  });

  it('gives the highest role the groups map to, and the scope of the queue and team claims', async () => {
    const browser = new FlowBrowser();
    await signInThroughProvider(browser, server.url, 'sub-sara');
    const me = (await (await asPage(server.url, '/api/v1/session', browser.cookie('plancia_session')!)).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ username: 'sara', role: 'supervisor', scope: { queues: ['sales'], teams: ['north'] }, tenant: 'default' });
    const users = (await (await asPage(server.url, '/api/v1/users', adminCookie)).json()) as { users: { username: string; role: string }[] };
    expect(users.users).toContainEqual(expect.objectContaining({ username: 'sara', role: 'supervisor' }));
  });

  it('follows the provider at the next login: a person moved to another group gets the new role', async () => {
    idp.accounts.set('sub-vera', { preferred_username: 'vera', groups: ['plancia-supervisors'] });
    const browser = new FlowBrowser();
    await signInThroughProvider(browser, server.url, 'sub-vera');
    const me = await asPage(server.url, '/api/v1/session', browser.cookie('plancia_session')!);
    expect(await me.json()).toMatchObject({ username: 'vera', role: 'supervisor' });
  });

  it('refuses a person whose groups map to no role, with a reason for the login page and no session', async () => {
    const browser = new FlowBrowser();
    const landing = await signInThroughProvider(browser, server.url, 'sub-mallory');
    expect(landing.pathname + landing.search).toBe('/?login_error=no_role');
    expect(browser.jar.has('plancia_session')).toBe(false);
    const users = (await (await asPage(server.url, '/api/v1/users', adminCookie)).json()) as { users: { username: string }[] };
    expect(users.users.map((u) => u.username)).not.toContain('mallory');
  });

  it('refuses a tampered state, and a way back without the transaction cookie', async () => {
    const tampered = new FlowBrowser();
    const landing = await signInThroughProvider(tampered, server.url, 'sub-vera', (url) => {
      url.searchParams.set('state', `${url.searchParams.get('state')!}x`);
      return url;
    });
    expect(landing.pathname + landing.search).toBe('/?login_error=state_mismatch');
    expect(tampered.jar.has('plancia_session')).toBe(false);

    const forgetful = new FlowBrowser();
    const expired = await signInThroughProvider(forgetful, server.url, 'sub-vera', (url) => {
      forgetful.jar.delete('plancia_oidc');
      return url;
    });
    expect(expired.pathname + expired.search).toBe('/?login_error=expired');
    expect(forgetful.jar.has('plancia_session')).toBe(false);
  });

  it('never lets a provider\'s person take over a local user of the same name', async () => {
    const browser = new FlowBrowser();
    const landing = await signInThroughProvider(browser, server.url, 'sub-admin');
    expect(landing.search).toBe('?login_error=local_account');
    expect(browser.jar.has('plancia_session')).toBe(false);
    expect((await login(server.url, 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('writes logins through the provider and their refusals to the audit log', async () => {
    type Entry = { actor: string; action: string; resource: string; after: unknown };
    const entries = (await (await asPage(server.url, '/api/v1/audit?limit=1000', adminCookie)).json()) as Entry[];
    const find = (actor: string, action: string, resource: string) => entries.filter((e) => e.actor === actor && e.action === action && e.resource === resource).map((e) => e.after);
    expect(find('user:vera', 'session.login', 'users/vera')).toContainEqual({ method: 'oidc' });
    expect(find(`oidc:${idp.issuer}`, 'user.create', 'users/sara')).toEqual([
      { username: 'sara', role: 'supervisor', scope: { queues: ['sales'], teams: ['north'] }, tenant: 'default' },
    ]);
    expect(find(`oidc:${idp.issuer}`, 'user.update', 'users/vera')).toEqual([{ username: 'vera', role: 'supervisor', scope: { queues: [], teams: [] }, tenant: 'default' }]);
    expect(find('client:127.0.0.1', 'session.login_failed', 'users/mallory')).toEqual([{ method: 'oidc', reason: 'no_role' }]);
    expect(find('client:127.0.0.1', 'session.login_failed', 'users/(unknown)')).toEqual(expect.arrayContaining([
      { method: 'oidc', reason: 'state_mismatch' }, { method: 'oidc', reason: 'expired' },
    ]));
    expect(find('client:127.0.0.1', 'session.login_failed', 'users/admin')).toEqual([{ method: 'oidc', reason: 'local_account' }]);
  });
});

describe('people of a tenant named by a claim', () => {
  let idp: TestProvider;
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    idp = await TestProvider.listen();
    database = await backends[0]!.create();
    server = await startTestServer(database, {
      ...providerEnv(idp),
      PLANCIA_OIDC_ROLE_MAP: '*=viewer',
      PLANCIA_OIDC_TENANT_CLAIM: 'plancia_tenant',
      PLANCIA_OIDC_USERNAME_PREFIX: 'sso-',
    });
    idp.serve(`${server.url}/api/v1/session/oidc/callback`);
    idp.accounts.set('sub-ann', { preferred_username: 'ann', plancia_tenant: 'acme' });
    idp.accounts.set('sub-bob', { preferred_username: 'bob', plancia_tenant: 'nowhere' });
    idp.accounts.set('sub-cy', { preferred_username: 'cy' });
    const admin = (await login(server.url, 'admin', ADMIN_PASSWORD)).cookie;
    const created = await asPage(server.url, '/api/v1/tenants/acme', admin, 'PUT', { name: 'Acme', queues: ['acme-sales'], teams: [], privacy: { agentDetail: 'off' } });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
    await database?.dispose();
  });

  it('puts a person in the tenant of the claim, and refuses one of an unknown tenant or without the claim', async () => {
    const ann = new FlowBrowser();
    await signInThroughProvider(ann, server.url, 'sub-ann');
    const me = await asPage(server.url, '/api/v1/session', ann.cookie('plancia_session')!);
    expect(await me.json()).toMatchObject({ username: 'sso-ann', role: 'viewer', tenant: 'acme' });
    for (const [account, reason] of [['sub-bob', 'no_tenant'], ['sub-cy', 'no_tenant']] as const) {
      const browser = new FlowBrowser();
      expect((await signInThroughProvider(browser, server.url, account)).search).toBe(`?login_error=${reason}`);
      expect(browser.jar.has('plancia_session')).toBe(false);
    }
  });
});

describe('a server without OpenID Connect', () => {
  const server = useServer();

  it('answers 404 to the login page asking for a provider', async () => {
    expect((await fetch(`${server().url}/api/v1/session/oidc`)).status).toBe(404);
    expect((await fetch(`${server().url}/api/v1/session/oidc/login`, { redirect: 'manual' })).status).toBe(404);
  });
});
