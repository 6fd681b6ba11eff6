import { describe, expect, it } from 'vitest';
import { defaultQueueConfig, type QueueConfig } from '@plancia/contracts';
import { kpiPercentFields, shownKpi, storedKpi, withKpiEdit, withRepeatWindow } from './kpi-targets.js';

const queue: QueueConfig = defaultQueueConfig('help');

describe('a queue\'s KPI targets in the form', () => {
  it('shows shares in percent and keeps scores and seconds as they are', () => {
    expect(shownKpi('csat', 0.85)).toBe(85);
    expect(storedKpi('csat', 85)).toBe(0.85);
    expect(shownKpi('nps', 30)).toBe(30);
    expect(shownKpi('aht', 240)).toBe(240);
    expect(shownKpi('ces', undefined)).toBeNaN();
  });

  it('adds a typed figure, and removes the KPI and then kpiTargets when emptied', () => {
    const csat = withKpiEdit(queue, 'csat', 'target', 60);
    expect(csat.kpiTargets).toEqual({ csat: { target: 0.6 } });
    const critical = withKpiEdit(csat, 'csat', 'critical', 50);
    expect(critical.kpiTargets).toEqual({ csat: { target: 0.6, critical: 0.5 } });
    const aht = withKpiEdit(critical, 'aht', 'target', 300);
    expect(aht.kpiTargets).toEqual({ csat: { target: 0.6, critical: 0.5 }, aht: { target: 300 } });
    const back = withKpiEdit(withKpiEdit(withKpiEdit(aht, 'csat', 'critical', Number.NaN), 'csat', 'target', Number.NaN), 'aht', 'target', Number.NaN);
    expect(back).not.toHaveProperty('kpiTargets');
    expect(back).toEqual(queue);
  });

  it('sets the repeat window and goes back to the whole day when emptied', () => {
    expect(withRepeatWindow(queue, 30).repeatWindowMinutes).toBe(30);
    expect(withRepeatWindow(withRepeatWindow(queue, 30), Number.NaN)).toEqual(queue);
  });

  it('gives errors of the share fields in percent', () => {
    expect(kpiPercentFields()['/kpiTargets/csat/critical']).toBe(100);
    expect(kpiPercentFields()).not.toHaveProperty('/kpiTargets/aht/target');
  });
});
