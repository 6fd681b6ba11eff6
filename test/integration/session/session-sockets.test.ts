import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionDigest } from '../../../apps/server/src/session/sessions.js';
import { useServer } from '../helpers/plancia-server.js';
import { asPage, login, socketIoBoard } from './session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
/** How soon a socket must close once its session ended. */
const PROMPTLY_MS = 1_000;

/** A board's socket.io connection and plain feed opened with one session cookie (or token), and how each ended, if it did. */
async function openSockets(url: string, wsUrl: string, cookieOrHeaders: string | Record<string, string>) {
  const headers = typeof cookieOrHeaders === 'string' ? { cookie: cookieOrHeaders } : cookieOrHeaders;
  const board = socketIoBoard(url, headers);
  expect(await board.first).toEqual({ snapshot: true });
  const boardClosed = new Promise<string>((resolve) => board.socket.once('disconnect', (reason) => resolve(reason)));
  const feed = new WebSocket(`${wsUrl}/api/v1/live`, { headers });
  await new Promise((resolve, reject) => {
    feed.once('message', resolve);
    feed.once('error', reject);
  });
  const feedClosed = new Promise<number>((resolve) => feed.once('close', (code) => resolve(code)));
  const close = () => {
    board.socket.close();
    feed.close();
  };
  return { boardClosed, feedClosed, close, isOpen: () => board.socket.connected && feed.readyState === WebSocket.OPEN };
}

type Sockets = Awaited<ReturnType<typeof openSockets>>;

/** What `ending` resolves with, or 'still open' once PROMPTLY_MS have passed `since`. */
function within<T>(ending: Promise<T>, since: number): Promise<T | 'still open'> {
  const left = Math.max(0, since + PROMPTLY_MS - performance.now());
  return Promise.race([ending, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), left))]);
}

/** Both of `sockets` close within PROMPTLY_MS: the board as the server's own disconnect, the feed with 4401. */
async function expectClosedPromptly(sockets: Sockets, since: number) {
  expect(await within(sockets.boardClosed, since)).toBe('io server disconnect');
  expect(await within(sockets.feedClosed, since)).toBe(4401);
}

describe('sockets opened with a session close when it ends', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' });
  const cookies: Record<string, string> = {};
  const opened: Sockets[] = [];
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  const signIn = async (who: string, password = PASSWORD) => {
    const session = await login(server().url, who, password);
    expect(session.status).toBe(200);
    cookies[who] = session.cookie;
  };
  const socketsOf = async (who: string) => {
    const sockets = await openSockets(server().url, server().wsUrl, cookies[who]!);
    opened.push(sockets);
    return sockets;
  };
  afterEach(() => {
    for (const sockets of opened.splice(0)) sockets.close();
  });

  it('has the administrator create two supervisors', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    for (const username of ['sara', 'sofia']) {
      expect((await as('admin', '/api/v1/users', 'POST', { username, role: 'supervisor', password: PASSWORD })).status).toBe(201);
    }
  });

  it("closes a supervisor's sockets when an administrator changes the role; another user's stay open", async () => {
    await signIn('sara');
    await signIn('sofia');
    const sara = await socketsOf('sara');
    const sofia = await socketsOf('sofia');
    const since = performance.now();
    expect((await as('admin', '/api/v1/users/sara', 'PATCH', { role: 'viewer' })).status).toBe(200);
    await expectClosedPromptly(sara, since);
    expect(sofia.isOpen()).toBe(true);
    // The board connects again, and the ended session is refused as the web app expects to show the login form.
    const again = socketIoBoard(server().url, { cookie: cookies.sara! });
    expect(await again.first).toMatchObject({ error: expect.stringMatching(/^unauthorized: /) as unknown });
    again.socket.close();
  });

  it('closes the sockets of a user who logs out, and only that session', async () => {
    await signIn('sara');
    const other = await login(server().url, 'sara', PASSWORD);
    const sara = await socketsOf('sara');
    const otherSession = await openSockets(server().url, server().wsUrl, other.cookie);
    opened.push(otherSession);
    const since = performance.now();
    expect((await as('sara', '/api/v1/session', 'DELETE')).status).toBe(204);
    await expectClosedPromptly(sara, since);
    expect(otherSession.isOpen()).toBe(true);
  });

  it("closes the sockets of a user whose password an administrator resets", async () => {
    await signIn('sara');
    const sara = await socketsOf('sara');
    const sofia = await socketsOf('sofia');
    const since = performance.now();
    expect((await as('admin', '/api/v1/users/sara/password', 'PUT', { password: `${PASSWORD}-new` })).status).toBe(204);
    await expectClosedPromptly(sara, since);
    expect(sofia.isOpen()).toBe(true);
  });

  it('closes the sockets of a session that expired, at the next check', async () => {
    await signIn('sofia');
    const sofia = await socketsOf('sofia');
    await signIn('admin', ADMIN_PASSWORD);
    const admin = await socketsOf('admin');
    const { app } = server();
    // The session runs out as if its idle time had passed; the periodic check is run now instead of waiting for it.
    await app.store.accounts.extendSession(sessionDigest(cookies.sofia!.split('=')[1]!), Date.now() - 1);
    const since = performance.now();
    await app.sessions.sweep();
    await expectClosedPromptly(sofia, since);
    expect(admin.isOpen()).toBe(true);
  });

  it('closes the sockets of a deleted user', async () => {
    await signIn('sara', `${PASSWORD}-new`);
    const sara = await socketsOf('sara');
    const admin = await socketsOf('admin');
    const since = performance.now();
    expect((await as('admin', '/api/v1/users/sara', 'DELETE')).status).toBe(204);
    await expectClosedPromptly(sara, since);
    expect(admin.isOpen()).toBe(true);
  });

  it('closes the sockets a named machine token opened when it is revoked, the ingest socket included', async () => {
    const secrets: Record<string, string> = {};
    for (const [name, role] of [['tv-floor-1', 'view'], ['tv-floor-2', 'view'], ['pbx-rome', 'ingest']] as const) {
      const created = await as('admin', '/api/v1/tokens', 'POST', { name, role });
      expect(created.status).toBe(201);
      secrets[name] = ((await created.json()) as { secret: string }).secret;
    }
    const bearer = (name: string) => ({ authorization: `Bearer ${secrets[name]!}` });
    const tv1 = await openSockets(server().url, server().wsUrl, bearer('tv-floor-1'));
    const tv2 = await openSockets(server().url, server().wsUrl, bearer('tv-floor-2'));
    opened.push(tv1, tv2);
    const ingest = new WebSocket(`${server().wsUrl}/api/v1/ingest`, { headers: bearer('pbx-rome') });
    await new Promise((resolve, reject) => {
      ingest.once('open', resolve);
      ingest.once('error', reject);
    });
    const ingestClosed = new Promise<number>((resolve) => ingest.once('close', (code) => resolve(code)));

    let since = performance.now();
    expect((await as('admin', '/api/v1/tokens/tv-floor-1', 'DELETE')).status).toBe(204);
    await expectClosedPromptly(tv1, since);
    expect(tv2.isOpen()).toBe(true);
    since = performance.now();
    expect((await as('admin', '/api/v1/tokens/pbx-rome', 'DELETE')).status).toBe(204);
    expect(await within(ingestClosed, since)).toBe(4401);
    expect(tv2.isOpen()).toBe(true);
  });
});
