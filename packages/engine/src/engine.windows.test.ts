import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, queueOf, s, T0 } from './engine-test-kit.js';
import { dayBounds } from './windows/day-clock.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('rolling window', () => {
  it('keeps a fact for W minutes in 10-second steps, then drops it', () => {
    const e = createEngineAt(config());
    e.apply([ev.queued('c1', s(0)), ev.answered('c1', s(5))], s(5));
    e.tick(s(899));
    expect(queueOf(e, s(899)).windows.rolling).toMatchObject({ offered: 1, answered: 1 });
    e.tick(s(900));
    expect(queueOf(e, s(900)).windows.rolling).toMatchObject({ offered: 0, answered: 0, asa: null, waitP50: null, serviceLevel: null });
    expect(queueOf(e, s(900)).windows.today).toMatchObject({ offered: 1, answered: 1 });
  });

  it('honours the queue\'s W (5 minutes) while the centre keeps 15', () => {
    const e = createEngineAt(config([queue('q1', {}, { rollingMinutes: 5 })]));
    e.apply([ev.queued('c1', s(0))], s(0));
    e.tick(s(300));
    const snap = e.snapshot(s(300));
    expect(snap.queues[0]!.windows.rolling.offered).toBe(0);
    expect(snap.centre.windows.rolling.offered).toBe(1);
    expect(snap.channels[0]).toMatchObject({ key: 'voice' });
    expect(snap.channels[0]!.windows.rolling.offered).toBe(1);
  });
});

describe('interval window', () => {
  it('restarts at each aligned interval and hands out the closed one after the grace period', () => {
    const e = createEngineAt(config([queue('q1', {}, { intervalMinutes: 15 })]));
    e.apply([ev.queued('c1', s(60)), ev.answered('c1', s(70))], s(70));
    e.tick(T0 + 15 * 60_000);
    expect(queueOf(e, T0 + 15 * 60_000).windows.interval.offered).toBe(0);
    expect(e.drainClosedIntervals()).toEqual([]);
    // A late event of the closed interval still lands in it during the grace period.
    e.apply([ev.queued('c2', s(890)), ev.abandoned('c2', s(893))], T0 + 15 * 60_000 + 1000);
    e.tick(T0 + 17 * 60_000);
    const closed = e.drainClosedIntervals();
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ queueId: 'q1', intervalStart: iso(T0), intervalMinutes: 15 });
    expect(closed[0]!.metrics).toMatchObject({ offered: 1, answered: 1, shortAbandoned: 1 });
    expect(e.drainClosedIntervals()).toEqual([]);
  });
});

describe('today window in Europe/Rome', () => {
  it('resets at local midnight', () => {
    const lateEvening = Date.UTC(2026, 2, 2, 22, 50); // 23:50 in Rome (UTC+1)
    const e = createEngineAt(config(), lateEvening);
    e.apply([ev.queued('c1', lateEvening)], lateEvening);
    expect(queueOf(e, lateEvening).windows.today.offered).toBe(1);
    const midnight = Date.UTC(2026, 2, 2, 23, 0);
    e.tick(midnight);
    const q = queueOf(e, midnight);
    expect(q.windows.today.offered).toBe(0);
    expect(q.windows.rolling.offered).toBe(1);
    expect(e.snapshot(midnight).bounds.todayStart).toBe(iso(midnight));
  });

  it('honours the reset time', () => {
    const b = dayBounds(Date.UTC(2026, 2, 2, 4, 0), 'Europe/Rome', '06:00'); // 05:00 local: still the previous day
    expect(b).toEqual({ start: Date.UTC(2026, 2, 1, 5, 0), end: Date.UTC(2026, 2, 2, 5, 0) });
  });

  it('spring forward: 29 March 2026 lasts 23 hours', () => {
    expect(dayBounds(Date.UTC(2026, 2, 29, 12), 'Europe/Rome', '00:00')).toEqual({ start: Date.UTC(2026, 2, 28, 23), end: Date.UTC(2026, 2, 29, 22) });
  });

  it('fall back: 25 October 2026 lasts 25 hours, and the engine resets once', () => {
    expect(dayBounds(Date.UTC(2026, 9, 25, 12), 'Europe/Rome', '00:00')).toEqual({ start: Date.UTC(2026, 9, 24, 22), end: Date.UTC(2026, 9, 25, 23) });
    const start = Date.UTC(2026, 9, 24, 22, 30); // 00:30 local, 25 October
    const e = createEngineAt(config(), start);
    e.apply([ev.queued('c1', start)], start);
    e.tick(Date.UTC(2026, 9, 25, 22, 30)); // 23:30 local, 24 h later, same local day
    expect(queueOf(e, Date.UTC(2026, 9, 25, 22, 30)).windows.today.offered).toBe(1);
    e.tick(Date.UTC(2026, 9, 25, 23, 0));
    expect(queueOf(e, Date.UTC(2026, 9, 25, 23, 0)).windows.today.offered).toBe(0);
  });

  it('counts events older than every window as late, applied to live state only', () => {
    const now = Date.UTC(2026, 2, 2, 0, 30); // 01:30 in Rome
    const e = createEngineAt(config(), now);
    e.apply([ev.queued('c1', Date.UTC(2026, 2, 1, 22, 55)), ev.queued('c2', Date.UTC(2026, 2, 1, 23, 20))], now);
    const snap = e.snapshot(now);
    expect(snap.anomalies.lateEvents).toBe(1);
    expect(snap.queues[0]!.windows.today.offered).toBe(1);
    expect(snap.queues[0]!.windows.rolling.offered).toBe(0);
    expect(snap.queues[0]!.live.waiting).toBe(2);
  });

  it('removes a ghost from waiting after the stale timeout and counts it', () => {
    const e = createEngineAt(config());
    e.apply([ev.queued('c1', s(0))], s(0));
    e.tick(s(4 * 3600 - 1));
    expect(queueOf(e, s(4 * 3600 - 1)).live.waiting).toBe(1);
    e.tick(s(4 * 3600));
    expect(queueOf(e, s(4 * 3600)).live).toMatchObject({ waiting: 0, longestWaitSince: null });
    expect(e.snapshot(s(4 * 3600)).anomalies.staleContactsRemoved).toBe(1);
  });

  it('counts an answer of a contact never queued as an orphan once the grace period is over', () => {
    const e = createEngineAt(config());
    e.apply([ev.answered('x1', s(0), 'a9')], s(0));
    expect(e.snapshot(s(0)).anomalies.orphanEvents).toBe(0);
    expect(e.snapshot(s(0)).agents[0]).toMatchObject({ agentId: 'a9', state: 'on_contact' });
    e.tick(s(120));
    expect(e.snapshot(s(120)).anomalies.orphanEvents).toBe(1);
  });

  it('starts the replay at the start of today', () => {
    const e = createEngineAt(config());
    expect(e.replayFrom(s(0))).toBe(Date.UTC(2026, 2, 1, 23));
    expect(DEFAULT_SETTINGS.timeZone).toBe('Europe/Rome');
  });
});
