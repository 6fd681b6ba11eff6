import { describe, expect, it } from 'vitest';
import { erlangServiceLevel, sustainableRate } from './erlang.js';
import { planSimulation } from './plan.js';

const startMs = Date.parse('2026-03-02T08:00:00+01:00');

describe('Erlang C', () => {
  it('matches the textbook case: 10 Erlangs on 11 agents, AHT 180 s, 20 s → 39 % answered in time', () => {
    expect(erlangServiceLevel(11, 10, 180, 20)).toBeCloseTo(0.392, 2);
  });

  it('finds the highest rate that still meets the target', () => {
    const rate = sustainableRate(10, 200, 20, 0.8);
    expect(erlangServiceLevel(10, rate * 200, 200, 20)).toBeGreaterThanOrEqual(0.8);
    expect(erlangServiceLevel(10, rate * 1.05 * 200, 200, 20)).toBeLessThan(0.8);
  });
});

describe('planSimulation', () => {
  it('names Italian queues and splits the agents by workload', () => {
    const plan = planSimulation({ startMs, agents: 40 });
    expect(plan.queues.map((q) => q.id)).toEqual(['vendite', 'assistenza', 'premium', 'amministrazione', 'chat-web', 'email-supporto']);
    expect(plan.queues.reduce((sum, q) => sum + q.agents, 0)).toBe(40);
    expect(plan.queues.every((q) => q.agents >= 1 && q.peakRate > 0)).toBe(true);
  });

  it('numbers queues beyond the catalogue and shares an explicit rate', () => {
    const plan = planSimulation({ startMs, queues: 20, agents: 300, ratePerSecond: 50 });
    expect(new Set(plan.queues.map((q) => q.id)).size).toBe(20);
    expect(plan.queues.map((q) => q.id)).toContain('vendite-2');
    expect(plan.queues.reduce((sum, q) => sum + q.peakRate, 0)).toBeCloseTo(50, 6);
  });

  it('floods only assistenza in the outage preset', () => {
    const plan = planSimulation({ startMs, preset: 'outage' });
    expect(plan.queues.filter((q) => q.surges.length > 0).map((q) => q.id)).toEqual(['assistenza']);
  });

  it('names the field that is wrong', () => {
    expect(() => planSimulation({ startMs, agents: 3 })).toThrow(/agents \(3\) must be at least queues \(6\)/);
    expect(() => planSimulation({ startMs, queues: 0 })).toThrow(/queues must be a positive integer/);
  });
});
