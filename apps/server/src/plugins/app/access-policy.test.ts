import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import configPlugin from '../infrastructure/config.js';
import accessPlugin, { socketIoGate } from './access.js';
import { createAccessPolicy, offeredToken, type Role } from './access-policy.js';

const INGEST = 'ingest-token-0123456789';
const VIEW = 'viewer-token-0123456789';
const ADMIN = 'admin-token-0123456789';
const HOST = 'localhost:8080';
const ROLES: Role[] = ['ingest', 'view', 'admin'];

interface Case {
  name: string;
  role: Role;
  headers?: Record<string, string>;
  /** The query string, `?…`, or nothing. */
  query?: string;
  remoteAddress?: string;
  expected: { status: 200 } | { status: 401; error: 'unauthorized' } | { status: 403; error: 'forbidden' };
}
type Outcome = { status: number; error?: string; message?: string };

/** The application's own plugins: HTTP routes guarded by its hooks, as the server registers them. */
async function serverWith(env: Record<string, string>): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(configPlugin, { config: loadConfig(env) });
  await app.register(accessPlugin);
  for (const role of ROLES) {
    app.post(`/http/${role}`, { onRequest: app.requireRole(role) }, async () => ({}));
    app.get(`/socket/${role}`, { preValidation: app.requireSocket(role) }, async () => ({}));
  }
  await app.ready();
  return app;
}

async function throughHttp(app: FastifyInstance, method: 'POST' | 'GET', path: string, c: Case): Promise<Outcome> {
  const response = await app.inject({
    method, url: `${path}${c.query ?? ''}`, headers: { host: HOST, ...c.headers }, remoteAddress: c.remoteAddress ?? '127.0.0.1',
  });
  if (response.statusCode === 200) return { status: 200 };
  if (response.statusCode === 401) expect(response.headers['www-authenticate']).toBe('Bearer');
  const body = response.json<{ error: string; message: string }>();
  return { status: response.statusCode, error: body.error, message: body.message };
}

/** The socket.io door as socket.io calls it: the handshake's HTTP request and its `auth`. */
function throughSocketIo(app: FastifyInstance, c: Case, auth: object = {}): Outcome {
  let refusal: Error | undefined;
  const request = {
    headers: { host: HOST, ...c.headers },
    url: `/socket.io/?EIO=4&transport=websocket${c.query ? `&${c.query.slice(1)}` : ''}`,
    socket: { remoteAddress: c.remoteAddress ?? '127.0.0.1' },
  };
  socketIoGate(app.access, c.role)({ request, handshake: { auth }, data: {} }, (error) => { refusal = error; });
  if (refusal === undefined) return { status: 200 };
  const [error = '', message] = refusal.message.split(/: (.*)/s);
  return { status: error === 'unauthorized' ? 401 : 403, error, message };
}

/** Every door must give every case the same answer: a state-changing HTTP route, a WebSocket route, socket.io. */
function expectSameAtEveryDoor(app: () => FastifyInstance, cases: Case[]) {
  it.each(cases)('$name', async (c) => {
    const outcomes = [
      await throughHttp(app(), 'POST', `/http/${c.role}`, c),
      await throughHttp(app(), 'GET', `/socket/${c.role}`, c),
      throughSocketIo(app(), c),
    ];
    expect(outcomes[0]).toMatchObject(c.expected);
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[2]).toEqual(outcomes[0]);
  });
}

describe('one access policy at every door, with tokens configured', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await serverWith({
      PLANCIA_INGEST_TOKENS: INGEST, PLANCIA_VIEW_TOKENS: VIEW, PLANCIA_ADMIN_TOKENS: ADMIN, PLANCIA_ALLOWED_ORIGINS: 'https://board.example',
    });
  });
  afterAll(() => app.close());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  expectSameAtEveryDoor(() => app, [
    { name: 'ingest token in the Authorization header', role: 'ingest', headers: bearer(INGEST), expected: { status: 200 } },
    { name: 'ingest token as ?token=', role: 'ingest', query: `?token=${INGEST}`, expected: { status: 200 } },
    { name: 'a wrong token', role: 'ingest', headers: bearer('not-the-token-0123456789'), expected: { status: 401, error: 'unauthorized' } },
    { name: 'no token, even from loopback', role: 'ingest', expected: { status: 401, error: 'unauthorized' } },
    { name: 'two ?token= values', role: 'ingest', query: `?token=${INGEST}&token=${INGEST}`, expected: { status: 401, error: 'unauthorized' } },
    { name: 'another role\'s token', role: 'admin', headers: bearer(VIEW), expected: { status: 401, error: 'unauthorized' } },
    { name: 'an administrator may view', role: 'view', headers: bearer(ADMIN), expected: { status: 200 } },
    { name: 'an allowed browser origin', role: 'view', headers: { ...bearer(VIEW), origin: 'https://board.example' }, expected: { status: 200 } },
    { name: 'the server\'s own origin', role: 'view', headers: { ...bearer(VIEW), origin: `http://${HOST}` }, expected: { status: 200 } },
    { name: 'another site, even with a token', role: 'view', headers: { ...bearer(VIEW), origin: 'https://evil.example' }, expected: { status: 403, error: 'forbidden' } },
    { name: 'a foreign origin before a missing token', role: 'ingest', headers: { origin: 'https://evil.example' }, expected: { status: 403, error: 'forbidden' } },
    {
      name: 'an origin that is "ourselves" under a name never given out (DNS rebinding)', role: 'view',
      headers: { ...bearer(VIEW), host: 'rebind.attacker.example:8080', origin: 'http://rebind.attacker.example:8080' },
      expected: { status: 403, error: 'forbidden' },
    },
    { name: 'a browser that omits Origin but says cross-site', role: 'view', headers: { ...bearer(VIEW), 'sec-fetch-site': 'cross-site' }, expected: { status: 403, error: 'forbidden' } },
  ]);

  it('takes socket.io\'s handshake token before the request\'s own', () => {
    const c: Case = { name: 'auth', role: 'view', headers: { authorization: 'Bearer not-the-token-0123456789' }, expected: { status: 200 } };
    expect(throughSocketIo(app, c, { token: VIEW })).toEqual({ status: 200 });
    expect(throughSocketIo(app, { ...c, headers: {} }, { token: 'not-the-token-0123456789' })).toMatchObject({ status: 401 });
    expect(throughSocketIo(app, { ...c, headers: bearer(VIEW) }, { token: 42 })).toEqual({ status: 200 });
  });
});

describe('one access policy at every door, without tokens', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await serverWith({});
  });
  afterAll(() => app.close());

  expectSameAtEveryDoor(() => app, [
    { name: 'ingest from loopback under a name we gave out', role: 'ingest', expected: { status: 200 } },
    { name: 'admin from ::1', role: 'admin', remoteAddress: '::1', headers: { host: '[::1]:8080' }, expected: { status: 200 } },
    { name: 'loopback naming a foreign host', role: 'ingest', headers: { host: 'rebind.attacker.example:8080' }, expected: { status: 403, error: 'forbidden' } },
    { name: 'loopback relaying for a proxy', role: 'admin', headers: { 'x-forwarded-for': '203.0.113.9' }, expected: { status: 403, error: 'forbidden' } },
    { name: 'ingest from another machine', role: 'ingest', remoteAddress: '10.0.0.7', expected: { status: 403, error: 'forbidden' } },
    { name: 'viewing is open to everyone', role: 'view', remoteAddress: '10.0.0.7', expected: { status: 200 } },
  ]);
});

describe('the policy on its own', () => {
  const policy = createAccessPolicy({
    ingestTokens: [INGEST], viewTokens: [], adminTokens: [], allowedOrigins: [], allowedHosts: ['wall.example'], host: '0.0.0.0',
    publicUrl: 'https://board.example.com',
  });
  const request = (headers: Record<string, string>, url = '/', remoteAddress = '127.0.0.1') => ({ headers, url, socket: { remoteAddress } });

  it('reads the bearer header before ?token=', () => {
    expect(offeredToken(request({ authorization: 'Bearer  header-token ' }, '/?token=query-token'))).toBe('header-token');
    expect(offeredToken(request({}, '/api/v1/live?queues=a&token=query-token'))).toBe('query-token');
    expect(offeredToken(request({ authorization: 'Basic abc' }))).toBeUndefined();
  });

  it('trusts loopback under every name it gives out, and only those', () => {
    expect(policy.authorize('admin', request({ host: 'wall.example' })).ok).toBe(true);
    expect(policy.authorize('admin', request({ host: 'Board.Example.com.:443' })).ok).toBe(true);
    expect(policy.authorize('admin', request({ host: 'other.example' })).ok).toBe(false);
    expect(policy.authorize('admin', request({ host: 'wall.example' }, '/', '192.0.2.1')).ok).toBe(false);
  });

  it('checks a role\'s tokens only after the origin at a socket', () => {
    expect(policy.admitSocket('ingest', request({ host: HOST, origin: 'https://evil.example' }, `/?token=${INGEST}`))).toMatchObject({ status: 403 });
    expect(policy.admitSocket('ingest', request({ host: HOST, origin: `https://${HOST}` }, `/?token=${INGEST}`))).toMatchObject({ ok: true });
    expect(policy.checkOrigin(request({ host: HOST }))).toMatchObject({ ok: true });
  });
});

describe('the policy once users exist', () => {
  let users = 0;
  const policy = createAccessPolicy({
    ingestTokens: [], viewTokens: [VIEW], adminTokens: [ADMIN], allowedOrigins: [], allowedHosts: [], host: '0.0.0.0', hasUsers: () => users > 0,
  });
  const local = (headers: Record<string, string> = {}) => ({ headers: { host: HOST, ...headers }, url: '/', socket: { remoteAddress: '127.0.0.1' } });
  const person = (role: 'viewer' | 'agent' | 'supervisor' | 'admin') => ({ username: role, role, tenant: 'default', scope: { queues: [], teams: [] } });
  const doors: Role[] = ['ingest', 'view', 'callbacks', 'acknowledge', 'admin'];
  const opened = (user?: ReturnType<typeof person>, headers: Record<string, string> = {}) =>
    doors.filter((door) => policy.authorize(door, local(headers), undefined, user).ok);

  it('lets view tokens view and acknowledge while nobody has an account', () => {
    users = 0;
    expect(opened(undefined, { authorization: `Bearer ${VIEW}` })).toEqual(['ingest', 'view', 'callbacks', 'acknowledge']);
  });

  it('opens to each role what it grants, never ingest, and nothing to the anonymous but loopback ingest and admin', () => {
    users = 1;
    expect(opened(person('viewer'))).toEqual(['view']);
    expect(opened(person('agent'))).toEqual(['view', 'callbacks']);
    expect(opened(person('supervisor'))).toEqual(['view', 'callbacks', 'acknowledge']);
    expect(opened(person('admin'))).toEqual(['view', 'callbacks', 'acknowledge', 'admin']);
    expect(opened()).toEqual(['ingest']);
    expect(policy.authorize('view', local())).toMatchObject({ status: 401 });
    expect(policy.authorize('admin', local(), undefined, person('viewer'))).toMatchObject({ status: 403, message: 'The role viewer may not admin' });
  });

  it('keeps tokens working, acknowledging then for administrator tokens only', () => {
    users = 1;
    expect(opened(undefined, { authorization: `Bearer ${VIEW}` })).toEqual(['ingest', 'view']);
    expect(opened(undefined, { authorization: `Bearer ${ADMIN}` })).toEqual(['ingest', 'view', 'callbacks', 'acknowledge', 'admin']);
  });

  it('wants a change with the session cookie to name its origin', () => {
    expect(policy.checkOrigin(local(), true)).toMatchObject({ status: 403 });
    expect(policy.checkOrigin(local({ 'sec-fetch-site': 'same-origin' }), true)).toMatchObject({ ok: true });
    expect(policy.checkOrigin(local({ origin: `http://${HOST}` }), true)).toMatchObject({ ok: true });
    expect(policy.checkOrigin(local(), false)).toMatchObject({ ok: true });
  });
});
