import { describe, expect, it } from 'vitest';
import type { Alert } from '@plancia/contracts';
import { NO_FILTER, filterOptions, visibleAlerts } from './alert-filter.js';

const alert = (id: string, patch: Partial<Alert> = {}): Alert => ({
  id, ruleId: 'sales:longest-wait', ruleName: 'Longest wait above 2 × T', metric: 'longestWaitSeconds',
  scope: { kind: 'queue', id: 'sales' }, window: 'live', severity: 'warning', state: 'raised', value: 50, threshold: 40,
  raisedAt: '2026-12-05T09:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null, note: null, resolvedAt: null, ...patch,
});

const ALERTS = [
  alert('old-warning', { raisedAt: '2026-12-05T08:00:00.000Z' }),
  alert('new-critical', { severity: 'critical', raisedAt: '2026-12-05T09:30:00.000Z' }),
  alert('held-critical', { severity: 'critical', state: 'acknowledged', raisedAt: '2026-12-05T07:00:00.000Z' }),
  alert('team', { ruleId: 'care-team:aht', ruleName: 'AHT', scope: { kind: 'team', id: 'care' }, raisedAt: '2026-12-05T08:30:00.000Z' }),
  alert('agent', { ruleId: 'centre:agent-not-ready', ruleName: 'Agent not ready', scope: { kind: 'agent', id: 'ag-1' } }),
];
const ids = (alerts: Alert[]) => alerts.map((a) => a.id);

describe('console filters and sorting', () => {
  it('puts critical first, the untouched before the held, then the oldest', () => {
    expect(ids(visibleAlerts(ALERTS, NO_FILTER, 'severity'))).toEqual(['new-critical', 'held-critical', 'old-warning', 'team', 'agent']);
  });

  it('sorts by age: the one waiting longest first, whatever its severity', () => {
    expect(ids(visibleAlerts(ALERTS, NO_FILTER, 'age'))).toEqual(['held-critical', 'old-warning', 'team', 'agent', 'new-critical']);
  });

  it('narrows by severity, state, queue, team and rule, all together', () => {
    expect(ids(visibleAlerts(ALERTS, { ...NO_FILTER, severity: 'critical' }, 'age'))).toEqual(['held-critical', 'new-critical']);
    expect(ids(visibleAlerts(ALERTS, { ...NO_FILTER, severity: 'critical', state: 'raised' }, 'age'))).toEqual(['new-critical']);
    expect(ids(visibleAlerts(ALERTS, { ...NO_FILTER, queueId: 'sales' }, 'age'))).toEqual(['held-critical', 'old-warning', 'new-critical']);
    expect(ids(visibleAlerts(ALERTS, { ...NO_FILTER, teamId: 'care' }, 'age'))).toEqual(['team']);
    expect(ids(visibleAlerts(ALERTS, { ...NO_FILTER, ruleId: 'centre:agent-not-ready' }, 'age'))).toEqual(['agent']);
    expect(visibleAlerts(ALERTS, { ...NO_FILTER, queueId: 'support' }, 'age')).toEqual([]);
  });

  it('tells apart rules of the same name by their id', () => {
    const twins = [alert('a'), alert('b', { ruleId: 'support:longest-wait', scope: { kind: 'queue', id: 'support' } })];
    expect(filterOptions(twins, NO_FILTER).rules.map((r) => r.name)).toEqual([
      'Longest wait above 2 × T (sales:longest-wait)', 'Longest wait above 2 × T (support:longest-wait)',
    ]);
  });

  it('offers the queues, teams and rules of the open alerts, and keeps a chosen one whose alerts are gone', () => {
    const options = filterOptions(ALERTS, { ...NO_FILTER, queueId: 'support', ruleId: 'gone-rule' });
    expect(options.queues).toEqual(['sales', 'support']);
    expect(options.teams).toEqual(['care']);
    expect(options.rules).toEqual([
      { id: 'centre:agent-not-ready', name: 'Agent not ready' }, { id: 'care-team:aht', name: 'AHT' },
      { id: 'gone-rule', name: 'gone-rule' }, { id: 'sales:longest-wait', name: 'Longest wait above 2 × T' },
    ]);
  });
});
