import { ALERT_METRIC_UNITS, type Alert, type AlertMetric, type Comparison } from '@plancia/contracts';
import type { Formatters } from '../../lib/format.js';

/**
 * An alert's value or threshold in the unit of its metric: 70 %, 1:20, 3. The engine reports both as shown
 * (alertFigure: whole percent, whole seconds, one decimal), so these formats show them exactly.
 */
export function formatAlertValue(metric: AlertMetric, value: number | null, fmt: Formatters): string {
  if (value === null) return '—';
  switch (ALERT_METRIC_UNITS[metric]) {
    case 'fraction': return fmt.percent(value);
    case 'seconds': return fmt.duration(value);
    case 'number': return fmt.decimal(value);
  }
}

const crosses = (comparison: Comparison, value: number, threshold: number): boolean =>
  comparison === 'lt' ? value < threshold : comparison === 'lte' ? value <= threshold : comparison === 'gt' ? value > threshold : value >= threshold;

/**
 * Which figures the alert line shows. Past its threshold: value and threshold. Back within the hysteresis (past the
 * threshold again, not yet past the clear threshold): value and clear threshold, which is what it now waits for, so
 * the line never reads "value 82 %, threshold 80 %" on a "below 80 %" alert.
 */
export function alertFigures(alert: Alert, fmt: Formatters): { value: string; threshold: string; clearing: boolean } {
  const { comparison, clearThreshold, value } = alert;
  const clearing = comparison !== undefined && clearThreshold !== undefined && value !== null && !crosses(comparison, value, alert.threshold);
  return {
    value: formatAlertValue(alert.metric, value, fmt),
    threshold: formatAlertValue(alert.metric, clearing ? clearThreshold : alert.threshold, fmt),
    clearing,
  };
}
