import type { AlertMetric } from '@plancia/contracts';
import type { Formatters } from '../../lib/format.js';

const FRACTIONS: ReadonlySet<AlertMetric> = new Set(['serviceLevel', 'abandonRate', 'csat']);
const DURATIONS: ReadonlySet<AlertMetric> = new Set(['longestWaitSeconds', 'asa', 'aht', 'chatFirstResponseSeconds', 'agentNotReadySeconds']);

/** An alert's value or threshold in the unit of its metric: 70 %, 1:20, 3. */
export function formatAlertValue(metric: AlertMetric, value: number | null, fmt: Formatters): string {
  if (value === null) return '—';
  if (FRACTIONS.has(metric)) return fmt.percent(value);
  if (DURATIONS.has(metric)) return fmt.duration(value);
  return fmt.decimal(value);
}
