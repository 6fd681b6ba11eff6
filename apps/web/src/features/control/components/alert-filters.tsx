import { useId } from 'react';
import { AlertState, Severity, type Alert } from '@plancia/contracts';
import { filterOptions, type AlertSort } from '../alert-filter.js';
import { literalsOf } from '../contract-values.js';
import { useControlText } from '../control-messages.js';
import { useConsoleStore } from '../stores/console-store.js';
import { FilterSelect } from './filter-select.js';

const SEVERITIES = literalsOf(Severity);
// A resolved alert is no longer open: the live list never holds one, the history does.
const OPEN_STATES = literalsOf(AlertState).filter((s) => s !== 'resolved');

/** Severity, state, queue, team and rule of the open alerts, and the order they are listed in. */
export function AlertFilters({ alerts }: { alerts: readonly Alert[] }) {
  const t = useControlText();
  const { filter, sort, setFilter, clearFilter, setSort } = useConsoleStore();
  const sortId = useId();
  const options = filterOptions(alerts, filter);
  const plain = (values: readonly string[]) => values.map((v) => ({ value: v, text: v }));
  return (
    <fieldset className="control-filters">
      <legend>{t('filters')}</legend>
      <FilterSelect label={t('severity')} value={filter.severity} anyText={t('any')} testId="filter-severity"
        options={SEVERITIES.map((s) => ({ value: s, text: t(s) }))} onChange={(v) => setFilter({ severity: v as Alert['severity'] | null })} />
      <FilterSelect label={t('state')} value={filter.state} anyText={t('any')} testId="filter-state"
        options={OPEN_STATES.map((s) => ({ value: s, text: t(s) }))} onChange={(v) => setFilter({ state: v as Alert['state'] | null })} />
      <FilterSelect label={t('queue')} value={filter.queueId} anyText={t('any')} testId="filter-queue"
        options={plain(options.queues)} onChange={(v) => setFilter({ queueId: v })} />
      <FilterSelect label={t('team')} value={filter.teamId} anyText={t('any')} testId="filter-team"
        options={plain(options.teams)} onChange={(v) => setFilter({ teamId: v })} />
      <FilterSelect label={t('rule')} value={filter.ruleId} anyText={t('any')} testId="filter-rule"
        options={options.rules.map((r) => ({ value: r.id, text: r.name }))} onChange={(v) => setFilter({ ruleId: v })} />
      <span className="control">
        <label htmlFor={sortId}>{t('sort')}</label>
        <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as AlertSort)} data-testid="sort">
          <option value="severity">{t('sortSeverity')}</option>
          <option value="age">{t('sortAge')}</option>
        </select>
      </span>
      <button type="button" onClick={clearFilter}>{t('clearFilters')}</button>
    </fieldset>
  );
}
