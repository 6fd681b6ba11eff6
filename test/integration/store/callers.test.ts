import { beforeAll, describe, expect, it } from 'vitest';
import type { CallbackRecord, Store } from '@plancia/store';
import { backends } from './backends.js';
import { useStore } from './suite.js';

const HOUR_MS = 3_600_000;
const NOW = Date.now();

const callback = (contactId: string, overrides: Partial<CallbackRecord> = {}): CallbackRecord => ({
  source: 'urn:acd:rome-1', contactId, tenant: 'default', queueId: 'sales', pseudonym: `cp1:k1:${contactId}`,
  sealed: `cb1:sealed-${contactId}`, expiresAtMs: NOW + 72 * HOUR_MS, ...overrides,
});

describe.each(backends)('caller keys and callback numbers on $name', (backend) => {
  const opened = useStore(backend);
  let store: Store;
  beforeAll(() => {
    store = opened.store();
  });

  it('keeps the first key stored under an id: a second server starting at once reads the same key back', async () => {
    expect(await store.callers.listKeys()).toEqual([]);
    await store.callers.addKey({ id: 'db1', secret: 'first' });
    await store.callers.addKey({ id: 'db1', secret: 'second' });
    expect(await store.callers.listKeys()).toEqual([{ id: 'db1', secret: 'first' }]);
  });

  it('keeps one callback per contact: the latest number, the queue once known, the later expiry', async () => {
    await store.callers.keepCallbacks([callback('c-1')]);
    // An abandon later (no queue in its event), in a batch where the same contact also comes twice.
    await store.callers.keepCallbacks([
      callback('c-1', { queueId: null, sealed: 'cb1:again', expiresAtMs: NOW + 80 * HOUR_MS }),
      callback('c-2'),
      callback('c-2', { queueId: null, sealed: 'cb1:c2-later' }),
    ]);
    expect(await store.callers.findCallback('urn:acd:rome-1', 'c-1', NOW)).toEqual(callback('c-1', { sealed: 'cb1:again', expiresAtMs: NOW + 80 * HOUR_MS }));
    expect(await store.callers.findCallback('urn:acd:rome-1', 'c-2', NOW)).toEqual(callback('c-2', { sealed: 'cb1:c2-later' }));
    expect(await store.callers.findCallback('urn:acd:milan', 'c-1', NOW)).toBeUndefined();
  });

  it('no longer finds a callback once expired, and purges it', async () => {
    await store.callers.keepCallbacks([callback('c-old', { expiresAtMs: NOW - HOUR_MS })]);
    expect(await store.callers.findCallback('urn:acd:rome-1', 'c-old', NOW)).toBeUndefined();
    expect(await store.callers.purgeExpiredCallbacks(NOW)).toBe(1);
    expect(await store.callers.purgeExpiredCallbacks(NOW)).toBe(0);
    // The live ones stay until their own expiry.
    expect(await store.callers.findCallback('urn:acd:rome-1', 'c-2', NOW)).toBeDefined();
    expect(await store.callers.purgeExpiredCallbacks(NOW + 81 * HOUR_MS)).toBe(2);
  });
});
