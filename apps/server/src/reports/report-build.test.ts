import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '@plancia/engine';
import {
  DEFAULT_SETTINGS, defaultQueueConfig, type AbandonPolicyName, type ClosedIntervalEntry, type ReportFigures, type TimedEvent, type WindowMetrics,
} from '@plancia/contracts';
import { buildSeries, totalOf } from './report-build.js';
import { romeDay } from './report-periods.js';

const SOURCE = 'urn:test:acd';
// A Monday 08:00 in Rome (UTC+1): every interval of the day is aligned on 15 and 30 minutes.
const DAY0 = Date.parse('2026-03-02T07:00:00.000Z');
const TICK_MS = 10_000;
const POLICIES: AbandonPolicyName[] = ['ignore', 'negative', 'positive', 'exclude'];

interface Contact { at: number; wait: number; outcome: 'answered' | 'abandoned' | 'waiting'; talk: number; wrap: number }

function event(type: string, id: string, atMs: number, data: Record<string, unknown>): TimedEvent {
  return { specversion: '1.0', id: `${id}-${type}`, source: SOURCE, type, time: new Date(atMs).toISOString(), timeMs: atMs, data } as TimedEvent;
}

function eventsOf(c: Contact, index: number): TimedEvent[] {
  const id = `c${index}`;
  const events = [event('contact.queued', id, c.at, { contactId: id, queueId: 'sales', channel: 'voice' })];
  const end = c.at + c.wait;
  if (c.outcome === 'abandoned') events.push(event('contact.abandoned', id, end, { contactId: id }));
  if (c.outcome === 'answered') {
    events.push(event('contact.answered', id, end, { contactId: id, agentId: `a${index}` }));
    events.push(event('contact.ended', id, end + c.talk, { contactId: id }));
    events.push(event('contact.completed', id, end + c.talk + c.wrap, { contactId: id }));
  }
  return events;
}

/** The engine's own closed intervals of one queue over a stream, with intervals of `minutes`. */
function closedIntervals(contacts: readonly Contact[], minutes: 15 | 30, policy: AbandonPolicyName): ClosedIntervalEntry[] {
  const queue = { ...defaultQueueConfig('sales', 'voice'), intervalMinutes: minutes, serviceLevel: { ...defaultQueueConfig('sales').serviceLevel, abandonPolicy: policy } };
  const engine = createEngine({ settings: DEFAULT_SETTINGS, queues: [queue], calendars: [], alertRules: [], agents: [] }, DAY0);
  const events = contacts.flatMap(eventsOf).sort((a, b) => a.timeMs - b.timeMs);
  // The clock moves as the server's does (every few seconds), so it enters every interval it passes.
  let next = 0;
  for (let now = DAY0; now <= DAY0 + 5 * 3_600_000; now += TICK_MS) {
    const due: TimedEvent[] = [];
    while (next < events.length && events[next]!.timeMs <= now) due.push(events[next++]!);
    if (due.length > 0) engine.apply(due, now);
    engine.tick(now);
  }
  engine.tick(DAY0 + 12 * 3_600_000);
  return engine.drainClosedIntervals().filter((i) => i.queueId === 'sales');
}

const contactArb = fc.record({
  at: fc.integer({ min: 0, max: 3 * 3_600_000 }).map((ms) => DAY0 + ms),
  wait: fc.integer({ min: 0, max: 120_000 }),
  outcome: fc.constantFrom('answered' as const, 'abandoned' as const, 'waiting' as const),
  talk: fc.integer({ min: 1_000, max: 600_000 }),
  wrap: fc.integer({ min: 0, max: 120_000 }),
});

const FIGURES: (keyof WindowMetrics & keyof ReportFigures)[] = [
  'offered', 'answered', 'abandoned', 'shortAbandoned', 'answeredWithinThreshold', 'abandonedWithinThreshold', 'settled',
  'serviceLevel', 'asa', 'abandonRate', 'maxWait', 'handled', 'aht', 'avgTalk', 'avgWrapUp',
];

function expectSameFigures(actual: ReportFigures, expected: WindowMetrics): void {
  for (const key of FIGURES) {
    const [a, e] = [actual[key], expected[key]];
    if (e === null || a === null) expect(a, key).toBe(e);
    else expect(a, key).toBeCloseTo(e, 6);
  }
}

describe('report aggregation from stored intervals', () => {
  it('sums 15-minute intervals into exactly the 30-minute intervals the engine counts, under every abandon policy', () => {
    fc.assert(fc.property(fc.array(contactArb, { maxLength: 40 }), fc.constantFrom(...POLICIES), (contacts, policy) => {
      const quarters = closedIntervals(contacts, 15, policy);
      const halves = closedIntervals(contacts, 30, policy);
      const series = buildSeries(quarters, () => policy, '30', DAY0, DAY0 + 12 * 3_600_000);
      const byStart = new Map(series.rows.map((row) => [row.start, row]));
      for (const half of halves) {
        const row = byStart.get(half.intervalStart);
        if (half.metrics.offered === 0 && half.metrics.handled === 0 && half.metrics.shortAbandoned === 0) continue;
        expect(row, half.intervalStart).toBeDefined();
        expect(row!.minutes).toBe(30);
        expectSameFigures(row!, half.metrics);
      }
    }), { numRuns: 25 });
  });

  it('a day is the sum of its intervals, and equals a recount of the contacts', () => {
    fc.assert(fc.property(fc.array(contactArb, { maxLength: 40 }), (contacts) => {
      const intervals = closedIntervals(contacts, 15, 'ignore');
      const days = buildSeries(intervals, () => 'ignore', 'day', DAY0, DAY0 + 86_400_000);
      const nonShort = contacts.filter((c) => !(c.outcome === 'abandoned' && c.wait < 5_000));
      const answered = contacts.filter((c) => c.outcome === 'answered');
      const total = days.rows.reduce((sum, row) => sum + row.offered, 0);
      expect(total).toBe(nonShort.length);
      expect(days.rows.every((row) => row.day === romeDay(DAY0) && row.minutes === 24 * 60)).toBe(true);
      expect(days.total.answered).toBe(answered.length);
      const waits = answered.reduce((sum, c) => sum + c.wait, 0) / 1000;
      if (answered.length > 0) expect(days.total.asa).toBeCloseTo(waits / answered.length, 6);
      const handled = answered.reduce((sum, c) => sum + c.talk + c.wrap, 0) / 1000;
      if (answered.length > 0) expect(days.total.aht).toBeCloseTo(handled / answered.length, 6);
      expect(totalOf(intervals, () => 'ignore')).toEqual(days.total);
    }), { numRuns: 25 });
  });

  it('weighs each interval by its own contacts, not by one vote per interval', () => {
    // 1 of 1 met in the first interval, 0 of 3 in the second: 25 %, where a mean of the two would say 50 %.
    const met = { at: DAY0 + 60_000, wait: 1_000, outcome: 'answered' as const, talk: 60_000, wrap: 0 };
    const missed = (n: number) => ({ at: DAY0 + 16 * 60_000 + n, wait: 60_000, outcome: 'answered' as const, talk: 60_000, wrap: 0 });
    const intervals = closedIntervals([met, missed(1), missed(2), missed(3)], 15, 'ignore');
    const series = buildSeries(intervals, () => 'ignore', '30', DAY0, DAY0 + 3_600_000);
    expect(series.rows[0]!.serviceLevel).toBe(0.25);
    expect(series.rows[0]!.intervals).toBe(2);
  });

  it('re-aggregates each interval under the abandon policy stored with it, whatever the queue\'s policy is now', () => {
    fc.assert(fc.property(fc.array(contactArb, { maxLength: 40 }), fc.constantFrom(...POLICIES), fc.constantFrom(...POLICIES), (contacts, then, now) => {
      const quarters = closedIntervals(contacts, 15, then);
      expect(quarters.every((i) => i.abandonPolicy === then)).toBe(true);
      const halves = closedIntervals(contacts, 30, then);
      const series = buildSeries(quarters, () => now, '30', DAY0, DAY0 + 12 * 3_600_000);
      const byStart = new Map(series.rows.map((row) => [row.start, row]));
      for (const half of halves) {
        if (half.metrics.offered === 0 && half.metrics.handled === 0 && half.metrics.shortAbandoned === 0) continue;
        expectSameFigures(byStart.get(half.intervalStart)!, half.metrics);
      }
    }), { numRuns: 25 });
  });

  it('falls back to the queue\'s current policy for an interval stored without one', () => {
    // 1 met and 1 abandoned within T: 100 % under `ignore`, 50 % under `negative`.
    const contacts: Contact[] = [
      { at: DAY0 + 60_000, wait: 1_000, outcome: 'answered', talk: 1_000, wrap: 0 },
      { at: DAY0 + 60_000, wait: 10_000, outcome: 'abandoned', talk: 1_000, wrap: 0 },
    ];
    const stored = closedIntervals(contacts, 30, 'negative');
    expect(buildSeries(stored, () => 'ignore', '30', DAY0, DAY0 + 3_600_000).total.serviceLevel).toBe(0.5);
    const older = stored.map(({ abandonPolicy: _policy, ...rest }) => rest);
    expect(buildSeries(older, () => 'negative', '30', DAY0, DAY0 + 3_600_000).total.serviceLevel).toBe(0.5);
  });

  it('keeps a stored 30-minute interval whole when 15 minutes are asked for', () => {
    const intervals = closedIntervals([{ at: DAY0 + 60_000, wait: 1_000, outcome: 'answered', talk: 1_000, wrap: 0 }], 30, 'ignore');
    const series = buildSeries(intervals, () => 'ignore', '15', DAY0, DAY0 + 3_600_000);
    expect(series.rows.map((r) => r.minutes)).toEqual(intervals.map(() => 30));
  });
});
