import { useState } from 'react';
import { DEFAULT_KPI_TARGETS, KPI_DEFINITIONS, KPI_NAMES, type KpiName, type QueueConfig } from '@plancia/contracts';
import { shownKpi, withKpiEdit, withRepeatWindow } from '../kpi-targets.js';
import { useSettingsText } from '../settings-messages.js';
import { NumberField } from './number-field.js';

interface Props {
  draft: QueueConfig;
  /** The form's errors and the server's refusals, by JSON pointer. */
  errors: Record<string, string>;
  onChange(queue: QueueConfig): void;
}

/** The step of a KPI's field: tenths of a percent or of a score, whole seconds. */
const stepOf = (name: KpiName) => (KPI_DEFINITIONS[name].unit === 'seconds' ? 1 : 0.1);

/**
 * A queue's own KPI targets (target and critical value per KPI, empty for the default, which is shown greyed) and the
 * window in which the same caller makes a contact a repeat (empty: the whole day). Folded away while the queue takes
 * every default, so a page of queues stays short; open when the queue has its own or a field is refused.
 */
export function KpiTargetsField({ draft, errors, onChange }: Props) {
  const t = useSettingsText();
  const [open, setOpen] = useState(() => draft.kpiTargets !== undefined || draft.repeatWindowMinutes !== undefined);
  const refused = Object.keys(errors).some((pointer) => pointer.startsWith('/kpiTargets') || pointer === '/repeatWindowMinutes');
  const placeholder = (name: KpiName, key: 'target' | 'critical') => {
    const value = DEFAULT_KPI_TARGETS[name]?.[key];
    return value === undefined ? t('noDefault') : String(shownKpi(name, value));
  };
  return (
    <details data-testid="kpi-targets" open={open || refused} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('kpiTargets')}</summary>
      <p className="settings-hint">{t('kpiTargetsHint')}</p>
      {KPI_NAMES.map((name) => {
        const own = draft.kpiTargets?.[name];
        const kpi = t(`kpi_${name}`);
        return (
          <div className="settings-row" key={name} role="group" aria-label={kpi}>
            <NumberField label={t('kpiTarget', { kpi })} value={shownKpi(name, own?.target)} step={stepOf(name)} placeholder={placeholder(name, 'target')}
              error={errors[`/kpiTargets/${name}/target`]} testId={`kpi-target-${name}`} onChange={(v) => onChange(withKpiEdit(draft, name, 'target', v))} />
            <NumberField label={t('kpiCritical', { kpi })} value={shownKpi(name, own?.critical)} step={stepOf(name)} placeholder={placeholder(name, 'critical')}
              error={errors[`/kpiTargets/${name}/critical`]} testId={`kpi-critical-${name}`} onChange={(v) => onChange(withKpiEdit(draft, name, 'critical', v))} />
          </div>
        );
      })}
      <NumberField label={t('repeatWindow')} value={draft.repeatWindowMinutes ?? Number.NaN} placeholder={t('wholeDay')}
        error={errors['/repeatWindowMinutes']} testId="repeat-window" onChange={(v) => onChange(withRepeatWindow(draft, v))} />
    </details>
  );
}
