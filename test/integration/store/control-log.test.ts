import { beforeAll, describe, expect, it } from 'vitest';
import type { BroadcastRecord, Store } from '@plancia/store';
import { backends } from './backends.js';
import { useStore } from './suite.js';

const MINUTE_MS = 60_000;
const NOW = Date.parse('2026-12-05T06:00:00.000Z');

const broadcast = (id: string, overrides: Partial<BroadcastRecord> = {}): BroadcastRecord => ({
  id, tenant: 'acme', text: `message ${id}`, level: 'info', queueIds: ['acme-sales'], teamIds: [], createdBy: 'user:sam',
  createdAtMs: NOW, expiresAtMs: NOW + 30 * MINUTE_MS, ...overrides,
});

describe.each(backends)('broadcasts and the shift log on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(() => {
    store = opened.store();
  });

  it('answers the broadcasts neither expired nor withdrawn, and withdraws one once', async () => {
    await store.broadcasts.add(broadcast('b-1'));
    await store.broadcasts.add(broadcast('b-2', { tenant: 'beta', level: 'warning', queueIds: [], teamIds: ['front'], createdAtMs: NOW + 1 }));
    await store.broadcasts.add(broadcast('b-3', { expiresAtMs: NOW + MINUTE_MS, createdAtMs: NOW + 2 }));
    expect((await store.broadcasts.active(NOW)).map((b) => b.id)).toEqual(['b-1', 'b-2', 'b-3']);
    expect(await store.broadcasts.active(NOW + MINUTE_MS)).toEqual([broadcast('b-1'), broadcast('b-2', { tenant: 'beta', level: 'warning', queueIds: [], teamIds: ['front'], createdAtMs: NOW + 1 })]);

    expect(await store.broadcasts.withdraw('beta', 'b-1', 'user:bea', NOW)).toBeUndefined();
    expect(await store.broadcasts.withdraw('acme', 'b-1', 'user:sam', NOW)).toEqual(broadcast('b-1'));
    expect(await store.broadcasts.withdraw('acme', 'b-1', 'user:sam', NOW)).toBeUndefined();
    expect(await store.broadcasts.withdraw('acme', 'b-3', 'user:sam', NOW + MINUTE_MS)).toBeUndefined();
    expect((await store.broadcasts.active(NOW)).map((b) => b.id)).toEqual(['b-2', 'b-3']);
  });

  it('keeps notes per tenant and answers those of [from, to), newest first', async () => {
    const note = (atMs: number, text: string, tenant = 'acme') => ({
      tenant, atMs, author: 'user:anna', text, alertId: null, queueId: null, alertScope: null,
    });
    const first = await store.shiftLog.add(note(NOW, 'first'));
    await store.shiftLog.add({ ...note(NOW + MINUTE_MS, 'about an alert'), alertId: 'a-1', alertScope: { kind: 'queue', id: 'acme-care' } });
    await store.shiftLog.add(note(NOW + 2 * MINUTE_MS, 'other tenant', 'beta'));
    await store.shiftLog.add(note(NOW + 3 * MINUTE_MS, 'later'));
    const listed = await store.shiftLog.list({ tenant: 'acme', fromMs: NOW, toMs: NOW + 3 * MINUTE_MS });
    expect(listed.map((n) => n.text)).toEqual(['about an alert', 'first']);
    expect(listed[0]).toMatchObject({ alertId: 'a-1', alertScope: { kind: 'queue', id: 'acme-care' }, queueId: null });
    expect(listed[1]).toEqual(first);
    expect((await store.shiftLog.list({ tenant: 'acme', fromMs: NOW, toMs: NOW + 4 * MINUTE_MS, limit: 1 })).map((n) => n.text)).toEqual(['later']);
  });
});
