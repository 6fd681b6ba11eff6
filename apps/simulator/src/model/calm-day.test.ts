import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Severity, type TimedEvent } from '@plancia/contracts';
import { createEngine } from '@plancia/engine';
import { generate } from './generate.js';
import type { ModelOptions } from './plan.js';

const MINUTE = 60_000;
/** Monday 2 March 2026, 10:00 in Rome: the office profile's peak. */
const MONDAY_10 = Date.parse('2026-03-02T10:00:00+01:00');
/** What the demo sends first: the model starts ten minutes before the board opens. */
const WARM_UP = 10 * MINUTE;

interface Raised { ruleId: string; severity: Severity; minute: number }

/**
 * The traffic fed to the pure engine as a live server would see it: each second, the events of that second, then a
 * tick, with the engine's default rules (no configuration). Answers every alert raised, in order.
 */
function alertsRaised(options: Omit<ModelOptions, 'startMs' | 'durationMs'>, minutes: number): Raised[] {
  const startMs = MONDAY_10 - WARM_UP;
  const endMs = startMs + minutes * MINUTE;
  const engine = createEngine({ settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] }, startMs);
  const events = generate({ ...options, startMs, durationMs: minutes * MINUTE, presetOriginMs: startMs + WARM_UP })[Symbol.iterator]();
  const raised: Raised[] = [];
  let next = events.next();
  for (let now = startMs + 1000; now <= endMs; now += 1000) {
    const due: TimedEvent[] = [];
    for (; !next.done && Date.parse(next.value.time) <= now; next = events.next()) due.push({ ...next.value, timeMs: Date.parse(next.value.time) });
    if (due.length > 0) engine.apply(due, now);
    engine.tick(now);
    for (const { kind, alert } of engine.drainAlertEvents()) {
      if (kind === 'raised') raised.push({ ruleId: alert.ruleId, severity: alert.severity, minute: Math.floor((Date.parse(alert.raisedAt) - startMs) / MINUTE) });
    }
  }
  return raised;
}

const critical = (raised: Raised[]) => raised.filter((a) => a.severity === 'critical');
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('a normal day looks normal on the board', () => {
  it('the demo (normal, flat at the peak): no critical alert over its warm-up and 30 minutes, for any of 8 seeds; warnings rare', { timeout: 180_000 }, () => {
    const runs = SEEDS.map((seed) => ({ seed, raised: alertsRaised({ seed, preset: 'normal', profile: 'flat' }, 40) }));
    expect(runs.filter((run) => critical(run.raised).length > 0)).toEqual([]);
    const warnings = runs.flatMap((run) => run.raised.map((a) => ({ seed: run.seed, ...a })));
    expect(warnings.length, JSON.stringify(warnings)).toBeLessThanOrEqual(runs.length / 2);
  });

  it('the normal preset on the office profile at its morning peak: no critical alert over 40 minutes', { timeout: 120_000 }, () => {
    for (const seed of [11, 12, 13]) expect(critical(alertsRaised({ seed, preset: 'normal', profile: 'office' }, 40))).toEqual([]);
  });

  it('the same harness sees what the other presets are for: a surge breaks the service level, an outage leaves callers waiting', { timeout: 120_000 }, () => {
    const surge = alertsRaised({ seed: 1, preset: 'surge', profile: 'flat' }, 25);
    expect(surge.filter((a) => a.ruleId.endsWith(':sl-warning')).length).toBeGreaterThanOrEqual(3);
    expect(critical(surge).length).toBeGreaterThan(0);
    const outage = alertsRaised({ seed: 1, preset: 'outage', profile: 'flat' }, 25);
    expect(critical(outage).map((a) => a.ruleId)).toEqual(expect.arrayContaining(['assistenza:longest-wait']));
  });
});
