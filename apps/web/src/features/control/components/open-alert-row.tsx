import { memo } from 'react';
import type { Alert, AlertEvent } from '@plancia/contracts';
import { createFormatters } from '../../../lib/format.js';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import type { AlertDescriber } from '../alert-describer.js';
import { openFor } from '../alert-durations.js';
import { useControlText } from '../control-messages.js';
import { AlertActions } from './alert-actions.js';

const SEVERITY_ICON = { critical: '✖', warning: '⚠' } as const;

interface Props {
  alert: Alert;
  selected: boolean;
  now: number;
  describe: AlertDescriber;
  onSelect(id: string | null): void;
  onEvent(event: AlertEvent): void;
  onSilence(alert: Alert): void;
}

/** One open alert: what, where, how long, who holds it; selected, its actions open beneath it. */
export const OpenAlertRow = memo(function OpenAlertRow({ alert, selected, now, describe, onSelect, onEvent, onSilence }: Props) {
  const t = useControlText();
  const locale = useLocaleStore((s) => s.locale);
  const fmt = createFormatters(locale);
  const actionsId = `actions-${alert.id}`;
  const holder = alert.assignedTo ? t('assignedTo', { name: alert.assignedTo })
    : alert.acknowledgedBy && alert.acknowledgedAt ? t('ackBy', { name: alert.acknowledgedBy, time: fmt.time(Date.parse(alert.acknowledgedAt)) })
    : t('unassigned');
  return (
    <li className={`control-alert control-alert--${alert.severity} ${selected ? 'control-alert--selected' : ''}`}
      data-testid="control-alert" data-alert-id={alert.id} data-state={alert.state}>
      <button type="button" className="control-alert__head" data-row={alert.id}
        aria-expanded={selected} aria-controls={selected ? actionsId : undefined} onClick={() => onSelect(selected ? null : alert.id)}>
        <span className="control-alert__severity"><span aria-hidden="true">{SEVERITY_ICON[alert.severity]} </span>{t(alert.severity)}</span>
        <strong className="control-alert__name" data-testid="control-alert-name">{describe.name(alert)}</strong>
        <span>{describe.scope(alert)}</span>
        <span className="muted">{describe.figures(alert)}</span>
        <span className="control-alert__state" data-testid="control-alert-state">{t(alert.state)}</span>
        <span>{t('since', { duration: fmt.duration(openFor(alert, now)) })}</span>
        <span data-testid="control-alert-holder">{holder}</span>
        {alert.snoozedUntil && Date.parse(alert.snoozedUntil) > now && (
          <span className="badge">{t('snoozedUntil', { time: fmt.time(Date.parse(alert.snoozedUntil)) })}</span>
        )}
        {alert.silencedBy && <span className="badge" data-testid="control-alert-silenced">{t('silenced')}</span>}
      </button>
      {selected && (
        <div id={actionsId}>
          <AlertActions alert={alert} onEvent={onEvent} onSilence={onSilence} />
        </div>
      )}
    </li>
  );
});
