import { describe, expect, it } from 'vitest';
import { defaultCentreAlertRules, defaultQueueAlertRules, defaultQueueConfig, type Alert, type AlertRule } from '@plancia/contracts';
import { DEFAULT_RULE_KINDS, ITALIAN_RULE_NAMES, alertName, alertScope } from './alert-texts.js';

const alertOf = (rule: AlertRule, scopeId: string | null, name?: string): Alert => ({
  id: `${rule.id}:x`, ruleId: rule.id, ruleName: rule.name, metric: rule.metric,
  scope: { kind: rule.scope.kind, id: scopeId, ...(name ? { name } : {}) }, window: rule.window, severity: rule.severity,
  state: 'raised', value: 1, threshold: 0, raisedAt: '2026-03-02T09:00:00Z', acknowledgedAt: null, acknowledgedBy: null,
  note: null, resolvedAt: null,
});

describe('alert texts', () => {
  it('has an Italian name for every default rule', () => {
    for (const kind of DEFAULT_RULE_KINDS) expect(ITALIAN_RULE_NAMES[kind], kind).toBeTruthy();
  });

  it('names a default queue rule in Italian, and leaves a configured or renamed rule its own name', () => {
    const [slWarning] = defaultQueueAlertRules(defaultQueueConfig('vendite'));
    expect(alertName(alertOf(slWarning!, 'vendite'), 'it')).toBe('Livello di servizio sotto l’obiettivo');
    expect(alertName(alertOf(slWarning!, 'vendite'), 'en')).toBe('Service level below target');
    expect(alertName(alertOf({ ...slWarning!, name: 'SL vendite' }, 'vendite'), 'it')).toBe('SL vendite');
    expect(alertName(alertOf({ ...slWarning!, id: 'my-rule' }, 'vendite'), 'it')).toBe('Service level below target');
  });

  it('names the agent, in the board language, where the alert carries the name', () => {
    const [notReady] = defaultCentreAlertRules();
    const alert = alertOf(notReady!, 'ag-027', 'Marta Rossi');
    expect(alertName(alert, 'it')).toBe('Operatore non pronto da troppo tempo');
    expect(alertScope(alert, 'it')).toBe('Operatore Marta Rossi');
    expect(alertScope(alert, 'en')).toBe('Agent Marta Rossi');
    expect(alertScope(alertOf(notReady!, 'ag-027'), 'en')).toBe('Agent ag-027');
  });
});
