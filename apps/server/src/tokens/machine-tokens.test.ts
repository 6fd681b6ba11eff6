import { describe, expect, it } from 'vitest';
import type { ActiveTokenRecord, AuditRecord, MachineTokenRecord } from '@plancia/store';
import { MachineTokens, TOUCH_EVERY_MS, tokenDigest, type TokenStore } from './machine-tokens.js';

const NOW = Date.parse('2026-12-04T10:00:00Z');
const whole = { queues: [], teams: [] };

/** The token table in memory, as the repository keeps it. */
function memoryTokens(initial: (ActiveTokenRecord & { revoked?: boolean })[] = []) {
  const rows = new Map<string, MachineTokenRecord & { secretDigest: string }>();
  for (const { revoked, ...row } of initial) {
    rows.set(row.name, { ...row, createdAt: new Date(NOW).toISOString(), lastUsedAt: null, revokedAt: revoked ? new Date(NOW).toISOString() : null });
  }
  const touches: { name: string; atMs: number }[] = [];
  let failTouches = false;
  const store: TokenStore = {
    createToken: async (token) => {
      if (rows.has(token.name)) return false;
      rows.set(token.name, { ...token, createdAt: new Date(NOW).toISOString(), lastUsedAt: null, revokedAt: null });
      return true;
    },
    listActiveTokens: async () =>
      [...rows.values()].filter((row) => row.revokedAt === null).map(({ name, secretDigest, role, scope, tenant }) => ({ name, secretDigest, role, scope, tenant })),
    listTokens: async () => [...rows.values()].map(({ secretDigest: _digest, ...row }) => row),
    revokeToken: async (name, atMs) => {
      const row = rows.get(name);
      if (!row || row.revokedAt !== null) return false;
      row.revokedAt = new Date(atMs).toISOString();
      return true;
    },
    touchToken: async (name, atMs) => {
      if (failTouches) throw new Error('database down');
      touches.push({ name, atMs });
      const row = rows.get(name);
      if (row) row.lastUsedAt = new Date(atMs).toISOString();
    },
  };
  return { store, rows, touches, failTouchesFromNowOn: () => { failTouches = true; } };
}

function memoryAudit() {
  const entries: AuditRecord[] = [];
  return { entries, audit: { record: async (entry: AuditRecord) => { entries.push(entry); } } };
}

async function open(initial: Parameters<typeof memoryTokens>[0] = []) {
  const table = memoryTokens(initial);
  const { entries, audit } = memoryAudit();
  const clock = { now: NOW };
  const failures: string[] = [];
  const tokens = await MachineTokens.open(table.store, audit, () => clock.now, (_error, name) => failures.push(name));
  return { tokens, table, entries, clock, failures };
}

describe('MachineTokens', () => {
  it('holds the active tokens of the store at start, by the digest of their secret', async () => {
    const { tokens } = await open([
      { name: 'tv-1', secretDigest: tokenDigest('plc_tv'), role: 'view', scope: { queues: ['sales'], teams: [] }, tenant: 'acme' },
      { name: 'old', secretDigest: tokenDigest('plc_old'), role: 'ingest', scope: whole, tenant: 'default', revoked: true },
    ]);
    expect(tokens.match('plc_tv')).toEqual({ name: 'tv-1', role: 'view', tenant: 'acme', scope: { queues: ['sales'], teams: [] } });
    expect(tokens.match('plc_old')).toBeUndefined();
    expect(tokens.match('plc_nothing')).toBeUndefined();
    expect(tokens.hasAny('view')).toBe(true);
    expect(tokens.hasAny('ingest')).toBe(false);
  });

  it('creates a token whose secret is shown once and stored only as its digest', async () => {
    const { tokens, table } = await open();
    const created = await tokens.create({ name: 'asterisk-rome', role: 'ingest', tenant: 'default' }, 'user:admin');
    expect(created).toMatchObject({ name: 'asterisk-rome', role: 'ingest', scope: whole, tenant: 'default', lastUsedAt: null, revokedAt: null });
    expect(created!.secret).toMatch(/^plc_[A-Za-z0-9_-]{43}$/);
    expect(tokens.match(created!.secret)).toEqual({ name: 'asterisk-rome', role: 'ingest', tenant: 'default', scope: whole });
    expect(tokens.hasAny('ingest')).toBe(true);
    const stored = table.rows.get('asterisk-rome')!;
    expect(stored.secretDigest).toBe(tokenDigest(created!.secret));
    expect(JSON.stringify([...table.rows.values()])).not.toContain(created!.secret);
  });

  it('gives every token its own secret', async () => {
    const { tokens } = await open();
    const a = await tokens.create({ name: 'a', role: 'view', tenant: 'default' }, 'loopback');
    const b = await tokens.create({ name: 'b', role: 'view', tenant: 'default' }, 'loopback');
    expect(a!.secret).not.toBe(b!.secret);
    expect(tokens.match(a!.secret)?.name).toBe('a');
    expect(tokens.match(b!.secret)?.name).toBe('b');
  });

  it('answers undefined for a taken name, revoked or not, and keeps the first token', async () => {
    const { tokens } = await open();
    const first = await tokens.create({ name: 'tv-1', role: 'view', tenant: 'default' }, 'user:admin');
    expect(await tokens.create({ name: 'tv-1', role: 'ingest', tenant: 'default' }, 'user:admin')).toBeUndefined();
    expect(tokens.match(first!.secret)?.role).toBe('view');
    expect(await tokens.revoke('tv-1', 'user:admin')).toBe(true);
    expect(await tokens.create({ name: 'tv-1', role: 'view', tenant: 'default' }, 'user:admin')).toBeUndefined();
  });

  it('refuses a revoked token at once, and revokes only once', async () => {
    const { tokens } = await open();
    const created = await tokens.create({ name: 'tv-1', role: 'view', tenant: 'default' }, 'user:admin');
    expect(await tokens.revoke('tv-1', 'user:admin')).toBe(true);
    expect(tokens.match(created!.secret)).toBeUndefined();
    expect(tokens.hasAny('view')).toBe(false);
    expect(await tokens.revoke('tv-1', 'user:admin')).toBe(false);
    expect(await tokens.revoke('never-was', 'user:admin')).toBe(false);
  });

  it('lists every token with its times and never a secret or digest', async () => {
    const { tokens } = await open();
    const created = await tokens.create({ name: 'tv-1', role: 'view', tenant: 'default', scope: { queues: ['care'], teams: [] } }, 'user:admin');
    await tokens.create({ name: 'feed', role: 'ingest', tenant: 'default' }, 'user:admin');
    await tokens.revoke('feed', 'user:admin');
    const listed = await tokens.list();
    expect(listed.map((t) => [t.name, t.role, t.revokedAt !== null])).toEqual([['tv-1', 'view', false], ['feed', 'ingest', true]]);
    expect(listed[0]).toEqual({ name: 'tv-1', role: 'view', scope: { queues: ['care'], teams: [] }, tenant: 'default', createdAt: expect.any(String) as unknown, lastUsedAt: null, revokedAt: null });
    const text = JSON.stringify(listed);
    expect(text).not.toContain(created!.secret);
    expect(text).not.toContain(tokenDigest(created!.secret));
  });

  it('lists and revokes within one tenant when asked to', async () => {
    const { tokens } = await open();
    const theirs = await tokens.create({ name: 'tv-acme', role: 'view', tenant: 'acme' }, 'user:admin');
    await tokens.create({ name: 'tv-ours', role: 'view', tenant: 'default' }, 'user:admin');
    expect((await tokens.list('acme')).map((t) => t.name)).toEqual(['tv-acme']);
    expect((await tokens.list()).map((t) => t.name)).toEqual(['tv-acme', 'tv-ours']);
    expect(await tokens.revoke('tv-acme', 'user:other', 'globex')).toBe(false);
    expect(tokens.match(theirs!.secret)?.name).toBe('tv-acme');
    expect(await tokens.revoke('tv-acme', 'user:acme-admin', 'acme')).toBe(true);
    expect(tokens.match(theirs!.secret)).toBeUndefined();
  });

  it('audits creation and revocation under the actor, never with the secret', async () => {
    const { tokens, entries } = await open();
    const created = await tokens.create({ name: 'tv-1', role: 'view', tenant: 'acme' }, 'user:admin');
    await tokens.revoke('tv-1', 'user:root');
    expect(entries.map((e) => `${e.actor} ${e.action} ${e.resource}`)).toEqual(['user:admin token.create tokens/tv-1', 'user:root token.revoke tokens/tv-1']);
    expect(entries[0]!.after).toEqual({ name: 'tv-1', role: 'view', scope: whole, tenant: 'acme' });
    expect(entries[1]!.before).toEqual({ name: 'tv-1', role: 'view', scope: whole, tenant: 'acme' });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(created!.secret);
    expect(text).not.toContain(tokenDigest(created!.secret));
  });

  it('picks up on refresh what another server created and revoked', async () => {
    const { tokens, table } = await open([{ name: 'tv-1', secretDigest: tokenDigest('plc_tv'), role: 'view', scope: whole, tenant: 'default' }]);
    table.rows.get('tv-1')!.revokedAt = new Date(NOW).toISOString();
    table.rows.set('feed', { name: 'feed', secretDigest: tokenDigest('plc_feed'), role: 'ingest', scope: whole, tenant: 'default', createdAt: '', lastUsedAt: null, revokedAt: null });
    expect(tokens.match('plc_tv')?.name).toBe('tv-1');
    await tokens.refresh();
    expect(tokens.match('plc_tv')).toBeUndefined();
    expect(tokens.match('plc_feed')?.name).toBe('feed');
  });

  it('ends what is held open with a token revoked here at once, and with one revoked by another server at the refresh', async () => {
    const { tokens, table } = await open([
      { name: 'tv-1', secretDigest: tokenDigest('plc_tv1'), role: 'view', scope: whole, tenant: 'default' },
      { name: 'tv-2', secretDigest: tokenDigest('plc_tv2'), role: 'view', scope: whole, tenant: 'default' },
      { name: 'tv-3', secretDigest: tokenDigest('plc_tv3'), role: 'view', scope: whole, tenant: 'default' },
    ]);
    const ended: string[] = [];
    for (const name of ['tv-1', 'tv-2', 'tv-3']) tokens.hold(name, () => ended.push(name));
    const release = tokens.hold('tv-3', () => ended.push('tv-3 released'));
    release();
    expect(await tokens.revoke('tv-1', 'user:admin')).toBe(true);
    expect(ended).toEqual(['tv-1']);
    table.rows.get('tv-2')!.revokedAt = new Date(NOW).toISOString();
    table.rows.get('tv-3')!.revokedAt = new Date(NOW).toISOString();
    await tokens.refresh();
    expect(ended).toEqual(['tv-1', 'tv-2', 'tv-3']);
  });

  it('drops a refresh that a revocation overlapped, so it cannot bring the token back', async () => {
    const { tokens, table } = await open();
    const created = await tokens.create({ name: 'tv-1', role: 'view', tenant: 'default' }, 'user:admin');
    // The refresh reads the table before the revocation and hears back after it.
    const list = table.store.listActiveTokens;
    let release = () => undefined as void;
    table.store.listActiveTokens = async () => {
      const before = await list();
      await new Promise<void>((resolve) => { release = resolve; });
      return before;
    };
    const refreshing = tokens.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await tokens.revoke('tv-1', 'user:admin')).toBe(true);
    release();
    await refreshing;
    expect(tokens.match(created!.secret)).toBeUndefined();
  });

  it('writes the last-used time at most once a minute per token', async () => {
    const { tokens, table, clock } = await open();
    await tokens.create({ name: 'tv-1', role: 'view', tenant: 'default' }, 'user:admin');
    await tokens.create({ name: 'tv-2', role: 'view', tenant: 'default' }, 'user:admin');
    tokens.touch('tv-1');
    tokens.touch('tv-2');
    clock.now += TOUCH_EVERY_MS - 1;
    tokens.touch('tv-1');
    clock.now += 1;
    tokens.touch('tv-1');
    await Promise.resolve();
    expect(table.touches).toEqual([
      { name: 'tv-1', atMs: NOW },
      { name: 'tv-2', atMs: NOW },
      { name: 'tv-1', atMs: NOW + TOUCH_EVERY_MS },
    ]);
    expect((await tokens.list()).find((t) => t.name === 'tv-1')?.lastUsedAt).toBe(new Date(NOW + TOUCH_EVERY_MS).toISOString());
  });

  it('reports a failed last-used write without throwing', async () => {
    const { tokens, table, failures } = await open();
    await tokens.create({ name: 'tv-1', role: 'view', tenant: 'default' }, 'user:admin');
    table.failTouchesFromNowOn();
    expect(() => tokens.touch('tv-1')).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toEqual(['tv-1']);
  });
});
