import { describe, expect, it } from 'vitest';
import { batchKey, groupDueAtMs, type GroupTiming } from './outbox-grouping.js';

const T0 = Date.parse('2026-12-07T10:00:00.000Z');
const S = 1000;
const timing = (transition: GroupTiming['transition'], atMs: number, over: Partial<GroupTiming> = {}): GroupTiming =>
  ({ transition, atMs, waitMs: 30 * S, intervalMs: 300 * S, ...over });

describe('grouping of notifications (time passed in)', () => {
  it('the first raise of a new group waits groupWait; a raise while it waits joins that flush', () => {
    expect(groupDueAtMs(timing('raised', T0), {})).toBe(T0 + 30 * S);
    expect(groupDueAtMs(timing('raised', T0 + 10 * S), { pendingDueMs: T0 + 30 * S })).toBe(T0 + 30 * S);
    // A flush overdue (the worker has not gathered it yet) is joined at once, never in the past.
    expect(groupDueAtMs(timing('raised', T0 + 40 * S), { pendingDueMs: T0 + 30 * S })).toBe(T0 + 40 * S);
  });

  it('after a flush, further raises wait for groupInterval after it; past it a raise starts a new flush', () => {
    const lastFlushMs = T0 + 30 * S;
    expect(groupDueAtMs(timing('raised', T0 + 60 * S), { lastFlushMs })).toBe(T0 + 330 * S);
    expect(groupDueAtMs(timing('raised', T0 + 400 * S), { lastFlushMs })).toBe(T0 + 430 * S);
  });

  it('an acknowledgement or resolution leaves at once, not within groupInterval of the last flush nor of its own raise', () => {
    expect(groupDueAtMs(timing('acknowledged', T0 + 900 * S), { lastFlushMs: T0 })).toBe(T0 + 900 * S);
    expect(groupDueAtMs(timing('resolved', T0 + 60 * S), { lastFlushMs: T0 })).toBe(T0 + 300 * S);
    expect(groupDueAtMs(timing('resolved', T0 + 5 * S), { ownRaiseDueMs: T0 + 30 * S, pendingDueMs: T0 + 30 * S })).toBe(T0 + 330 * S);
  });

  it('quiet hours hold a message until they end, whatever the group says', () => {
    const notBeforeMs = T0 + 3600 * S;
    expect(groupDueAtMs(timing('raised', T0, { notBeforeMs }), {})).toBe(notBeforeMs);
    expect(groupDueAtMs(timing('raised', T0, { notBeforeMs: T0 - S }), {})).toBe(T0 + 30 * S);
  });

  it('rows gather by tenant, channel, group and kind', () => {
    const row = { tenantId: 'acme', channelId: 'hook', groupKey: 'routes/0', kind: 'raised' };
    expect(batchKey(row)).toBe(batchKey({ ...row }));
    expect(new Set([row, { ...row, kind: 'resolved' }, { ...row, channelId: 'mail' }, { ...row, groupKey: 'root' }, { ...row, tenantId: 'b' }].map(batchKey)).size).toBe(5);
  });
});
