import { describe, expect, it } from 'vitest';
import { periodRange, startOfDay, zonedInstant } from './history-period.js';

describe('history periods', () => {
  const now = Date.parse('2026-12-05T06:30:15.250Z');

  it('counts back from now for the rolling periods', () => {
    expect(periodRange('last24h', now, 'Europe/Rome')).toEqual({ from: '2026-12-04T06:30:15.250Z', to: '2026-12-05T06:30:15.250Z' });
    expect(periodRange('last7d', now, 'Europe/Rome')?.from).toBe('2026-11-28T06:30:15.250Z');
    expect(periodRange('last30d', now, 'Europe/Rome')?.from).toBe('2026-11-05T06:30:15.250Z');
  });

  it('starts "today" at the centre\'s midnight, not UTC\'s', () => {
    // 07:30 in Rome (UTC+1 in December): the day began at 23:00 UTC the evening before.
    expect(new Date(startOfDay(now, 'Europe/Rome')).toISOString()).toBe('2026-12-04T23:00:00.000Z');
    expect(new Date(startOfDay(now, 'UTC')).toISOString()).toBe('2026-12-05T00:00:00.000Z');
    // Summer time: UTC+2.
    expect(new Date(startOfDay(Date.parse('2026-07-01T10:00:00Z'), 'Europe/Rome')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });
});

describe('custom periods', () => {
  it('reads both ends as the centre\'s wall clock, across summer time', () => {
    expect(periodRange('custom', 0, 'Europe/Rome', { from: '2026-12-01T08:00', to: '2026-12-01T18:30' }))
      .toEqual({ from: '2026-12-01T07:00:00.000Z', to: '2026-12-01T17:30:00.000Z' });
    expect(zonedInstant('2026-07-01T00:00', 'Europe/Rome')).toBe(Date.parse('2026-06-30T22:00:00Z'));
    // The night summer time ends (25 October 2026): 04:00 is after the change, UTC+1.
    expect(zonedInstant('2026-10-25T04:00', 'Europe/Rome')).toBe(Date.parse('2026-10-25T03:00:00Z'));
    expect(zonedInstant('2026-03-29T12:00', 'UTC')).toBe(Date.parse('2026-03-29T12:00:00Z'));
  });

  it('gives no range until both ends are set and in order', () => {
    expect(periodRange('custom', 0, 'Europe/Rome', { from: '', to: '2026-12-01T18:30' })).toBeNull();
    expect(periodRange('custom', 0, 'Europe/Rome', { from: '2026-12-02T08:00', to: '2026-12-01T18:30' })).toBeNull();
    expect(periodRange('custom', 0, 'Europe/Rome', { from: '2026-12-01T08:00', to: '2026-12-01T08:00' })).toBeNull();
    expect(zonedInstant('yesterday', 'Europe/Rome')).toBeNull();
  });
});
