import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALERT_METRIC_UNITS, alertFigure, type Alert, type AlertMetric, type Comparison } from '@plancia/contracts';
import { createFormatters } from '../../lib/format.js';
import { alertFigures, formatAlertValue } from './alert-value.js';

const METRICS = Object.keys(ALERT_METRIC_UNITS) as AlertMetric[];
const LOCALES = ['en', 'it'] as const;
const FORMATTERS = { en: createFormatters('en'), it: createFormatters('it') };

/** Reads a shown figure back: 80 % → 0.8, 1:02:03 → 3723, 1.234,5 (it) → 1234.5. */
function readBack(metric: AlertMetric, shown: string, locale: (typeof LOCALES)[number]): number {
  const unit = ALERT_METRIC_UNITS[metric];
  if (unit === 'seconds') return shown.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
  const [group, decimal] = locale === 'it' ? ['.', ','] : [',', '.'];
  const plain = shown.replace(/[\s%\u00a0\u202f]/g, '').replaceAll(group, '').replace(decimal, '.').replace('\u2212', '-');
  return unit === 'fraction' ? Number(plain) / 100 : Number(plain);
}

const crosses = (c: Comparison, a: number, b: number) => (c === 'lt' ? a < b : c === 'lte' ? a <= b : c === 'gt' ? a > b : a >= b);

describe('alert figures on the board', () => {
  it('shows every figure exactly, so a value that crosses its threshold is seen to cross it', () => {
    fc.assert(fc.property(
      fc.constantFrom(...METRICS), fc.constantFrom(...LOCALES), fc.constantFrom<Comparison>('lt', 'lte', 'gt', 'gte'),
      fc.double({ min: -200, max: 20_000, noNaN: true }), fc.double({ min: -200, max: 20_000, noNaN: true }),
      (metric, locale, comparison, rawValue, rawThreshold) => {
        const fmt = FORMATTERS[locale];
        const [value, threshold] = [alertFigure(metric, rawValue), alertFigure(metric, rawThreshold)];
        const [shownValue, shownThreshold] = [formatAlertValue(metric, value, fmt), formatAlertValue(metric, threshold, fmt)];
        expect(readBack(metric, shownValue, locale)).toBeCloseTo(value, 9);
        // The engine raises on the figures; the board's reading of the two strings agrees with it.
        expect(crosses(comparison, readBack(metric, shownValue, locale), readBack(metric, shownThreshold, locale))).toBe(crosses(comparison, value, threshold));
      },
    ), { numRuns: 1000 });
  });

  it('shows the clear threshold of an alert back within its hysteresis, not a threshold its value no longer crosses', () => {
    const fmt = createFormatters('en');
    const alert = { metric: 'serviceLevel', comparison: 'lt', value: 0.82, threshold: 0.8, clearThreshold: 0.85 } as Alert;
    expect(alertFigures(alert, fmt)).toEqual({ value: '82%', threshold: '85%', clearing: true });
    expect(alertFigures({ ...alert, value: 0.79 }, fmt)).toEqual({ value: '79%', threshold: '80%', clearing: false });
  });
});
