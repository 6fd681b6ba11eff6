import { describe, expect, it } from 'vitest';
import { defaultRulesInForce, type AlertRule } from '@plancia/contracts';
import { effectiveRules } from './alerts/alert-targets.js';
import { EngineCore } from './engine-core.js';
import { config, queue, T0 } from './engine-test-kit.js';

const own: AlertRule = {
  id: 'q2-waiting', name: 'Many waiting', metric: 'waiting', scope: { kind: 'queue', id: 'q2' }, window: 'live',
  comparison: 'gt', threshold: 5, forSeconds: 0, severity: 'warning', enabled: true,
};

/** The settings page lists the defaults by the contract's defaultRulesInForce: it must name what the engine runs. */
describe('default alert rules in force', () => {
  it.each([
    ['nothing configured', []],
    ['a queue with a rule of its own', [own]],
    ['a disabled rule of its own, and a centre rule', [{ ...own, enabled: false }, { ...own, id: 'c', scope: { kind: 'centre' as const } }]],
  ])('are those the engine runs beside the enabled configured rules: %s', (_, alertRules: AlertRule[]) => {
    const core = new EngineCore(config([queue('q1', { target: 0.9 }), queue('q2'), queue('q3')], { alertRules }), T0);
    const queues = core.knownQueueIds().map((id) => core.queueConfig(id));
    expect(effectiveRules(core)).toEqual([...alertRules.filter((r) => r.enabled), ...defaultRulesInForce(queues, alertRules, core.settings)]);
  });
});
