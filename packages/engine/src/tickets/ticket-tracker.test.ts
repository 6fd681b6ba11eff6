import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from '@plancia/contracts';
import { created, newTracker, reopened, replied, solved } from './ticket-test-kit.js';

const t = (iso: string): number => Date.parse(iso);
const live = (open: number, breached: number, atRisk: number) => ({ open, breached, atRisk });

describe('TicketTracker: first response on the business calendar', () => {
  it('crosses the weekend: Friday 17:00 + 8 business hours is Monday 16:00, at risk from 14:24, breached after 16:00', () => {
    const tracker = newTracker();
    tracker.apply(created('T1', '2026-01-16T17:00:00+01:00'));
    tracker.tick(t('2026-01-19T14:23:59+01:00'));
    expect(tracker.live('support', t('2026-01-19T14:23:59+01:00'))).toEqual(live(1, 0, 0));
    tracker.tick(t('2026-01-19T14:24:00+01:00'));
    expect(tracker.live('support', t('2026-01-19T14:24:00+01:00'))).toEqual(live(1, 0, 1));
    tracker.tick(t('2026-01-19T16:00:00+01:00'));
    expect(tracker.live('support', t('2026-01-19T16:00:00+01:00'))).toEqual(live(1, 0, 1));
    tracker.tick(t('2026-01-19T16:00:00.001+01:00'));
    expect(tracker.live('support', t('2026-01-19T16:00:01+01:00'))).toEqual(live(1, 1, 0));
    tracker.apply(replied('T1', '2026-01-19T17:00:00+01:00'));
    // Replied late: the first-response clock is done; resolution (Monday 26 January 11:00) is not at risk yet.
    expect(tracker.live('support', t('2026-01-19T17:00:00+01:00'))).toEqual(live(1, 0, 0));
    expect(tracker.drainFacts()).toEqual([
      { queueId: 'support', channel: 'email', kind: 'created', atMs: t('2026-01-16T17:00:00+01:00') },
      { queueId: 'support', channel: 'email', kind: 'firstResponse', atMs: t('2026-01-19T17:00:00+01:00'), inTarget: false },
    ]);
  });

  it('skips Easter Monday 2026: Friday 3 April 17:00 is due Tuesday 7 April 16:00', () => {
    const tracker = newTracker();
    tracker.apply(created('T2', '2026-04-03T17:00:00+02:00'));
    expect(tracker.live('support', t('2026-04-06T17:59:00+02:00'))).toEqual(live(1, 0, 0));
    expect(tracker.live('support', t('2026-04-07T16:00:01+02:00'))).toEqual(live(1, 1, 0));
    tracker.drainFacts();
    tracker.apply(replied('T2', '2026-04-07T15:59:00+02:00'));
    expect(tracker.drainFacts()[0]?.inTarget).toBe(true);
  });

  it('skips Christmas and Santo Stefano; a reply exactly at the deadline is in target, even arriving after the breach tick', () => {
    const tracker = newTracker();
    tracker.apply(created('T3', '2025-12-24T17:00:00+01:00'));
    tracker.tick(t('2025-12-29T16:00:00.001+01:00'));
    expect(tracker.live('support', t('2025-12-29T16:00:01+01:00'))).toEqual(live(1, 1, 0));
    tracker.apply(replied('T3', '2025-12-29T16:00:00+01:00'));
    expect(tracker.live('support', t('2025-12-29T16:00:01+01:00'))).toEqual(live(1, 0, 0));
    expect(tracker.drainFacts().at(-1)).toMatchObject({ kind: 'firstResponse', inTarget: true });
  });

  it('follows the wall clock across the spring DST change: due Monday 30 March 16:00 CEST, not 17:00', () => {
    const tracker = newTracker();
    tracker.apply(created('T4', '2026-03-27T17:00:00+01:00'));
    expect(tracker.live('support', t('2026-03-30T15:59:59+02:00'))).toEqual(live(1, 0, 1));
    expect(tracker.live('support', t('2026-03-30T16:00:01+02:00'))).toEqual(live(1, 1, 0));
  });
});

describe('TicketTracker: resolution and wall-clock targets', () => {
  it('gives an urgent ticket 8 business hours to be solved', () => {
    const tracker = newTracker();
    tracker.apply(created('U1', '2026-01-19T10:00:00+01:00', { priority: 'urgent' }));
    tracker.apply(replied('U1', '2026-01-19T10:30:00+01:00'));
    tracker.tick(t('2026-01-19T18:00:00.001+01:00'));
    expect(tracker.live('support', t('2026-01-19T18:00:01+01:00'))).toEqual(live(1, 1, 0));
    tracker.apply(solved('U1', '2026-01-20T09:30:00+01:00'));
    expect(tracker.live('support', t('2026-01-20T09:30:00+01:00'))).toEqual(live(0, 0, 0));
    expect(tracker.drainFacts().map((f) => [f.kind, f.inTarget])).toEqual([
      ['created', undefined], ['firstResponse', true], ['solved', false],
    ]);
  });

  it('measures a 60-second wall-clock first response even on a Saturday night', () => {
    const chatLike = (queueId: string) => ({
      ...defaultQueueConfig(queueId),
      firstResponse: [{ channel: 'web' as const, seconds: 60, businessHours: false }],
    });
    const tracker = newTracker({ config: chatLike });
    const start = t('2026-01-17T23:00:00+01:00');
    tracker.apply(created('W1', start, { channel: 'web' }));
    tracker.tick(start + 47_999);
    expect(tracker.live('support', start + 47_999)).toEqual(live(1, 0, 0));
    tracker.tick(start + 48_000);
    expect(tracker.live('support', start + 48_000)).toEqual(live(1, 0, 1));
    tracker.tick(start + 60_001);
    expect(tracker.live('support', start + 60_001)).toEqual(live(1, 1, 0));
  });

  it('has no clock when no target matches, and its facts carry no inTarget', () => {
    const tracker = newTracker({ config: (q) => ({ ...defaultQueueConfig(q), firstResponse: [], resolution: [] }) });
    tracker.apply(created('N1', 0));
    tracker.apply(replied('N1', 10));
    expect(tracker.live('support', 1e12)).toEqual(live(1, 0, 0));
    expect(tracker.drainFacts()[1]).toEqual({ queueId: 'support', channel: 'email', kind: 'firstResponse', atMs: 10 });
  });
});

describe('TicketTracker: order, reopen and bookkeeping', () => {
  it('holds a reply that arrives before its ticket and matches it on creation', () => {
    const tracker = newTracker();
    tracker.apply(replied('R1', '2026-01-19T09:30:00+01:00'));
    expect(tracker.live('support', t('2026-01-19T09:30:00+01:00'))).toEqual(live(0, 0, 0));
    tracker.apply(created('R1', '2026-01-19T09:00:00+01:00'));
    expect(tracker.drainFacts().map((f) => [f.kind, f.inTarget])).toEqual([['created', undefined], ['firstResponse', true]]);
  });

  it('drops an update whose ticket does not appear within grace and counts it as an orphan', () => {
    const tracker = newTracker({ graceMs: 120_000 });
    tracker.apply(replied('O1', 1_000));
    tracker.tick(120_999);
    expect(tracker.drainOrphans()).toBe(0);
    tracker.tick(121_000);
    expect(tracker.drainOrphans()).toBe(1);
    tracker.apply(created('O1', 500));
    expect(tracker.drainFacts().map((f) => f.kind)).toEqual(['created']);
  });

  it('resumes the resolution clock from the original creation on reopen and counts each solve', () => {
    const tracker = newTracker();
    tracker.apply(created('P1', '2026-01-12T09:00:00+01:00')); // resolution due Monday 19 January 12:00
    tracker.apply(replied('P1', '2026-01-12T10:00:00+01:00'));
    tracker.apply(solved('P1', '2026-01-13T10:00:00+01:00'));
    expect(tracker.live('support', t('2026-01-20T10:00:00+01:00'))).toEqual(live(0, 0, 0));
    tracker.apply(reopened('P1', '2026-01-20T10:00:00+01:00'));
    tracker.tick(t('2026-01-20T10:00:00+01:00'));
    expect(tracker.live('support', t('2026-01-20T10:00:00+01:00'))).toEqual(live(1, 1, 0));
    tracker.apply(solved('P1', '2026-01-20T11:00:00+01:00'));
    expect(tracker.live('support', t('2026-01-20T11:00:00+01:00'))).toEqual(live(0, 0, 0));
    expect(tracker.drainFacts().filter((f) => f.kind === 'solved').map((f) => f.inTarget)).toEqual([true, false]);
  });

  it('ends in the same status whichever of a solve and a later reopen arrives first', () => {
    const tracker = newTracker();
    tracker.apply(created('P2', 0));
    tracker.apply(reopened('P2', 2_000));
    tracker.apply(solved('P2', 1_000));
    expect(tracker.live('support', 3_000)).toEqual(live(1, 0, 0));
  });

  it('stops the first-response clock when solved without a reply, and still counts a reply that arrives late', () => {
    const tracker = newTracker();
    tracker.apply(created('S1', '2026-01-19T09:00:00+01:00'));
    tracker.apply(solved('S1', '2026-01-19T11:00:00+01:00'));
    expect(tracker.live('support', t('2026-01-26T09:00:00+01:00'))).toEqual(live(0, 0, 0));
    tracker.apply(replied('S1', '2026-01-19T10:00:00+01:00'));
    expect(tracker.drainFacts().map((f) => f.kind)).toEqual(['created', 'solved', 'firstResponse']);
  });

  it('ignores a duplicate creation and a repeated solve at the same instant', () => {
    const tracker = newTracker();
    tracker.apply(created('D1', 0));
    tracker.apply(created('D1', 5));
    tracker.apply(solved('D1', 10));
    tracker.apply(solved('D1', 10));
    expect(tracker.drainFacts().map((f) => f.kind)).toEqual(['created', 'solved']);
  });

  it('treats a reopen of a forgotten solved ticket as an orphan', () => {
    const tracker = newTracker({ solvedMemory: 1, graceMs: 1_000 });
    tracker.apply(created('F1', 0));
    tracker.apply(solved('F1', 10));
    tracker.apply(created('F2', 20));
    tracker.apply(solved('F2', 30));
    tracker.apply(reopened('F1', 40));
    tracker.tick(1_040);
    expect(tracker.drainOrphans()).toBe(1);
    expect(tracker.live('support', 1_040)).toEqual(live(0, 0, 0));
  });

  it('keeps counts per queue and lists the queues seen', () => {
    const tracker = newTracker();
    tracker.apply(created('Q1', 0, { queueId: 'billing' }));
    tracker.apply(created('Q2', 0));
    tracker.apply(created('Q3', 0));
    expect(tracker.queues().sort()).toEqual(['billing', 'support']);
    expect(tracker.live('support', 0).open).toBe(2);
    expect(tracker.live('billing', 0).open).toBe(1);
    expect(tracker.live('nowhere', 0)).toEqual(live(0, 0, 0));
  });

  it('marks breaches of many open tickets on one tick', () => {
    const tracker = newTracker({ config: (q) => ({ ...defaultQueueConfig(q), firstResponse: [{ seconds: 60, businessHours: false }] }) });
    for (let i = 0; i < 2_000; i += 1) tracker.apply(created(`M${i}`, i * 10));
    for (let i = 0; i < 2_000; i += 2) tracker.apply(solved(`M${i}`, i * 10 + 1));
    tracker.tick(10 * 1_999 + 60_001);
    expect(tracker.live('support', 10 * 1_999 + 60_001)).toEqual(live(1_000, 1_000, 0));
  });
});
