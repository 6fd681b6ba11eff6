import type { ClosedIntervalEntry } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { intervalEnd } from '../trend-history.js';

/** The chart's intervals in words, for screen readers: a line drawing tells them nothing. */
export function IntervalSummary({ intervals }: { intervals: readonly ClosedIntervalEntry[] }) {
  const { t, fmt } = useI18n();
  return (
    <ul className="sr-only" aria-label={t('intervalServiceLevel')} data-testid="trend-intervals">
      {intervals.map((interval) => (
        <li key={interval.intervalStart} data-start={interval.intervalStart}>
          {fmt.time(Date.parse(interval.intervalStart))}–{fmt.time(intervalEnd(interval))}: {fmt.percent(interval.metrics.serviceLevel)}
        </li>
      ))}
    </ul>
  );
}
