import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { DEFAULT_KPI_TARGETS, KPI_DEFINITIONS, KPI_NAMES, KpiTargets, kpiBand, kpiTargetProblems, kpiTargetsOf, type KpiName } from './kpis.js';

/** The value moved `steps` of the shown precision away from the target, on the good (+) or bad (−) side. */
function around(name: KpiName, target: number, steps: number): number {
  const { unit, direction } = KPI_DEFINITIONS[name];
  const quantum = unit === 'fraction' ? 0.001 : unit === 'score' ? 0.1 : 1;
  return target + (direction === 'atMost' ? -1 : 1) * steps * quantum;
}

describe('KPI bands', () => {
  it('are ok on the good side of the target, critical past the critical value, warning between', () => {
    const arb = fc.record({ name: fc.constantFrom(...KPI_NAMES), steps: fc.integer({ min: 1, max: 50 }), gap: fc.integer({ min: 1, max: 50 }) });
    fc.assert(fc.property(arb, ({ name, steps, gap }) => {
      const target = name === 'nps' ? 30 : name === 'ces' ? 3 : name === 'aht' || name === 'waitP90' ? 300 : 0.6;
      const critical = around(name, target, -gap);
      const t = { target, critical };
      const exact = KPI_DEFINITIONS[name].direction === 'above' ? 'warning' : 'ok';
      expect(kpiBand(name, target, t)).toBe(exact);
      expect(kpiBand(name, around(name, target, steps), t)).toBe('ok');
      const bad = around(name, target, -steps);
      expect(kpiBand(name, bad, t)).toBe(steps > gap ? 'critical' : 'warning');
      expect(kpiBand(name, bad, { target })).toBe('warning');
      expect(kpiBand(name, null, t)).toBe('none');
      expect(kpiBand(name, target, undefined)).toBe('none');
    }), { numRuns: 300 });
  });

  it('take the defaults of the source documents, and compare as the board shows a share (0.8999 is 90 %)', () => {
    const t = kpiTargetsOf(undefined);
    expect(t).toEqual(DEFAULT_KPI_TARGETS);
    expect(kpiBand('csat', 0.8999, t.csat)).toBe('ok');
    expect(kpiBand('csat', 0.898, t.csat)).toBe('warning');
    expect(kpiBand('nps', 30, t.nps)).toBe('warning');
    expect(kpiBand('nps', 30.1, t.nps)).toBe('ok');
    expect(kpiBand('ces', 2, t.ces)).toBe('ok');
    expect(kpiBand('repeatRate', 0.16, t.repeatRate)).toBe('warning');
    expect(kpiBand('ticketSla', 0.86, t.ticketSla)).toBe('warning');
    expect(kpiBand('ticketSla', 0.84, t.ticketSla)).toBe('critical');
    expect(kpiTargetsOf({ csat: { target: 0.8 } }).csat).toEqual({ target: 0.8 });
    expect(kpiTargetsOf({ csat: { target: 0.8 } }).fcr).toEqual(DEFAULT_KPI_TARGETS.fcr);
  });

  it('refuse a critical value on the good side of its target, and values off the scale', () => {
    expect(kpiTargetProblems({ ticketSla: { target: 0.9, critical: 0.95 } })).toEqual([{ path: '/ticketSla/critical', message: expect.stringContaining('0.9') }]);
    expect(kpiTargetProblems({ ces: { target: 2, critical: 1.5 } }).map((p) => p.path)).toEqual(['/ces/critical']);
    expect(kpiTargetProblems({ ces: { target: 2, critical: 3 }, ticketSla: { target: 0.9, critical: 0.85 } })).toEqual([]);
    expect([...Value.Errors(KpiTargets, { csat: { target: 1.5 } })].map((e) => e.path)).toEqual(['/csat/target']);
    expect([...Value.Errors(KpiTargets, { nps: { target: -120 } })].map((e) => e.path)).toEqual(['/nps/target']);
    expect(Value.Check(KpiTargets, { bogus: { target: 1 } })).toBe(false);
  });
});
