import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@plancia/store';
import { backends } from './backends.js';
import { useStore } from './suite.js';

const whole = { queues: [], teams: [] };
const tenant = 'default';

describe.each(backends)('users, sessions and machine tokens on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(() => {
    store = opened.store();
  });

  it('creates a user once, then replaces its role, scope and password', async () => {
    expect(await store.accounts.countUsers()).toBe(0);
    await store.tenants.upsert({ id: 'acme', name: 'Acme', queues: ['sales'], teams: [], agentDetail: 'off', agreement: null, agreementDate: null });
    expect(await store.accounts.upsertUser({ username: 'ada', passwordHash: 'h1', role: 'viewer', scope: whole, tenant })).toBe(true);
    expect(await store.accounts.upsertUser({ username: 'ada', passwordHash: 'h2', role: 'supervisor', scope: { queues: ['sales'], teams: [] }, tenant: 'acme' })).toBe(false);
    expect(await store.accounts.findUser('ada')).toEqual({ username: 'ada', passwordHash: 'h2', role: 'supervisor', scope: { queues: ['sales'], teams: [] }, tenant: 'acme' });
    expect(await store.accounts.countUsers()).toBe(1);
    expect(await store.accounts.listUsers()).toEqual([{ username: 'ada', role: 'supervisor', scope: { queues: ['sales'], teams: [] }, tenant: 'acme' }]);
  });

  it('inserts a new user but never replaces one', async () => {
    expect(await store.accounts.insertUser({ username: 'dora', passwordHash: 'h1', role: 'viewer', scope: whole, tenant })).toBe(true);
    expect(await store.accounts.insertUser({ username: 'dora', passwordHash: 'h2', role: 'admin', scope: whole, tenant })).toBe(false);
    expect(await store.accounts.findUser('dora')).toEqual({ username: 'dora', passwordHash: 'h1', role: 'viewer', scope: whole, tenant });
  });

  it('finds a session only before it expires, and ends it on logout or with its user', async () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    await store.accounts.upsertUser({ username: 'bob', passwordHash: 'h', role: 'admin', scope: whole, tenant });
    await store.accounts.createSession({ idDigest: 'd1', username: 'bob', expiresAtMs: now + 60_000 });
    await store.accounts.createSession({ idDigest: 'd2', username: 'bob', expiresAtMs: now + 60_000 });
    expect((await store.accounts.findSession('d1', now))?.user.role).toBe('admin');
    expect(await store.accounts.findSession('d1', now + 60_000)).toBeUndefined();
    await store.accounts.deleteSession('d1');
    expect(await store.accounts.findSession('d1', now)).toBeUndefined();
    expect(await store.accounts.deleteUser('bob')).toBe(true);
    expect(await store.accounts.findSession('d2', now)).toBeUndefined();
  });

  it('keeps the opening time of a session and moves its expiry when extended', async () => {
    const opened = Date.parse('2026-03-02T09:00:00Z');
    await store.accounts.upsertUser({ username: 'cleo', passwordHash: 'h', role: 'viewer', scope: whole, tenant });
    await store.accounts.createSession({ idDigest: 'd3', username: 'cleo', expiresAtMs: opened + 60_000, createdAtMs: opened });
    expect((await store.accounts.findSession('d3', opened))?.session).toEqual({ idDigest: 'd3', username: 'cleo', expiresAtMs: opened + 60_000, createdAtMs: opened });
    await store.accounts.extendSession('d3', opened + 120_000);
    expect((await store.accounts.findSession('d3', opened + 90_000))?.session.expiresAtMs).toBe(opened + 120_000);
    expect(await store.accounts.findSession('d3', opened + 120_000)).toBeUndefined();
  });

  it('keeps token names unique and stops finding a revoked token', async () => {
    const token = { name: 'tv-floor-1', secretDigest: 'sd1', role: 'view', scope: whole, tenant };
    expect(await store.accounts.createToken(token)).toBe(true);
    expect(await store.accounts.createToken({ ...token, secretDigest: 'sd2' })).toBe(false);
    expect(await store.accounts.findActiveToken('sd1')).toEqual({ name: 'tv-floor-1', role: 'view', scope: whole, tenant });
    await store.accounts.touchToken('tv-floor-1', Date.parse('2026-03-02T09:00:00Z'));
    expect((await store.accounts.listTokens())[0]?.lastUsedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(await store.accounts.countActiveTokens()).toBe(1);
    expect(await store.accounts.revokeToken('tv-floor-1', Date.now())).toBe(true);
    expect(await store.accounts.revokeToken('tv-floor-1', Date.now())).toBe(false);
    expect(await store.accounts.findActiveToken('sd1')).toBeUndefined();
    expect(await store.accounts.countActiveTokens()).toBe(0);
  });
});
