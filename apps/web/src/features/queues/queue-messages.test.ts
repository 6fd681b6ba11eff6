import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '@plancia/contracts';
import { createFormatters } from '../../lib/format.js';
import { QUEUE_LOCALES, queueText } from './queue-messages.js';
import { formatKpi } from './components/kpi-table.js';

describe('projection and KPI texts', () => {
  it('exist in both languages, with a name for every KPI', () => {
    expect(Object.keys(QUEUE_LOCALES.it).sort()).toEqual(Object.keys(QUEUE_LOCALES.en).sort());
    for (const name of KPI_NAMES) expect(Object.keys(QUEUE_LOCALES.en)).toContain(name);
    expect(queueText('it')('atLeast', { value: '90%' })).toBe('obiettivo ≥ 90%');
  });

  it('write each KPI in its unit: shares in percent, times as durations, NPS with its sign', () => {
    const en = createFormatters('en');
    expect(formatKpi('csat', 0.9, en)).toBe('90%');
    expect(formatKpi('aht', 185, en)).toBe('3:05');
    expect(formatKpi('nps', 32, en)).toBe('+32');
    expect(formatKpi('nps', -5, en)).toBe('-5');
    expect(formatKpi('ces', 2.25, createFormatters('it'))).toBe('2,3');
    expect(formatKpi('fcr', null, en)).toBe('—');
  });
});
