import { describe, expect, it } from 'vitest';
import type { AlertRule } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, s } from './engine-test-kit.js';
import { queueStatus, serviceLevelBand } from './output/queue-status.js';

const waitingRule: AlertRule = {
  id: 'busy', name: 'Many waiting', metric: 'waiting', scope: { kind: 'queue', id: 'q1' }, window: 'live',
  comparison: 'gt', threshold: 3, forSeconds: 0, severity: 'critical', enabled: true,
};
const bands = { amberBelow: 0.8, redBelow: 0.7 };

describe('queue status', () => {
  it('is the worst of the band and the open alerts on the queue', () => {
    const warning = { id: 'w', ruleName: 'W', severity: 'warning' } as const;
    expect(queueStatus(0.9, bands, [])).toEqual({ level: 'ok', band: 'green', alerts: [] });
    expect(queueStatus(null, bands, [])).toMatchObject({ level: 'ok', band: 'none' });
    expect(queueStatus(0.75, bands, [])).toMatchObject({ level: 'warning', band: 'amber' });
    expect(queueStatus(0.9, bands, [warning as never])).toMatchObject({ level: 'warning', band: 'green', alerts: [warning] });
    expect(queueStatus(0.6, bands, [warning as never])).toMatchObject({ level: 'critical', band: 'red' });
    expect(serviceLevelBand(0.7, { amberBelow: 0.8, redBelow: 0.8 - 0.1 })).toBe('amber'); // 70 % is not under 70 %
  });

  it('turns critical with a green service level while a critical alert is open, in snapshots and in deltas', () => {
    const e = createEngineAt(config([queue('q1')], { alertRules: [waitingRule] }));
    const fast = ['c1', 'c2', 'c3', 'c4'].flatMap((id) => [ev.queued(id, s(0)), ev.answered(id, s(2), `a-${id}`)]);
    e.apply(fast, s(2));
    e.tick(s(3));
    expect(e.snapshot(s(3)).queues[0]!.status).toEqual({ level: 'ok', band: 'green', alerts: [] });
    e.drainDelta(s(3));

    e.apply(['w1', 'w2', 'w3', 'w4', 'w5'].map((id) => ev.queued(id, s(4))), s(4));
    e.tick(s(5));
    const snapshot = e.snapshot(s(5));
    const q1 = snapshot.queues[0]!;
    expect(q1.windows.rolling.serviceLevel).toBe(1);
    const alertId = snapshot.alerts.find((a) => a.ruleId === 'busy')!.id;
    expect(q1.status).toEqual({ level: 'critical', band: 'green', alerts: [{ id: alertId, ruleName: 'Many waiting', severity: 'critical' }] });
    expect(e.drainDelta(s(5))?.queues?.[0]?.status.level).toBe('critical');

    // The callers are answered within T: the alert resolves, and the delta carries the queue back to ok.
    e.apply(['w1', 'w2', 'w3', 'w4', 'w5'].map((id) => ev.answered(id, s(6), `a-${id}`)), s(6));
    e.tick(s(7));
    expect(e.drainDelta(s(7))?.queues?.[0]?.status).toEqual({ level: 'ok', band: 'green', alerts: [] });
  });
});
