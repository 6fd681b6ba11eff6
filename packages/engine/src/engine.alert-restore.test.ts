import { describe, expect, it } from 'vitest';
import type { Alert, AlertRule, TimedEvent } from '@plancia/contracts';
import { RESTORED_ALERT_STEP_MS } from './engine.js';
import { config, createEngineAt, ev, queue, s } from './engine-test-kit.js';

const iso = (ms: number) => new Date(ms).toISOString();
const slRule: AlertRule = {
  id: 'sl', name: 'SL low', metric: 'serviceLevel', scope: { kind: 'queue', id: 'q1' }, window: 'rolling',
  comparison: 'lt', threshold: 0.8, forSeconds: 0, severity: 'critical', enabled: true,
};

/** A server's life: events as they arrive, ticks every second; returns its open alerts at the stop. */
function runUntil(events: TimedEvent[], stopMs: number, cfg = config([queue('q1')])): Alert[] {
  const e = createEngineAt(cfg);
  for (let t = s(0); t <= stopMs; t += 1000) {
    const due = events.filter((x) => x.timeMs > t - 1000 && x.timeMs <= t);
    if (due.length > 0) e.apply(due, t);
    e.tick(t);
  }
  return e.snapshot(stopMs).alerts;
}

/** The restart: alerts restored, the whole journal replayed in chunks at the restart time, then the first tick. */
function restart(open: Alert[], journal: TimedEvent[], restartMs: number, cfg = config([queue('q1')])) {
  const e = createEngineAt(cfg, restartMs);
  e.restoreAlerts(open);
  for (let i = 0; i < journal.length; i += 3) e.apply(journal.slice(i, i + 3), restartMs);
  e.tick(restartMs);
  return { engine: e, events: e.drainAlertEvents() };
}

describe('alerts restored after a restart', () => {
  it('resolve at the instant the replay finds their condition cleared, not at the restart', () => {
    const before = [ev.queued('c1', s(0))];
    const open = runUntil(before, s(60));
    const wait = open.find((a) => a.ruleId === 'q1:longest-wait')!;
    expect(wait).toBeDefined();
    // Down from 60 s to 600 s; the caller hung up at 200 s, another call came and went at 400 s.
    const journal = [...before, ev.abandoned('c1', s(200)), ev.queued('c2', s(400)), ev.answered('c2', s(405), 'a1')];
    const { events } = restart(open, journal, s(600));
    const resolved = events.find((x) => x.alert.id === wait.id);
    expect(resolved).toMatchObject({ kind: 'resolved', alert: { raisedAt: wait.raisedAt } });
    const at = Date.parse(resolved!.alert.resolvedAt!);
    expect(at).toBeGreaterThanOrEqual(s(200));
    expect(at).toBeLessThan(s(200) + RESTORED_ALERT_STEP_MS);
  });

  it('keeps a windowed alert open through the downtime until the window recovers, and resolves it then', () => {
    const cfg = config([queue('q1')], { alertRules: [slRule] });
    const missed = [ev.queued('c1', s(0)), ev.answered('c1', s(50), 'a1')];
    const open = runUntil(missed, s(60), cfg);
    const sl = open.find((a) => a.ruleId === 'sl')!;
    expect(sl).toMatchObject({ value: 0 });
    // Four calls answered at once from 300 s: 4 ÷ 5 = 80 % is no longer below 80 % at 300 s.
    const fast = [1, 2, 3, 4].flatMap((n) => [ev.queued(`f${n}`, s(299)), ev.answered(`f${n}`, s(300), `a${n + 1}`)]);
    const { events } = restart(open, [...missed, ...fast], s(900), cfg);
    const resolved = events.find((x) => x.alert.id === sl.id);
    expect(resolved?.alert.resolvedAt).toBe(iso(s(300)));
  });

  it('keeps an alert whose condition still holds, and the figures are those of a plain replay', () => {
    const journal = [ev.queued('c1', s(0)), ev.queued('c2', s(100))];
    const open = runUntil(journal.slice(0, 1), s(60));
    const { engine, events } = restart(open, journal, s(600));
    expect(events.filter((x) => x.kind !== 'raised' || open.some((a) => a.ruleId === x.alert.ruleId))).toEqual([]);
    const kept = engine.snapshot(s(600)).alerts.find((a) => a.ruleId === 'q1:longest-wait');
    expect(kept).toMatchObject({ id: open.find((a) => a.ruleId === 'q1:longest-wait')!.id, value: 600 });
    const plain = createEngineAt(config([queue('q1')]), s(600));
    plain.apply(journal, s(600));
    const figures = (x: typeof engine) => { const { alerts: _a, queues, ...rest } = x.snapshot(s(600)); return { ...rest, queues: queues.map(({ status: _s, ...q }) => q) }; };
    expect(figures(engine)).toEqual(figures(plain));
  });
});
