import { describe, expect, it } from 'vitest';
import { validateEvent, type PlanciaEvent } from '@plancia/contracts';
import { generate } from './generate.js';
import { DEFAULT_AGENTS, planSimulation } from './plan.js';
import { referenceServiceLevel } from './test-support.js';

const MONDAY_9 = Date.parse('2026-03-02T09:00:00+01:00');
const HOUR = 3_600_000;
const take = (options: Parameters<typeof generate>[0]): PlanciaEvent[] => [...generate(options)];

describe('generate', () => {
  it('gives the same events for the same seed, and different ones for another seed', () => {
    const options = { seed: 7, startMs: MONDAY_9, durationMs: 0.5 * HOUR, agents: 40 };
    const first = take(options);
    expect(take(options)).toEqual(first);
    expect(first.length).toBeGreaterThan(300);
    expect(take({ ...options, seed: 8 })).not.toEqual(first);
  });

  it('emits only valid CloudEvents, in time order, with unique ids from the run source', () => {
    const events = take({ seed: 3, startMs: MONDAY_9, durationMs: 1.5 * HOUR, preset: 'surge', agents: 40 });
    const ids = new Set<string>();
    let previous = -Infinity;
    for (const event of events) {
      const result = validateEvent(event, MONDAY_9 + 3 * HOUR);
      expect(result.ok ? [] : result.errors).toEqual([]);
      const time = Date.parse(event.time);
      expect(time).toBeGreaterThanOrEqual(previous);
      previous = time;
      ids.add(event.id);
    }
    expect(ids.size).toBe(events.length);
    expect(new Set(events.map((e) => e.source))).toEqual(new Set([`plancia-simulator/s3-${MONDAY_9.toString(36)}`]));
    const types = new Set(events.map((e) => e.type));
    for (const type of ['contact.transferred', 'contact.abandoned', 'ticket.created', 'ticket.replied', 'ticket.solved', 'survey.completed']) {
      expect(types).toContain(type);
    }
  });

  it('logs agents in at the start with Italian not-ready reasons among them', () => {
    const events = take({ seed: 5, startMs: MONDAY_9, durationMs: 2 * HOUR });
    const atStart = events.filter((e) => e.type === 'agent.state' && e.time === new Date(MONDAY_9).toISOString());
    expect(atStart).toHaveLength(DEFAULT_AGENTS);
    const reasons = new Set(events.flatMap((e) => (e.type === 'agent.state' && e.data.reason ? [e.data.reason] : [])));
    expect([...reasons]).toEqual(expect.arrayContaining(['Pausa caffè', 'Pausa pranzo']));
  });

  it('brings arrivals at the planned Poisson rate over a long flat run', () => {
    const durationMs = 12 * HOUR;
    const options = { seed: 11, startMs: MONDAY_9, durationMs, profile: 'flat' as const, ratePerSecond: 0.5 };
    const expected = planSimulation(options).queues
      .filter((q) => q.template.kind === 'contact')
      .reduce((sum, q) => sum + (q.peakRate * durationMs) / 1000, 0);
    const arrivals = take(options).filter((e) => e.type === 'contact.queued').length;
    // Poisson: standard deviation √n; four of them is a false alarm once in ~16,000 runs, and the seed is fixed.
    expect(Math.abs(arrivals - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });
});

describe('presets', () => {
  const duration = 3 * HOUR;
  const surgeFrom = MONDAY_9 + 2 * 60_000;
  const surgeTo = surgeFrom + HOUR;

  it('surge drops service level below 80/20 over the surge period', () => {
    const events = take({ seed: 42, startMs: MONDAY_9, durationMs: duration, preset: 'surge' });
    expect(referenceServiceLevel(events, surgeFrom, surgeTo).serviceLevel).toBeLessThan(0.8);
  });

  it('normal keeps service level above 80/20 over the same period and in most half hours', () => {
    const events = take({ seed: 42, startMs: MONDAY_9, durationMs: duration, preset: 'normal' });
    expect(referenceServiceLevel(events, surgeFrom, surgeTo).serviceLevel).toBeGreaterThan(0.8);
    const halfHours = Array.from({ length: 6 }, (_, i) => referenceServiceLevel(events, MONDAY_9 + i * HOUR / 2, MONDAY_9 + (i + 1) * HOUR / 2));
    expect(halfHours.filter((h) => h.serviceLevel >= 0.8).length).toBeGreaterThanOrEqual(5);
  });

  it('surge is measured against the peak: run at night, it still breaks 80/20', () => {
    const sundayNight = Date.parse('2026-03-01T23:00:00+01:00');
    const events = take({ seed: 42, startMs: sundayNight, durationMs: HOUR, preset: 'surge' });
    const during = referenceServiceLevel(events, sundayNight + 2 * 60_000, sundayNight + HOUR);
    expect(during.answered).toBeGreaterThan(500);
    expect(during.serviceLevel).toBeLessThan(0.8);
  });

  it('a normal day keeps CSAT (share of 4 and 5) above the default 90 % alert, a surge pulls it below', () => {
    const csat = (preset: 'normal' | 'surge') => {
      const scores = take({ seed: 42, startMs: MONDAY_9, durationMs: HOUR, preset })
        .flatMap((event) => (event.type === 'survey.completed' && event.data.csat !== undefined ? [event.data.csat] : []));
      return scores.filter((score) => score >= 4).length / scores.length;
    };
    expect(csat('normal')).toBeGreaterThan(0.92);
    expect(csat('surge')).toBeLessThan(0.9);
  });

  it('outage floods assistenza: many abandons there, far more than on a normal day', () => {
    const abandonsIn = (preset: 'normal' | 'outage') => {
      const queueOf = new Map<string, string>();
      let count = 0;
      for (const event of generate({ seed: 42, startMs: MONDAY_9, durationMs: HOUR, preset })) {
        if (event.type === 'contact.queued') queueOf.set(event.data.contactId, event.data.queueId);
        if (event.type === 'contact.abandoned' && queueOf.get(event.data.contactId) === 'assistenza') count++;
      }
      return count;
    };
    expect(abandonsIn('outage')).toBeGreaterThan(10 * Math.max(1, abandonsIn('normal')));
  });
});
