import { useId } from 'react';
import { Labelled } from './labelled.js';
import { PERIODS, type Period } from '../history-period.js';
import { useControlText } from '../control-messages.js';
import { useHistoryStore } from '../stores/history-store.js';

/**
 * The period of the history and of the MTTA/MTTR table (one period serves both): a preset, or `custom` with its two
 * ends as the centre's wall-clock times. `valid` is false when a custom period's ends are missing or out of order.
 */
export function PeriodSelect({ testId, valid }: { testId: string; valid: boolean }) {
  const t = useControlText();
  const hintId = useId();
  const { period, setPeriod, custom, setCustom } = useHistoryStore();
  return (
    <>
      <Labelled label={t('period')}>{(id) => (
        <select id={id} value={period} onChange={(e) => setPeriod(e.target.value as Period)} data-testid={testId}>
          {PERIODS.map((p) => <option key={p} value={p}>{t(p)}</option>)}
        </select>
      )}</Labelled>
      {period === 'custom' && (
        <>
          <Labelled label={t('from')}>{(id) => (
            <input id={id} type="datetime-local" value={custom.from} aria-describedby={hintId} aria-invalid={!valid}
              onChange={(e) => setCustom({ ...custom, from: e.target.value })} data-testid={`${testId}-from`} />
          )}</Labelled>
          <Labelled label={t('to')}>{(id) => (
            <input id={id} type="datetime-local" value={custom.to} aria-describedby={hintId} aria-invalid={!valid}
              onChange={(e) => setCustom({ ...custom, to: e.target.value })} data-testid={`${testId}-to`} />
          )}</Labelled>
          <small id={hintId} className={valid ? 'muted' : 'error'} role={valid ? undefined : 'alert'}>{t(valid ? 'customHint' : 'badRange')}</small>
        </>
      )}
    </>
  );
}
