import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { CreatedToken, Snapshot, TokenList } from '@plancia/contracts';
import { backends, startTestServer, useServer } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { asPage, login } from './session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';

/**
 * Machines in these tests reach the server as if from elsewhere on the network (through a proxy): otherwise a
 * loopback client would be let in to ingest and configure without any token, and a refusal would prove nothing.
 */
const REMOTE = { 'x-forwarded-for': '203.0.113.7' };
const bearer = (secret: string) => ({ ...REMOTE, authorization: `Bearer ${secret}` });

/** A socket.io board with the token in its handshake `auth`: 'snapshot' once it got one, else the connect_error. */
function socketIoWithToken(url: string, token: string): Promise<string> {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, extraHeaders: REMOTE, reconnection: false, forceNew: true });
  return new Promise<string>((resolve) => {
    socket.on('connect', () => socket.emit('subscribe', {}, () => undefined));
    socket.once('snapshot', () => resolve('snapshot'));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.close());
}

/** The plain live feed with `?token=`: the type of its first message, or the status its upgrade was refused with. */
function liveFeedWithToken(wsUrl: string, token: string): Promise<string | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl}/api/v1/live?token=${encodeURIComponent(token)}`, { headers: REMOTE });
    socket.once('message', (data) => {
      resolve((JSON.parse(String(data)) as { type: string }).type);
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

/** Refused, whichever way the door says it (no such token: 401; a token of another role: 401 or 403). */
const REFUSED = [401, 403];

describe.each(backends)('named machine tokens on $name', (backend) => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' }, backend);
  let admin = '';
  let viewer = '';
  const tokens: Record<string, CreatedToken> = {};
  const asAdmin = (path: string, method = 'GET', body?: unknown) => asPage(server().url, path, admin, method, body);
  const snapshot = (headers: Record<string, string>, query = '') => fetch(`${server().url}/api/v1/snapshot${query}`, { headers });
  const listed = async () => ((await (await asAdmin('/api/v1/tokens')).json()) as TokenList).tokens;

  it('lets an administrator create an ingest and a view token, each secret shown once', async () => {
    admin = (await login(server().url, 'admin', ADMIN_PASSWORD)).cookie;
    for (const [name, role] of [['asterisk-rome', 'ingest'], ['tv-floor-2', 'view']] as const) {
      const created = await asAdmin('/api/v1/tokens', 'POST', { name, role });
      expect(created.status).toBe(201);
      const body = (await created.json()) as CreatedToken;
      expect(body).toMatchObject({ name, role, tenant: 'default', scope: { queues: [], teams: [] }, lastUsedAt: null, revokedAt: null });
      expect(body.secret).toMatch(/^plc_[A-Za-z0-9_-]{43}$/);
      expect(Object.keys(body).sort()).toEqual(['createdAt', 'lastUsedAt', 'name', 'revokedAt', 'role', 'scope', 'secret', 'tenant']);
      tokens[role] = body;
    }
    expect(tokens.ingest!.secret).not.toBe(tokens.view!.secret);
    // What the access policy is given to check tokens against, without a database query.
    expect(server().app.machineTokens.match(tokens.view!.secret)).toMatchObject({ name: 'tv-floor-2', role: 'view' });
    expect(server().app.machineTokens.hasAny('ingest')).toBe(true);
  });

  it('answers 409 for a taken name and 400 for a bad name or role', async () => {
    expect((await asAdmin('/api/v1/tokens', 'POST', { name: 'tv-floor-2', role: 'ingest' })).status).toBe(409);
    const badName = await asAdmin('/api/v1/tokens', 'POST', { name: 'tv floor', role: 'view' });
    expect(badName.status).toBe(400);
    expect(JSON.stringify(await badName.json())).toContain('/name');
    const badRole = await asAdmin('/api/v1/tokens', 'POST', { name: 'tv-3', role: 'admin' });
    expect(badRole.status).toBe(400);
    expect(JSON.stringify(await badRole.json())).toContain('/role');
  });

  it('lets the ingest token post events, and nothing else', async () => {
    const posted = await postEvents(server().url, JSON.stringify([queued('mt-1')]), 'application/json', bearer(tokens.ingest!.secret));
    expect(posted.status).toBe(202);
    expect(await posted.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(REFUSED).toContain((await snapshot(bearer(tokens.ingest!.secret))).status);
  });

  it('lets the view token read the board by header, ?token=, the plain feed and socket.io', async () => {
    expect((await snapshot(bearer(tokens.view!.secret))).status).toBe(200);
    expect((await snapshot(REMOTE, `?token=${encodeURIComponent(tokens.view!.secret)}`)).status).toBe(200);
    expect(await liveFeedWithToken(server().wsUrl, tokens.view!.secret)).toBe('snapshot');
    expect(await socketIoWithToken(server().url, tokens.view!.secret)).toBe('snapshot');
  });

  it('refuses the view token ingest and configuration changes', async () => {
    const posted = await postEvents(server().url, JSON.stringify([queued('mt-2')]), 'application/json', bearer(tokens.view!.secret));
    expect(REFUSED).toContain(posted.status);
    const queue = await fetch(`${server().url}/api/v1/queues/token-test`, {
      method: 'PUT', headers: { ...bearer(tokens.view!.secret), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Token test' }),
    });
    expect(REFUSED).toContain(queue.status);
    const created = await fetch(`${server().url}/api/v1/tokens`, {
      method: 'POST', headers: { ...bearer(tokens.view!.secret), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'by-tv', role: 'view' }),
    });
    expect(REFUSED).toContain(created.status);
  });

  it('lists the tokens with when each was last used, never a secret or digest', async () => {
    let tokenList = await listed();
    for (let i = 0; i < 50 && tokenList.some((t) => t.lastUsedAt === null); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      tokenList = await listed();
    }
    expect(tokenList.map((t) => [t.name, t.role])).toEqual([['asterisk-rome', 'ingest'], ['tv-floor-2', 'view']]);
    for (const token of tokenList) {
      expect(Object.keys(token).sort()).toEqual(['createdAt', 'lastUsedAt', 'name', 'revokedAt', 'role', 'scope', 'tenant']);
      expect(token.lastUsedAt).not.toBeNull();
      expect(Date.parse(token.lastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(token.createdAt) - 1000);
    }
    const text = JSON.stringify(tokenList);
    for (const { secret } of Object.values(tokens)) expect(text).not.toContain(secret);
  });

  it('refuses a revoked token from the very next request, without a restart', async () => {
    expect((await snapshot(bearer(tokens.view!.secret))).status).toBe(200);
    expect((await asAdmin('/api/v1/tokens/tv-floor-2', 'DELETE')).status).toBe(204);
    const after = await snapshot(bearer(tokens.view!.secret));
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
    expect(await socketIoWithToken(server().url, tokens.view!.secret)).toMatch(/^unauthorized: /);
    expect(await liveFeedWithToken(server().wsUrl, tokens.view!.secret)).toBe(401);
    expect(server().app.machineTokens.match(tokens.view!.secret)).toBeUndefined();
    expect((await asAdmin('/api/v1/tokens/tv-floor-2', 'DELETE')).status).toBe(404);
    expect((await asAdmin('/api/v1/tokens/never-was', 'DELETE')).status).toBe(404);
    const revoked = (await listed()).find((t) => t.name === 'tv-floor-2');
    expect(revoked?.revokedAt).not.toBeNull();
    // The name stays taken: a new kiosk gets a new name.
    expect((await asAdmin('/api/v1/tokens', 'POST', { name: 'tv-floor-2', role: 'view' })).status).toBe(409);
  });

  it('refuses a viewer user to create, list or revoke tokens', async () => {
    expect((await asAdmin('/api/v1/users', 'POST', { username: 'vera', password: PASSWORD, role: 'viewer' })).status).toBe(201);
    viewer = (await login(server().url, 'vera', PASSWORD)).cookie;
    expect((await asPage(server().url, '/api/v1/tokens', viewer, 'POST', { name: 'by-vera', role: 'view' })).status).toBe(403);
    expect((await asPage(server().url, '/api/v1/tokens', viewer)).status).toBe(403);
    expect((await asPage(server().url, '/api/v1/tokens/asterisk-rome', viewer, 'DELETE')).status).toBe(403);
    expect(REFUSED).toContain((await fetch(`${server().url}/api/v1/tokens`, { headers: REMOTE })).status);
  });

  it('creates a token of another tenant only for an administrator of the whole installation, and only if it exists', async () => {
    const unknown = await asAdmin('/api/v1/tokens', 'POST', { name: 'tv-acme', role: 'view', tenant: 'acme' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/^tenant: /) as unknown });
    expect((await asAdmin('/api/v1/tenants/acme', 'PUT', { name: 'Acme', queues: ['acme-sales'], teams: [], privacy: { agentDetail: 'off' } })).status).toBe(201);
    const created = await asAdmin('/api/v1/tokens', 'POST', { name: 'tv-acme', role: 'view', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } });
    expect(created.status).toBe(201);
    const tvAcme = (await created.json()) as CreatedToken;
    expect(tvAcme).toMatchObject({ name: 'tv-acme', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } });
    // The kiosk sees its tenant's scope only: a queue of the house is refused, not shown empty.
    const events = [queued('mt-acme', 'acme-sales'), queued('mt-house', 'house-care')];
    expect((await postEvents(server().url, JSON.stringify(events), 'application/json', bearer(tokens.ingest!.secret))).status).toBe(202);
    const board = await snapshot(bearer(tvAcme.secret));
    expect(board.status).toBe(200);
    expect(((await board.json()) as Snapshot).queues.map((queue) => queue.queueId)).toEqual(['acme-sales']);
    expect((await snapshot(bearer(tvAcme.secret), '?queues=house-care')).status).toBe(403);
  });

  it("keeps an administrator of another tenant to that tenant's tokens", async () => {
    expect((await asAdmin('/api/v1/users', 'POST', { username: 'acme-admin', password: PASSWORD, role: 'admin', tenant: 'acme' })).status).toBe(201);
    const acmeAdmin = (await login(server().url, 'acme-admin', PASSWORD)).cookie;
    const asAcme = (path: string, method = 'GET', body?: unknown) => asPage(server().url, path, acmeAdmin, method, body);
    expect((await asAcme('/api/v1/tokens', 'POST', { name: 'tv-default-by-acme', role: 'view', tenant: 'default' })).status).toBe(403);
    const own = await asAcme('/api/v1/tokens', 'POST', { name: 'acme-feed', role: 'ingest' });
    expect(own.status).toBe(201);
    expect(await own.json()).toMatchObject({ name: 'acme-feed', tenant: 'acme' });
    const theirs = ((await (await asAcme('/api/v1/tokens')).json()) as TokenList).tokens;
    expect(theirs.map((t) => t.name)).toEqual(['acme-feed', 'tv-acme']);
    expect((await asAcme('/api/v1/tokens/asterisk-rome', 'DELETE')).status).toBe(404);
    expect(server().app.machineTokens.hasAny('ingest')).toBe(true);
    expect((await listed()).map((t) => t.name)).toEqual(['acme-feed', 'asterisk-rome', 'tv-acme', 'tv-floor-2']);
  });

  it('writes the creation and revocation of tokens to the audit log, never a secret', async () => {
    const entries = (await (await asAdmin('/api/v1/audit?limit=1000')).json()) as { actor: string; action: string; resource: string }[];
    const seen = entries.map((e) => `${e.actor} ${e.action} ${e.resource}`);
    expect(seen).toContain('user:admin token.create tokens/asterisk-rome');
    expect(seen).toContain('user:admin token.create tokens/tv-floor-2');
    expect(seen).toContain('user:admin token.revoke tokens/tv-floor-2');
    const text = JSON.stringify(entries);
    for (const { secret } of Object.values(tokens)) expect(text).not.toContain(secret);
  });

  it('declares the token routes in the OpenAPI document', async () => {
    const { paths } = (await (await fetch(`${server().url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(paths['/api/v1/tokens'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/tokens/{name}'] ?? {})).toEqual(['delete']);
  });
});

describe('machine tokens across a restart', () => {
  it('keeps active tokens working and revoked ones refused', async () => {
    const database = await backends[0]!.create();
    try {
      const first = await startTestServer(database, { PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
      let kept: CreatedToken;
      let dropped: CreatedToken;
      try {
        const cookie = (await login(first.url, 'admin', ADMIN_PASSWORD)).cookie;
        kept = (await (await asPage(first.url, '/api/v1/tokens', cookie, 'POST', { name: 'tv-kept', role: 'view' })).json()) as CreatedToken;
        dropped = (await (await asPage(first.url, '/api/v1/tokens', cookie, 'POST', { name: 'tv-dropped', role: 'view' })).json()) as CreatedToken;
        expect((await asPage(first.url, '/api/v1/tokens/tv-dropped', cookie, 'DELETE')).status).toBe(204);
      } finally {
        await first.stop();
      }
      const second = await startTestServer(database, {});
      try {
        expect(second.app.machineTokens.match(kept.secret)?.name).toBe('tv-kept');
        expect(second.app.machineTokens.match(dropped.secret)).toBeUndefined();
        expect((await fetch(`${second.url}/api/v1/snapshot`, { headers: bearer(kept.secret) })).status).toBe(200);
        expect((await fetch(`${second.url}/api/v1/snapshot`, { headers: bearer(dropped.secret) })).status).toBe(401);
      } finally {
        await second.stop();
      }
    } finally {
      await database.dispose();
    }
  });
});

const postgres = backends.find((backend) => backend.name === 'postgres');

describe.skipIf(!postgres)('machine tokens on two servers sharing one PostgreSQL database', () => {
  it('refuses on one server a token revoked through the other once it refreshes', async () => {
    const database = await postgres!.create();
    try {
      const one = await startTestServer(database, { PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
      const two = await startTestServer(database, {});
      try {
        const cookie = (await login(one.url, 'admin', ADMIN_PASSWORD)).cookie;
        const tv = (await (await asPage(one.url, '/api/v1/tokens', cookie, 'POST', { name: 'tv-shared', role: 'view' })).json()) as CreatedToken;
        // The plugin refreshes every minute; the test asks for it at once instead of waiting.
        await two.app.machineTokens.refresh();
        expect((await fetch(`${two.url}/api/v1/snapshot`, { headers: bearer(tv.secret) })).status).toBe(200);
        expect((await asPage(one.url, '/api/v1/tokens/tv-shared', cookie, 'DELETE')).status).toBe(204);
        expect((await fetch(`${one.url}/api/v1/snapshot`, { headers: bearer(tv.secret) })).status).toBe(401);
        await two.app.machineTokens.refresh();
        expect((await fetch(`${two.url}/api/v1/snapshot`, { headers: bearer(tv.secret) })).status).toBe(401);
      } finally {
        await two.stop();
        await one.stop();
      }
    } finally {
      await database.dispose();
    }
  });
});
