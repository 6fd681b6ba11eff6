import { describe, expect, it } from 'vitest';
import type { AlertRule } from '@plancia/contracts';
import { config, createEngineAt, ev, queue, s } from './engine-test-kit.js';

const slRule: AlertRule = {
  id: 'sl', name: 'SL low', metric: 'serviceLevel', scope: { kind: 'queue', id: 'q1' }, window: 'rolling',
  comparison: 'lt', threshold: 0.8, clearThreshold: 0.85, forSeconds: 60, severity: 'critical', enabled: true,
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('threshold alerts', () => {
  it('raise after forSeconds, acknowledge, resolve only past the clear threshold', () => {
    const e = createEngineAt(config([queue('q1')], { alertRules: [slRule] }));
    e.apply([ev.queued('c1', s(0))], s(0));
    e.tick(s(20)); // c1 misses T: SL 0 < 0.8, the condition starts holding
    e.tick(s(79));
    expect(e.drainAlertEvents().filter((a) => a.alert.ruleId === 'sl')).toEqual([]);
    e.tick(s(80));
    const [raised] = e.drainAlertEvents().filter((a) => a.alert.ruleId === 'sl');
    expect(raised).toMatchObject({ kind: 'raised', alert: { id: `sl:q1:${iso(s(80))}`, state: 'raised', value: 0, threshold: 0.8, scope: { kind: 'queue', id: 'q1' }, severity: 'critical' } });

    const ack = e.acknowledgeAlert(raised!.alert.id, 'maria', 'on it', s(90));
    expect(ack).toMatchObject({ kind: 'acknowledged', alert: { state: 'acknowledged', acknowledgedBy: 'maria', note: 'on it', acknowledgedAt: iso(s(90)) } });
    expect(e.acknowledgeAlert('nope', 'maria', null, s(90))).toBeNull();
    expect(e.snapshot(s(90)).alerts.find((a) => a.ruleId === 'sl')).toMatchObject({ state: 'acknowledged' });

    // Four answers within T: SL 4 ÷ 5 = 0.8, no longer below the threshold but not past the clear threshold.
    const fast = (id: string, at: number) => [ev.queued(id, s(at)), ev.answered(id, s(at + 5), `a-${id}`)];
    e.apply([...fast('c2', 100), ...fast('c3', 100), ...fast('c4', 100), ...fast('c5', 100)], s(105));
    // The acknowledgement was returned to its caller, who publishes it; drained again it would be published twice.
    expect(e.drainAlertEvents().filter((a) => a.alert.ruleId === 'sl').map((a) => a.kind)).toEqual([]);
    expect(e.snapshot(s(105)).alerts.find((a) => a.ruleId === 'sl')).toMatchObject({ value: 0.8 });

    // Five more: 9 ÷ 10 = 0.9 ≥ 0.85 → resolved.
    e.apply([...fast('c6', 110), ...fast('c7', 110), ...fast('c8', 110), ...fast('c9', 110), ...fast('c10', 110)], s(115));
    const resolved = e.drainAlertEvents().filter((a) => a.alert.ruleId === 'sl');
    expect(resolved).toMatchObject([{ kind: 'resolved', alert: { id: raised!.alert.id, state: 'resolved', resolvedAt: iso(s(115)), value: 0.9 } }]);
    expect(e.snapshot(s(115)).alerts.find((a) => a.ruleId === 'sl')).toBeUndefined();
  });

  it('does not raise when the condition stops holding before forSeconds', () => {
    const e = createEngineAt(config([queue('q1')], { alertRules: [slRule] }));
    e.apply([ev.queued('c1', s(0))], s(0));
    e.tick(s(20));
    e.apply([ev.queued('c2', s(30)), ev.answered('c2', s(31)), ev.queued('c3', s(30)), ev.answered('c3', s(31), 'a3'),
      ev.queued('c4', s(30)), ev.answered('c4', s(31), 'a4'), ev.queued('c5', s(30)), ev.answered('c5', s(31), 'a5')], s(31));
    e.tick(s(200));
    expect(e.drainAlertEvents().filter((a) => a.alert.ruleId === 'sl')).toEqual([]);
  });

  it('seeds the default rules for a queue without rules of its own', () => {
    const e = createEngineAt(config([queue('q1')]));
    e.apply([ev.queued('c1', s(0))], s(0));
    e.tick(s(41)); // longest wait 41 s > 2 × T = 40 s
    const raised = e.drainAlertEvents().map((a) => a.alert.ruleId);
    expect(raised).toContain('q1:longest-wait');
    expect(raised).toContain('q1:sl-warning');
    expect(raised).toContain('q1:sl-critical');
    e.apply([ev.answered('c1', s(42))], s(42));
    const after = e.drainAlertEvents();
    expect(after.find((a) => a.alert.ruleId === 'q1:longest-wait')?.kind).toBe('resolved');
  });

  it('watches agents not ready for too long (centre default)', () => {
    const e = createEngineAt(config([queue('q1')]));
    e.apply([ev.agent('a1', s(0), 'not_ready', { reason: 'break' })], s(0));
    e.tick(s(900));
    expect(e.drainAlertEvents().some((a) => a.alert.ruleId === 'centre:agent-not-ready')).toBe(false);
    e.tick(s(901));
    expect(e.drainAlertEvents().find((a) => a.alert.ruleId === 'centre:agent-not-ready')).toMatchObject({ kind: 'raised', alert: { scope: { kind: 'agent', id: 'a1' } } });
  });
});
