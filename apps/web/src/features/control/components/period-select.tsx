import { Labelled } from './labelled.js';
import { PERIODS, type Period } from '../history-period.js';
import { useControlText } from '../control-messages.js';

/** The period of the history or of the MTTA/MTTR table. */
export function PeriodSelect({ value, onChange, testId }: { value: Period; onChange(period: Period): void; testId: string }) {
  const t = useControlText();
  return (
    <Labelled label={t('period')}>{(id) => (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Period)} data-testid={testId}>
        {PERIODS.map((p) => <option key={p} value={p}>{t(p)}</option>)}
      </select>
    )}</Labelled>
  );
}
