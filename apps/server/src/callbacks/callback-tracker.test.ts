import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { CallbackTracker } from './callback-tracker.js';

const T0 = Date.parse('2026-12-04T10:00:00Z');
const HOUR_MS = 3_600_000;

function event(type: string, id: string, data: Record<string, unknown>, timeMs: number): TimedEvent {
  return { specversion: '1.0', id, source: 'urn:acd:rome-1', type, time: new Date(timeMs).toISOString(), timeMs, data } as TimedEvent;
}
const queued = (contactId: string, caller: string | undefined, at: number, queueId = 'sales') =>
  event('contact.queued', `q-${contactId}`, { contactId, queueId, channel: 'voice', ...(caller ? { caller } : {}) }, at);
const abandoned = (contactId: string, at: number, caller?: string) => event('contact.abandoned', `a-${contactId}`, { contactId, ...(caller ? { caller } : {}) }, at);
const answered = (contactId: string, at: number, caller?: string) => event('contact.answered', `n-${contactId}`, { contactId, agentId: 'ada', ...(caller ? { caller } : {}) }, at);

describe('CallbackTracker', () => {
  it('turns an abandon into an attempt with the queue and wait of its queued event, in any arrival order within a batch', () => {
    const tracker = new CallbackTracker('default', HOUR_MS);
    const { attempts } = tracker.follow([abandoned('c1', T0 + 30_000), event('contact.transferred', 't1', { contactId: 'c1', toQueueId: 'care' }, T0 + 10_000), queued('c1', 'cp1:k:anna', T0)]);
    expect(attempts).toEqual([{ tenant: 'default', source: 'urn:acd:rome-1', contactId: 'c1', pseudonym: 'cp1:k:anna', queueId: 'care', abandonedAtMs: T0 + 30_000, waitedMs: 30_000 }]);
  });

  it('skips an abandon without a caller identifier, and shows no wait when the queued event was not seen', () => {
    const tracker = new CallbackTracker('default', HOUR_MS);
    expect(tracker.follow([queued('c1', undefined, T0), abandoned('c1', T0 + 5_000)]).attempts).toEqual([]);
    expect(tracker.follow([abandoned('c2', T0 + 5_000, 'cp1:k:bruno')]).attempts[0]).toMatchObject({ queueId: null, waitedMs: null });
  });

  it('reaches only callers with an open entry, an abandon in the same batch included', () => {
    const tracker = new CallbackTracker('default', HOUR_MS);
    expect(tracker.follow([answered('c1', T0, 'cp1:k:anna')]).reaches).toEqual([]);
    tracker.noteEntry('cp1:k:anna', true);
    expect(tracker.follow([queued('c2', 'cp1:k:anna', T0 + 1_000), answered('c2', T0 + 2_000)]).reaches)
      .toEqual([{ tenant: 'default', pseudonym: 'cp1:k:anna', contactId: 'c2', atMs: T0 + 2_000 }]);
    tracker.noteEntry('cp1:k:anna', false);
    expect(tracker.follow([answered('c3', T0 + 3_000, 'cp1:k:anna')]).reaches).toEqual([]);
    const batch = tracker.follow([abandoned('c4', T0 + 4_000, 'cp1:k:carla'), answered('c5', T0 + 5_000, 'cp1:k:carla')]);
    expect([batch.attempts.length, batch.reaches.length]).toEqual([1, 1]);
  });

  it('forgets contacts that left the queue, and those without news beyond the horizon', () => {
    const tracker = new CallbackTracker('default', HOUR_MS);
    tracker.follow([queued('c1', 'cp1:k:a', T0), queued('c2', 'cp1:k:b', T0 + HOUR_MS), answered('c2', T0 + HOUR_MS + 1)]);
    expect(tracker.waiting).toBe(1);
    tracker.prune(T0 + HOUR_MS + 1);
    expect(tracker.waiting).toBe(0);
  });

  it('hands its waiting contacts to another tracker, which keeps what it heard itself', () => {
    const before = new CallbackTracker('default', HOUR_MS);
    before.follow([queued('c1', 'cp1:k:anna', T0), queued('c2', 'cp1:k:bruno', T0 + 1_000), answered('c2', T0 + 2_000)]);
    const after = new CallbackTracker('default', HOUR_MS);
    after.follow([event('contact.transferred', 't3', { contactId: 'c3', toQueueId: 'care', caller: 'cp1:k:dino' }, T0 + 3_000)]);
    after.resume(JSON.parse(JSON.stringify(before.waitingContacts())));
    expect(after.waiting).toBe(2);
    const { attempts } = after.follow([abandoned('c1', T0 + 40_000), abandoned('c3', T0 + 50_000)]);
    expect(attempts.map((a) => [a.contactId, a.pseudonym, a.queueId, a.waitedMs])).toEqual([['c1', 'cp1:k:anna', 'sales', 40_000], ['c3', 'cp1:k:dino', 'care', 47_000]]);
  });
});
