import { useClockStore } from '../../../stores/clock-store.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useStaleness } from '../hooks/use-staleness.js';

/** A board that may be wrong says so, in words and unmissably, with the time of its last good data. */
export function StaleBanner() {
  const { stale, since } = useStaleness();
  const now = useClockStore((s) => s.now);
  const { t, fmt } = useI18n();
  if (!stale) return null;
  return (
    <div className="stale-banner" role="alert" data-testid="stale-banner">
      <span aria-hidden="true">⚠ </span>
      {since === null ? t('staleNever') : t('stale', { time: fmt.clock(since), ago: fmt.duration((now - since) / 1000) })}
    </div>
  );
}
