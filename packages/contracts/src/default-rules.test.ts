import { describe, expect, it } from 'vitest';
import { defaultRulesInForce } from './default-rules.js';
import { DEFAULT_SETTINGS, defaultCentreAlertRules, defaultQueueAlertRules, defaultQueueConfig } from './defaults.js';
import type { AlertRule } from './config.js';

const sales = defaultQueueConfig('sales');
const care = defaultQueueConfig('care');
const own: AlertRule = {
  id: 'sales-waiting', name: 'Many waiting', metric: 'waiting', scope: { kind: 'queue', id: 'sales' }, window: 'live',
  comparison: 'gt', threshold: 5, forSeconds: 0, severity: 'warning', enabled: false,
};

describe('default rules in force', () => {
  it('are every queue\'s seeded rules and the centre\'s while nothing is configured', () => {
    expect(defaultRulesInForce([sales, care], [])).toEqual([
      ...defaultQueueAlertRules(sales), ...defaultQueueAlertRules(care), ...defaultCentreAlertRules(DEFAULT_SETTINGS),
    ]);
  });

  it('leave out a queue with a rule of its own, even a disabled one, and the centre\'s once agents are watched', () => {
    const agentRule: AlertRule = { ...own, id: 'agents', scope: { kind: 'agent' }, metric: 'agentNotReadySeconds' };
    expect(defaultRulesInForce([sales, care], [own, agentRule]).map((r) => r.id)).toEqual(defaultQueueAlertRules(care).map((r) => r.id));
  });

  it('take the centre\'s not-ready threshold from the settings', () => {
    const rules = defaultRulesInForce([], [], { ...DEFAULT_SETTINGS, notReadyAlertSeconds: 600 });
    expect(rules.map((r) => r.threshold)).toEqual([600]);
  });
});
