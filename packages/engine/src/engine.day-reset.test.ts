import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CALENDAR, type TimedEvent } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, queueOf } from './engine-test-kit.js';

/** 06:00 Europe/Rome on Tuesday 3 March 2026 (05:00 UTC). */
const SIX = Date.UTC(2026, 2, 3, 5, 0, 0);
const MIDNIGHT = Date.UTC(2026, 2, 2, 23, 0, 0);
const min = (m: number) => SIX + m * 60_000;
const cfg = () => config([queue('shifts', {}, { dayResetTime: '06:00' }), queue('office')]);

describe('a queue\'s own day reset', () => {
  it('starts its today at its own time, while other queues and the centre keep the centre\'s', () => {
    const engine = createEngineAt(cfg(), min(-60));
    engine.apply([
      ev.queued('n1', min(-30), 'shifts'), ev.answered('n1', min(-29)),
      ev.queued('o1', min(-30), 'office'), ev.answered('o1', min(-29), 'a2'),
      ev.queued('d1', min(30), 'shifts'), ev.answered('d1', min(31), 'a3'),
    ], min(40));
    const shifts = queueOf(engine, min(40), 'shifts');
    expect(shifts.todayStart).toBe(new Date(SIX).toISOString());
    expect(shifts.windows.today).toMatchObject({ offered: 1, answered: 1 });
    const office = queueOf(engine, min(40), 'office');
    expect(office.todayStart).toBe(new Date(MIDNIGHT).toISOString());
    expect(office.windows.today).toMatchObject({ offered: 1, answered: 1 });
    expect(engine.snapshot(min(40)).centre.windows.today).toMatchObject({ offered: 3 });
  });

  it('before its reset the queue\'s today is still the one that began yesterday at 06:00', () => {
    const engine = createEngineAt(cfg(), min(-60));
    engine.apply([ev.queued('n1', min(-30), 'shifts')], min(-10));
    const shifts = queueOf(engine, min(-10), 'shifts');
    expect(shifts.todayStart).toBe(new Date(SIX - 24 * 3600_000).toISOString());
    expect(shifts.windows.today.offered).toBe(1);
  });

  it('follows its calendar\'s time zone', () => {
    const london = { ...DEFAULT_CALENDAR, id: 'uk', name: 'UK', timeZone: 'Europe/London' };
    const engine = createEngineAt(config([queue('uk', {}, { dayResetTime: '06:00', calendarId: 'uk' })], { calendars: [london] }), min(0));
    expect(queueOf(engine, min(90), 'uk').todayStart).toBe(new Date(Date.UTC(2026, 2, 3, 6, 0, 0)).toISOString());
  });

  it('a replay after a restart starts early enough for the queue whose day began before the centre\'s', () => {
    const late = config([queue('late', {}, { dayResetTime: '22:00' })]);
    const engine = createEngineAt(late, min(0));
    // 06:00: the centre's day began at 00:00, the late queue's at 22:00 yesterday (21:00 UTC).
    expect(engine.replayFrom(min(0))).toBeLessThanOrEqual(Date.UTC(2026, 2, 2, 21, 0, 0));
  });
});

describe('a queue\'s own day reset: property', () => {
  it('today counts what a recount of the raw events gives between the queue\'s reset and now, in any arrival order', () => {
    const contact = fc.record({
      queue: fc.constantFrom('shifts', 'office'),
      start: fc.integer({ min: -40 * 60_000, max: 40 * 60_000 }),
      wait: fc.integer({ min: 6_000, max: 60_000 }),
      outcome: fc.constantFrom('answered' as const, 'abandoned' as const, 'waiting' as const),
    });
    const arb = fc.tuple(fc.array(contact, { minLength: 1, maxLength: 15 }), fc.integer({ min: -5 * 60_000, max: 45 * 60_000 }))
      .chain(([plans, nowOffset]) => {
        const events: TimedEvent[] = plans.flatMap((p, i) => {
          const t = SIX + p.start;
          const out = [ev.queued(`c${i}`, t, p.queue)];
          if (p.outcome === 'answered') out.push(ev.answered(`c${i}`, t + p.wait, `a${i}`));
          if (p.outcome === 'abandoned') out.push(ev.abandoned(`c${i}`, t + p.wait));
          return out;
        });
        const now = Math.max(SIX + nowOffset, ...events.map((e) => e.timeMs));
        return fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }), fc.constant(now));
      });
    fc.assert(fc.property(arb, ([events, shuffled, now]) => {
      const engine = createEngineAt(cfg(), SIX - 60 * 60_000);
      for (const e of shuffled) engine.apply([e], e.timeMs);
      for (const [queueId, dayStart] of [['shifts', now >= SIX ? SIX : SIX - 86_400_000], ['office', MIDNIGHT]] as const) {
        const inDay = (t: number) => t >= dayStart && t <= now;
        const of = (type: string) => events.filter((e) => e.type === type);
        const queuedHere = new Set(of('contact.queued').filter((e) => (e.data as { queueId: string }).queueId === queueId).map((e) => (e.data as { contactId: string }).contactId));
        const count = (type: string) => of(type).filter((e) => queuedHere.has((e.data as { contactId: string }).contactId) && inDay(e.timeMs)).length;
        const today = queueOf(engine, now, queueId).windows.today;
        expect({ offered: today.offered, answered: today.answered, abandoned: today.abandoned })
          .toEqual({ offered: count('contact.queued'), answered: count('contact.answered'), abandoned: count('contact.abandoned') });
      }
    }), { numRuns: 150 });
  });
});
