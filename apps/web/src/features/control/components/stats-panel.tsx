import { useEffect, useMemo } from 'react';
import { createFormatters, TIME_ZONE } from '../../../lib/format.js';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { useControlText } from '../control-messages.js';
import { periodRange } from '../history-period.js';
import { problemText } from '../remote.js';
import { useHistoryStore, type StatsGrouping } from '../stores/history-store.js';
import { Labelled } from './labelled.js';
import { PeriodSelect } from './period-select.js';

const GROUPINGS: readonly StatsGrouping[] = ['rule', 'queue', 'severity'];

/** Mean time to acknowledge and to resolve, per rule, queue or severity, over a chosen period. */
export function StatsPanel() {
  const t = useControlText();
  const locale = useLocaleStore((s) => s.locale);
  const fmt = createFormatters(locale);
  const { by, setBy, stats, loadStats } = useHistoryStore();
  const period = useHistoryStore((s) => s.period);
  const custom = useHistoryStore((s) => s.custom);
  const query = useMemo(() => {
    const range = periodRange(period, Date.now(), TIME_ZONE, custom);
    return range && { ...range, by };
  }, [period, custom, by]);
  useEffect(() => void (query && loadStats(query)), [loadStats, query]);
  return (
    <section id="stats" className="panel" aria-labelledby="stats-title">
      <h2 id="stats-title">{t('stats')}</h2>
      <p className="muted">{t('mttaHint')}</p>
      <div className="control-toolbar">
        <PeriodSelect testId="stats-period" valid={query !== null} />
        <Labelled label={t('groupBy')}>{(id) => (
          <select id={id} value={by} onChange={(e) => setBy(e.target.value as StatsGrouping)} data-testid="stats-by">
            {GROUPINGS.map((g) => <option key={g} value={g}>{t(g === 'rule' ? 'rule' : g === 'queue' ? 'queue' : 'severity')}</option>)}
          </select>
        )}</Labelled>
        <button type="button" disabled={!query} onClick={() => void (query && loadStats(query))} data-testid="stats-load">{t('load')}</button>
      </div>
      {stats.status === 'loading' && <p className="muted" role="status">{t('loading')}</p>}
      {stats.status === 'failed' && <p role="alert" className="error" data-testid="stats-error">{problemText(stats.problem, t)}</p>}
      {stats.status === 'ready' && (stats.data.length === 0 ? <p className="muted">{t('noStats')}</p> : (
        <table className="control-table" data-testid="stats">
          <thead>
            <tr>
              <th scope="col">{t('key')}</th><th scope="col">{t('count')}</th><th scope="col">{t('acknowledged')}</th>
              <th scope="col">{t('resolved')}</th><th scope="col">{t('mtta')}</th><th scope="col">{t('mttr')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.data.map((g) => (
              <tr key={g.key} data-testid="stats-row">
                <th scope="row">{g.key}</th><td>{fmt.integer(g.count)}</td><td>{fmt.integer(g.acknowledged)}</td>
                <td>{fmt.integer(g.resolved)}</td><td>{fmt.duration(g.mttaSeconds)}</td><td>{fmt.duration(g.mttrSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
