import { CONTACT_CHANNELS, TICKET_CHANNELS, TICKET_PRIORITIES, type AsyncTarget } from '@plancia/contracts';
import { useSettingsText } from '../settings-messages.js';
import { NumberField } from './number-field.js';
import { SelectField } from './select-field.js';

const CHANNELS = [...new Set([...CONTACT_CHANNELS, ...TICKET_CHANNELS])];

interface Props {
  legend: string;
  /** JSON pointer of the list in the queue, to find its errors (`/firstResponse`). */
  path: string;
  targets: AsyncTarget[];
  errors: Record<string, string>;
  onChange(targets: AsyncTarget[]): void;
}

/** A queue's first-response or resolution targets: one row per channel and priority (either may be "any"). */
export function AsyncTargetsField({ legend, path, targets, errors, onChange }: Props) {
  const t = useSettingsText();
  const setRow = (index: number, row: AsyncTarget) => onChange(targets.map((r, i) => (i === index ? row : r)));
  const setOptional = (index: number, key: 'channel' | 'priority', value: string) => {
    const { [key]: _, ...rest } = targets[index]!;
    setRow(index, (value === '' ? rest : { ...rest, [key]: value }) as AsyncTarget);
  };
  return (
    <fieldset data-testid={`targets${path.replace('/', '-')}`}>
      <legend>{legend}</legend>
      <p className="settings-hint">{t('targetsHint')}</p>
      {targets.map((row, index) => (
        <div className="settings-row" key={index} role="group" aria-label={`${legend} ${index + 1}`}>
          <SelectField label={t('channel')} value={row.channel ?? ''} options={['', ...CHANNELS]} text={(c) => c || t('any')}
            onChange={(c) => setOptional(index, 'channel', c)} />
          <SelectField label={t('priority')} value={row.priority ?? ''} options={['', ...TICKET_PRIORITIES]} text={(p) => p || t('any')}
            onChange={(p) => setOptional(index, 'priority', p)} />
          <NumberField label={t('seconds')} value={row.seconds} error={errors[`${path}/${index}/seconds`]} testId="target-seconds"
            onChange={(seconds) => setRow(index, { ...row, seconds })} />
          <label className="settings-field settings-field--check">
            <input type="checkbox" checked={row.businessHours} onChange={(e) => setRow(index, { ...row, businessHours: e.target.checked })} />
            <span>{t('businessHours')}</span>
          </label>
          <button type="button" onClick={() => onChange(targets.filter((_, i) => i !== index))}>{t('removeTarget', { n: index + 1 })}</button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...targets, { seconds: 3600, businessHours: true }])}>{t('addTarget')}</button>
    </fieldset>
  );
}
