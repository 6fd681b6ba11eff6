import { beforeEach, describe, expect, it } from 'vitest';
import type { Broadcast } from '@plancia/contracts';
import { activeAt, nextExpiry, useBroadcastsStore } from './broadcasts-store.js';

const at = (iso: string) => Date.parse(iso);
const broadcast = (id: string, expiresAt: string): Broadcast => ({
  id, text: `message ${id}`, level: 'info', queueIds: [], teamIds: [], createdBy: 'user:anna', createdAt: '2026-12-05T06:00:00.000Z', expiresAt,
});

describe('the broadcasts store', () => {
  beforeEach(() => useBroadcastsStore.getState().replace([]));

  it('adds once per id, removes, and drops the expired', () => {
    const store = useBroadcastsStore.getState();
    store.add(broadcast('a', '2026-12-05T07:00:00.000Z'));
    store.add(broadcast('b', '2026-12-05T06:30:00.000Z'));
    store.add(broadcast('a', '2026-12-05T07:00:00.000Z'));
    expect(useBroadcastsStore.getState().list.map((b) => b.id)).toEqual(['b', 'a']);
    expect(nextExpiry(useBroadcastsStore.getState().list)).toBe(at('2026-12-05T06:30:00.000Z'));
    store.prune(at('2026-12-05T06:30:00.000Z'));
    expect(useBroadcastsStore.getState().list.map((b) => b.id)).toEqual(['a']);
    store.remove('a');
    expect(useBroadcastsStore.getState().list).toEqual([]);
    expect(nextExpiry([])).toBeNull();
  });

  it('counts a broadcast expired from its expiry on', () => {
    const list = [broadcast('a', '2026-12-05T06:30:00.000Z')];
    expect(activeAt(list, at('2026-12-05T06:29:59.999Z'))).toHaveLength(1);
    expect(activeAt(list, at('2026-12-05T06:30:00.000Z'))).toHaveLength(0);
  });
});
