import { useCentreStore } from '../../../stores/centre-store.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { METRIC_WINDOWS, useWindowStore, type MetricWindow } from '../../../stores/window-store.js';

export function WindowSelector() {
  const { t } = useI18n();
  const { window, select } = useWindowStore();
  const rollingMinutes = useCentreStore((s) => s.bounds?.rollingMinutes ?? 15);
  const label = (w: MetricWindow) => (w === 'rolling' ? t('rolling', { minutes: rollingMinutes }) : t(w));
  return (
    <label className="control">
      <span>{t('window')}</span>
      <select value={window} onChange={(e) => select(e.target.value as MetricWindow)} data-testid="window-selector">
        {METRIC_WINDOWS.map((w) => <option key={w} value={w}>{label(w)}</option>)}
      </select>
    </label>
  );
}
