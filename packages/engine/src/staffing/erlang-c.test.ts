import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agentsRequired, erlangB, erlangC, serviceLevel } from './erlang-c.js';

/** The textbook closed form with factorials, as an independent oracle for small N. */
function erlangCByFactorials(n: number, a: number): number {
  let term = 1; // a^k / k!
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = (term * n) / (n - a);
  return top / (sum + top);
}

describe('Erlang C against the published worked example', () => {
  // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example": 100 calls in 30 minutes,
  // AHT 180 s → 10 Erlangs; target 80 % answered in 20 s. The article finds P(wait) = 68.21 % and a service
  // level of 39.9 % with 11 agents, and 14 agents as the first to reach the target. The other rows below are
  // the same formula evaluated by hand (P(wait) = A^N/N!·N/(N−A) ÷ (Σ_{k<N} A^k/k! + A^N/N!·N/(N−A)),
  // SL = 1 − P(wait)·e^(−(N−A)·20/180)) and agree with the factorial oracle in this file.
  const traffic = 10;
  const rows: [agents: number, pWait: number, sl: number][] = [
    [11, 0.6821, 0.3896],
    [12, 0.4494, 0.6402],
    [13, 0.2853, 0.7956],
    [14, 0.1741, 0.8884],
    [15, 0.102, 0.9415],
  ];

  it.each(rows)('%i agents: P(wait) %f, service level %f', (agents, pWait, sl) => {
    expect(erlangC(agents, traffic)).toBeCloseTo(pWait, 4);
    expect(serviceLevel(agents, traffic, 180, 20)).toBeCloseTo(sl, 4);
  });

  it('needs 14 agents for 80/20 and 13 for 75/20', () => {
    expect(agentsRequired({ arrivalsPerHour: 200, ahtSeconds: 180, thresholdSeconds: 20, target: 0.8 })).toBe(14);
    expect(agentsRequired({ arrivalsPerHour: 200, ahtSeconds: 180, thresholdSeconds: 20, target: 0.75 })).toBe(13);
  });
});

describe('Erlang C behaviour', () => {
  it('returns null when there is nothing to staff for or the target is out of reach', () => {
    expect(agentsRequired({ arrivalsPerHour: 0, ahtSeconds: 180, thresholdSeconds: 20, target: 0.8 })).toBeNull();
    expect(agentsRequired({ arrivalsPerHour: 200, ahtSeconds: null, thresholdSeconds: 20, target: 0.8 })).toBeNull();
    expect(agentsRequired({ arrivalsPerHour: 200, ahtSeconds: 180, thresholdSeconds: 20, target: 0.8, maxAgents: 13 })).toBeNull();
  });

  it('treats an overloaded queue as always waiting and never in service level', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(serviceLevel(9, 10, 180, 20)).toBe(0);
  });

  it('stays finite for a large centre (800 Erlangs) where factorials overflow', () => {
    const n = agentsRequired({ arrivalsPerHour: 16_000, ahtSeconds: 180, thresholdSeconds: 20, target: 0.8 });
    expect(n).not.toBeNull();
    expect(n!).toBeGreaterThan(800);
    expect(n!).toBeLessThan(850);
    expect(serviceLevel(n!, 800, 180, 20)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(n! - 1, 800, 180, 20)).toBeLessThan(0.8);
  });

  it('names the offending field on bad input', () => {
    expect(() => erlangB(-1, 2)).toThrow(/agents/);
    expect(() => agentsRequired({ arrivalsPerHour: -5, ahtSeconds: 180, thresholdSeconds: 20, target: 0.8 })).toThrow(/arrivalsPerHour/);
    expect(() => agentsRequired({ arrivalsPerHour: 5, ahtSeconds: 180, thresholdSeconds: 20, target: 80 })).toThrow(/target/);
    expect(() => serviceLevel(5, 2, 0, 20)).toThrow(/ahtSeconds/);
  });

  it('matches the factorial formula wherever that one is computable', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (n, load) => {
      const a = n * load;
      return Math.abs(erlangC(n, a) - erlangCByFactorials(n, a)) < 1e-9;
    }));
  });

  it('gives the smallest N: one agent fewer misses the target', () => {
    const input = fc.record({
      arrivalsPerHour: fc.integer({ min: 1, max: 5000 }),
      ahtSeconds: fc.integer({ min: 10, max: 1200 }),
      thresholdSeconds: fc.integer({ min: 0, max: 120 }),
      target: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
    });
    fc.assert(fc.property(input, (i) => {
      const n = agentsRequired(i);
      if (n === null) return false;
      const traffic = (i.arrivalsPerHour * i.ahtSeconds) / 3600;
      return serviceLevel(n, traffic, i.ahtSeconds, i.thresholdSeconds) >= i.target &&
        (n === 1 || serviceLevel(n - 1, traffic, i.ahtSeconds, i.thresholdSeconds) < i.target);
    }));
  });
});
