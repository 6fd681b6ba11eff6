import { useMemo } from 'react';
import type { Alert } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useAlertsStore } from '../stores/alerts-store.js';
import { AlertItem } from './alert-item.js';

/** Critical first, then the newest. */
export function byUrgency(a: Alert, b: Alert): number {
  if (a.severity !== b.severity) return a.severity === 'critical' ? -1 : 1;
  if (a.state !== b.state) return a.state === 'raised' ? -1 : 1;
  return b.raisedAt.localeCompare(a.raisedAt);
}

/** The open alerts, most urgent first; `range` shows one TV page of them. */
export function AlertList({ range }: { range?: { from: number; to: number } }) {
  const active = useAlertsStore((s) => s.active);
  const { t } = useI18n();
  const alerts = useMemo(() => Object.values(active).sort(byUrgency), [active]);
  const shown = range ? alerts.slice(range.from, range.to) : alerts;
  return (
    <section id="alerts" className="panel" aria-labelledby="alerts-title" tabIndex={-1}>
      <h2 id="alerts-title">
        {t('activeAlerts')} ({range ? t('shownOf', { from: range.from + 1, to: range.to, total: alerts.length }) : alerts.length})
      </h2>
      {alerts.length === 0 ? <p className="muted">{t('noAlerts')}</p> : (
        <ul className="alert-list" data-testid="alert-list">
          {shown.map((alert) => <AlertItem key={alert.id} alert={alert} />)}
        </ul>
      )}
    </section>
  );
}
