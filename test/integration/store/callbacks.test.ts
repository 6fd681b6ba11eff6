import { describe, expect, it } from 'vitest';
import type { CallbackAttemptRecord } from '@plancia/store';
import { backends } from './backends.js';
import { useStore } from './suite.js';

const T0 = Date.parse('2026-12-04T10:00:00Z');

const attempt = (contactId: string, pseudonym: string, atMs: number, queueId: string | null = 'sales'): CallbackAttemptRecord => ({
  tenant: 'default', source: 'urn:test:acd', contactId, pseudonym, queueId, abandonedAtMs: atMs, waitedMs: 10_000,
});

describe.each(backends)('callback repository on $name', (backend) => {
  const { store } = useStore(backend);

  it('makes one entry of a caller\'s abandons recorded at the same time on two connections, each contact once', async () => {
    const callbacks = store().callbacks;
    const batches = [[attempt('c1', 'cp1:k:anna', T0)], [attempt('c2', 'cp1:k:anna', T0 + 1_000)], [attempt('c1', 'cp1:k:anna', T0)]];
    await Promise.all(batches.map((batch) => callbacks.record(batch, [])));
    const entries = await callbacks.list({ states: ['open'], queues: null });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ attempts: 2, contactId: 'c2', contactIds: ['c1', 'c2'], abandonedAt: new Date(T0 + 1_000).toISOString() });
  });

  it('keeps the latest contact when an older abandon arrives late, and filters by queue', async () => {
    const callbacks = store().callbacks;
    await callbacks.record([attempt('b2', 'cp1:k:bruno', T0 + 5_000, 'care')], []);
    await callbacks.record([attempt('b1', 'cp1:k:bruno', T0 + 2_000, 'care')], []);
    const [bruno] = await callbacks.list({ states: ['open'], queues: ['care'] });
    expect(bruno).toMatchObject({ contactId: 'b2', attempts: 2, firstAbandonedAt: new Date(T0 + 2_000).toISOString(), queueId: 'care' });
    expect(await callbacks.list({ states: ['open'], queues: [] })).toEqual([]);
    expect((await callbacks.list({ states: ['open'], queues: ['sales'] })).map((e) => e.pseudonym)).toEqual(['cp1:k:anna']);
  });

  it('closes on a later answer only, and guards each action by the state it found', async () => {
    const callbacks = store().callbacks;
    const closed = await callbacks.record([], [{ tenant: 'default', pseudonym: 'cp1:k:bruno', contactId: 'b0', atMs: T0 + 4_000 }]);
    expect(closed).toEqual([]);
    const [answered] = await callbacks.record([], [{ tenant: 'default', pseudonym: 'cp1:k:bruno', contactId: 'b3', atMs: T0 + 9_000 }]);
    expect(answered).toMatchObject({ state: 'answered', answeredContactId: 'b3', closedBy: 'system' });
    expect(await callbacks.openPseudonyms()).toEqual([{ tenant: 'default', pseudonym: 'cp1:k:anna' }]);

    const [anna] = await callbacks.list({ states: ['open'], queues: null });
    const claims = await Promise.all(['user:a', 'user:b'].map((by) => callbacks.claim(anna!.id, by, T0 + 10_000)));
    expect(claims.filter((c) => c.ok)).toHaveLength(1);
    expect(claims.find((c) => !c.ok)).toMatchObject({ reason: 'conflict' });
    expect(await callbacks.done('c1', 'reached', null, 'user:a', T0 + 20_000)).toMatchObject({ ok: true, entry: { state: 'done', id: anna!.id } });
    expect(await callbacks.release(anna!.id)).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await callbacks.claim('nobody', 'user:a', T0)).toEqual({ ok: false, reason: 'not_found' });
  });
});
