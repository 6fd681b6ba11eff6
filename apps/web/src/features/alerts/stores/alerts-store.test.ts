import { beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '@plancia/contracts';
import { useAlertsStore } from './alerts-store.js';

const alert = (id: string, state: Alert['state']): Alert => ({
  id, ruleId: 'sales:longest-wait', ruleName: 'Longest wait above 2 × T', metric: 'longestWaitSeconds', scope: { kind: 'queue', id: 'sales' },
  window: 'live', severity: 'critical', state, value: 50, threshold: 40, raisedAt: '2026-03-02T09:00:00Z',
  acknowledgedAt: state === 'acknowledged' ? '2026-03-02T09:01:00Z' : null, acknowledgedBy: state === 'acknowledged' ? 'marta' : null,
  note: state === 'acknowledged' ? 'on it' : null, resolvedAt: null,
});

describe('alerts store', () => {
  beforeEach(() => useAlertsStore.setState({ active: {}, resolved: [], fresh: {} }));

  it('flashes a critical alert raised while watching', () => {
    useAlertsStore.getState().apply({ kind: 'raised', alert: alert('a1', 'raised') });
    expect(useAlertsStore.getState().fresh).toEqual({ a1: true });
  });

  it('does not flash again an alert id it already holds (one kept across a server restart)', () => {
    useAlertsStore.getState().replace([alert('a1', 'acknowledged')]);
    useAlertsStore.getState().apply({ kind: 'raised', alert: alert('a1', 'raised') });
    expect(useAlertsStore.getState().fresh).toEqual({});
  });

  it('stops flashing once acknowledged', () => {
    useAlertsStore.getState().apply({ kind: 'raised', alert: alert('a1', 'raised') });
    useAlertsStore.getState().apply({ kind: 'acknowledged', alert: alert('a1', 'acknowledged') });
    expect(useAlertsStore.getState().fresh).toEqual({});
  });

  it('takes a new value of an open alert without stopping its flashing', () => {
    useAlertsStore.getState().apply({ kind: 'raised', alert: alert('a1', 'raised') });
    useAlertsStore.getState().apply({ kind: 'updated', alert: { ...alert('a1', 'raised'), value: 154 } });
    expect(useAlertsStore.getState().active.a1?.value).toBe(154);
    expect(useAlertsStore.getState().fresh).toEqual({ a1: true });
  });
});
