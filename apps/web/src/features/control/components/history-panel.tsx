import { useEffect, useMemo } from 'react';
import type { Alert } from '@plancia/contracts';
import { createFormatters, TIME_ZONE } from '../../../lib/format.js';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import type { AlertDescriber } from '../alert-describer.js';
import { alertDurations } from '../alert-durations.js';
import { controlApi } from '../control-api.js';
import { useControlText } from '../control-messages.js';
import { dateTime } from '../date-time.js';
import { periodRange } from '../history-period.js';
import { historyQuery } from '../history-query.js';
import { problemText } from '../remote.js';
import { useConsoleStore } from '../stores/console-store.js';
import { useHistoryStore } from '../stores/history-store.js';
import { PeriodSelect } from './period-select.js';

function HistoryRow({ alert, describe }: { alert: Alert; describe: AlertDescriber }) {
  const t = useControlText();
  const locale = useLocaleStore((s) => s.locale);
  const fmt = createFormatters(locale);
  const { toAcknowledge, toResolve } = alertDurations(alert);
  const resolver = alert.resolvedAt ? (alert.resolvedBy ?? t('byItself')) : '—';
  return (
    <tr data-testid="history-row" data-alert-id={alert.id}>
      <td>{dateTime(alert.raisedAt, locale)}</td>
      <td>{t(alert.severity)}</td>
      <td>{describe.name(alert)}</td>
      <td>{describe.scope(alert)}</td>
      <td>{t(alert.state)}</td>
      <td>{fmt.duration(toAcknowledge)}</td>
      <td>{alert.acknowledgedBy ?? '—'}</td>
      <td>{alert.assignedTo ?? '—'}</td>
      <td>{fmt.duration(toResolve)}</td>
      <td>{resolver}{alert.resolutionNote ? ` — “${alert.resolutionNote}”` : ''}</td>
    </tr>
  );
}

/** The alerts of a period, open and closed, with how long each took and who did what; the same rows as CSV. */
export function HistoryPanel({ describe }: { describe: AlertDescriber }) {
  const t = useControlText();
  const filter = useConsoleStore((s) => s.filter);
  const { period, custom, alerts, loadHistory } = useHistoryStore();
  const query = useMemo(() => {
    const range = periodRange(period, Date.now(), TIME_ZONE, custom);
    return range && historyQuery(range, filter);
  }, [period, custom, filter]);
  useEffect(() => void (query && loadHistory(query)), [loadHistory, query]);
  return (
    <section id="history" className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      <div className="control-toolbar">
        <PeriodSelect testId="history-period" valid={query !== null} />
        <button type="button" disabled={!query} onClick={() => void (query && loadHistory(query))} data-testid="history-load">{t('load')}</button>
        {query && <a className="button" href={controlApi.csvUrl(query)} download data-testid="history-csv">{t('csv')}</a>}
      </div>
      {alerts.status === 'loading' && <p className="muted" role="status">{t('loading')}</p>}
      {alerts.status === 'failed' && <p role="alert" className="error" data-testid="history-error">{problemText(alerts.problem, t)}</p>}
      {alerts.status === 'ready' && (alerts.data.length === 0 ? <p className="muted">{t('noHistory')}</p> : (
        <div className="control-table-wrap">
          <table className="control-table" data-testid="history">
            <thead>
              <tr>
                <th scope="col">{t('raisedCol')}</th><th scope="col">{t('severity')}</th><th scope="col">{t('alertCol')}</th>
                <th scope="col">{t('scopeCol')}</th><th scope="col">{t('state')}</th><th scope="col">{t('toAck')}</th>
                <th scope="col">{t('whoAcked')}</th><th scope="col">{t('whoAssigned')}</th><th scope="col">{t('toResolve')}</th>
                <th scope="col">{t('whoResolved')}</th>
              </tr>
            </thead>
            <tbody>{alerts.data.map((a) => <HistoryRow key={a.id} alert={a} describe={describe} />)}</tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
