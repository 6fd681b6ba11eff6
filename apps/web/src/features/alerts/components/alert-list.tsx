import { useMemo } from 'react';
import type { Alert } from '@plancia/contracts';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useAlertsStore } from '../stores/alerts-store.js';
import { AlertItem } from './alert-item.js';

/** Critical first, then the newest. */
export function byUrgency(a: Alert, b: Alert): number {
  if (a.severity !== b.severity) return a.severity === 'critical' ? -1 : 1;
  if (a.state !== b.state) return a.state === 'raised' ? -1 : 1;
  return b.raisedAt.localeCompare(a.raisedAt);
}

export function AlertList() {
  const active = useAlertsStore((s) => s.active);
  const { t } = useI18n();
  const alerts = useMemo(() => Object.values(active).sort(byUrgency), [active]);
  return (
    <section id="alerts" className="panel" aria-labelledby="alerts-title" tabIndex={-1}>
      <h2 id="alerts-title">{t('activeAlerts')} ({alerts.length})</h2>
      {alerts.length === 0 ? <p className="muted">{t('noAlerts')}</p> : (
        <ul className="alert-list" data-testid="alert-list">
          {alerts.map((alert) => <AlertItem key={alert.id} alert={alert} />)}
        </ul>
      )}
    </section>
  );
}
