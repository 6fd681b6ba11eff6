import { memo, useState } from 'react';
import type { Alert } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { alertName, alertScope, clearingText } from '../alert-texts.js';
import { alertFigures } from '../alert-value.js';
import { useAlertsStore } from '../stores/alerts-store.js';
import { AcknowledgeForm } from './acknowledge-form.js';

const SEVERITY_ICON = { critical: '✖', warning: '⚠' } as const;

/** What fired, where, how far past its threshold, and who has taken it in hand. */
export const AlertItem = memo(function AlertItem({ alert }: { alert: Alert }) {
  const { t, fmt, locale } = useI18n();
  const fresh = useAlertsStore((s) => alert.id in s.fresh);
  const [acknowledging, setAcknowledging] = useState(false);
  // An assigned alert has been acknowledged too (assigning implies it).
  const acknowledged = alert.state === 'acknowledged' || alert.state === 'assigned';
  const snoozed = alert.snoozedUntil ? Date.parse(alert.snoozedUntil) : null;
  const figures = alertFigures(alert, fmt);
  return (
    <li className={`alert alert--${alert.severity} ${fresh ? 'alert--flash' : ''}`} data-testid="alert-item" data-state={alert.state}>
      <span className="alert__severity">
        <span aria-hidden="true">{SEVERITY_ICON[alert.severity]} </span>{t(alert.severity)}
      </span>
      <span className="alert__name" data-testid="alert-name">{alertName(alert, locale)}</span>
      <span className="alert__scope" data-testid="alert-scope" title={alert.scope.id ?? undefined}>{alertScope(alert, locale)}</span>
      <span className="alert__value" data-testid="alert-value">{figures.clearing ? clearingText(figures.value, figures.threshold, locale) : t('value', { value: figures.value, threshold: figures.threshold })}</span>
      <span className="alert__time">{t('raisedAt', { time: fmt.time(Date.parse(alert.raisedAt)) })}</span>
      {alert.silencedBy && <span className="alert__silenced" data-testid="alert-silenced" title={alert.silencedBy}><span aria-hidden="true">🔕 </span>{t('silenced')}</span>}
      {snoozed !== null && <span className="alert__snoozed" data-testid="alert-snoozed">{t('snoozedUntil', { time: fmt.time(snoozed) })}</span>}
      {acknowledged && alert.acknowledgedAt && (
        <span className="alert__ack" data-testid="alert-acknowledged">
          ✔ {t('acknowledged', { by: alert.acknowledgedBy ?? '—', time: fmt.time(Date.parse(alert.acknowledgedAt)) })}
          {alert.assignedTo ? `, ${t('assignedTo', { to: alert.assignedTo })}` : ''}
          {alert.note ? ` — “${alert.note}”` : ''}
        </span>
      )}
      {!acknowledged && !acknowledging && (
        <button type="button" onClick={() => setAcknowledging(true)} data-testid="acknowledge">{t('acknowledge')}</button>
      )}
      {!acknowledged && acknowledging && <AcknowledgeForm alertId={alert.id} onDone={() => setAcknowledging(false)} />}
    </li>
  );
});
