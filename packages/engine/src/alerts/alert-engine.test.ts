import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALERT_METRIC_UNITS, alertFigure, type Alert, type AlertRule, type Comparison } from '@plancia/contracts';
import { AlertEngine } from './alert-engine.js';

const METRICS = Object.keys(ALERT_METRIC_UNITS) as AlertRule['metric'][];
const COMPARISONS: Comparison[] = ['lt', 'lte', 'gt', 'gte'];

function crosses(comparison: Comparison, value: number, threshold: number): boolean {
  switch (comparison) {
    case 'lt': return value < threshold;
    case 'lte': return value <= threshold;
    case 'gt': return value > threshold;
    case 'gte': return value >= threshold;
  }
}

const rule = (metric: AlertRule['metric'], comparison: Comparison, threshold: number, clearThreshold?: number): AlertRule => ({
  id: 'r', name: 'r', metric, scope: { kind: 'queue', id: 'q1' }, window: 'live', comparison, threshold, forSeconds: 0,
  severity: 'warning', enabled: true, ...(clearThreshold === undefined ? {} : { clearThreshold }),
});

/** Values near the thresholds that matter: shares around 0.8, waits around 40 s, counts around 3. */
const magnitude = fc.constantFrom(1, 100, 1000);
const near = (scale: number) => fc.double({ min: -0.05 * scale, max: 1.5 * scale, noNaN: true });

describe('alert values and thresholds as shown', () => {
  it('an open alert always shows a value that crosses its threshold as shown, or, back within the hysteresis, not its clear threshold', () => {
    fc.assert(fc.property(
      fc.constantFrom(...METRICS), fc.constantFrom(...COMPARISONS),
      magnitude.chain((scale) => fc.tuple(near(scale), fc.option(near(scale), { nil: undefined }), fc.array(fc.option(near(scale), { nil: null }), { minLength: 1, maxLength: 20 }))),
      (metric, comparison, [threshold, clear, values]) => {
        const engine = new AlertEngine();
        const open: Alert[] = [];
        values.forEach((value, i) => {
          engine.evaluate([rule(metric, comparison, threshold, clear)], () => [{ id: 'q1', value }], i * 1000);
          open.push(...engine.drain().filter((e) => e.kind === 'raised').map((e) => e.alert), ...engine.drainUpdates());
        });
        for (const alert of open) {
          // Both are figures (what the board shows exactly), and the condition holds between them.
          expect(alertFigure(metric, alert.value!)).toBe(alert.value);
          expect(alertFigure(metric, alert.threshold)).toBe(alert.threshold);
          if (crosses(comparison, alert.value!, alert.threshold)) continue;
          expect(alert.clearThreshold).toBeDefined();
          const stillOpen = comparison.startsWith('l') ? alert.value! < alert.clearThreshold! : alert.value! > alert.clearThreshold!;
          expect(stillOpen).toBe(true);
        }
      },
    ), { numRuns: 500 });
  });

  it('a raise always crosses the threshold as shown, with or without hysteresis', () => {
    fc.assert(fc.property(
      fc.constantFrom(...METRICS), fc.constantFrom(...COMPARISONS), magnitude.chain((scale) => fc.tuple(near(scale), near(scale))),
      (metric, comparison, [threshold, value]) => {
        const engine = new AlertEngine();
        engine.evaluate([rule(metric, comparison, threshold)], () => [{ id: 'q1', value }], 0);
        const raised = engine.drain().find((e) => e.kind === 'raised')?.alert;
        const shown = alertFigure(metric, value);
        expect(raised !== undefined).toBe(crosses(comparison, shown, alertFigure(metric, threshold)));
        if (raised) expect([raised.value, raised.threshold]).toEqual([shown, alertFigure(metric, threshold)]);
      },
    ), { numRuns: 400 });
  });

  it('does not raise "0:40 above 0:40": a wait of 40.3 s is shown 0:40 and is not above 2 × T = 40 s', () => {
    const engine = new AlertEngine();
    const longest = rule('longestWaitSeconds', 'gt', 40);
    engine.evaluate([longest], () => [{ id: 'q1', value: 40.3 }], 0);
    expect(engine.drain()).toEqual([]);
    engine.evaluate([longest], () => [{ id: 'q1', value: 41.2 }], 1000);
    expect(engine.drain()).toMatchObject([{ kind: 'raised', alert: { value: 41, threshold: 40 } }]);
  });

  it('compares a service level as the whole percent it is shown as (79.6 % is 80 %, not below 80 %)', () => {
    const engine = new AlertEngine();
    const sl = rule('serviceLevel', 'lt', 0.8);
    engine.evaluate([sl], () => [{ id: 'q1', value: 0.796 }], 0);
    expect(engine.drain()).toEqual([]);
    engine.evaluate([sl], () => [{ id: 'q1', value: 0.794 }], 1000);
    expect(engine.drain()).toMatchObject([{ kind: 'raised', alert: { value: 0.79, threshold: 0.8 } }]);
  });

  it('shows a threshold computed in floating point as its figure (0.8 − 0.1 is 70 %)', () => {
    const engine = new AlertEngine();
    engine.evaluate([rule('serviceLevel', 'lt', 0.8 - 0.1)], () => [{ id: 'q1', value: 0.69 }], 0);
    expect(engine.drain()[0]!.alert.threshold).toBe(0.7);
  });

  it('hands out an open alert each time its shown value moves, and not otherwise', () => {
    const engine = new AlertEngine();
    const longest = rule('longestWaitSeconds', 'gt', 40);
    const at = (value: number, ms: number) => engine.evaluate([longest], () => [{ id: 'q1', value }], ms);
    at(41, 0);
    engine.drain();
    expect(engine.drainUpdates()).toEqual([]);
    at(41.7, 250);
    expect(engine.drainUpdates()).toEqual([]);
    at(42.1, 500);
    at(43.0, 750);
    expect(engine.drainUpdates().map((a) => a.value)).toEqual([43]);
    at(10, 1000);
    expect(engine.drain().map((e) => e.kind)).toEqual(['resolved']);
    expect(engine.drainUpdates()).toEqual([]);
  });
});
