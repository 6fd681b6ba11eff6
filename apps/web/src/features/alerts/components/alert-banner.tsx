import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useAlertsStore } from '../stores/alerts-store.js';
import { alertName, alertScopeName } from '../alert-texts.js';
import { byUrgency } from './alert-list.js';

/** The most urgent unacknowledged alert across the top of the board; critical ones flash until acknowledged. */
export function AlertBanner() {
  const active = useAlertsStore((s) => s.active);
  const fresh = useAlertsStore((s) => s.fresh);
  const { t, locale } = useI18n();
  const open = useMemo(() => Object.values(active).filter((a) => a.state === 'raised').sort(byUrgency), [active]);
  const first = open[0];
  if (!first) return null;
  const flashing = first.id in fresh;
  return (
    <a href="#alerts" className={`alert-banner alert-banner--${first.severity} ${flashing ? 'alert-banner--flash' : ''}`}
      role={first.severity === 'critical' ? 'alert' : 'status'} data-testid="alert-banner">
      <span aria-hidden="true">{first.severity === 'critical' ? '✖' : '⚠'} </span>
      <strong>{t(first.severity)}:</strong> {alertName(first, locale)}
      {alertScopeName(first) ? ` — ${alertScopeName(first)}` : ''}
      {open.length > 1 ? ` (+${open.length - 1})` : ''}
    </a>
  );
}
