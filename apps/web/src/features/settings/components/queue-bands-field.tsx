import { hasOwnBands, queueBands, RED_BAND_POINTS_UNDER_TARGET, type QueueConfig } from '@plancia/contracts';
import { followingTarget, greenBelowTarget, withBandEdit } from '../queue-bands.js';
import { useSettingsText } from '../settings-messages.js';
import { NumberField } from './number-field.js';

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

interface Props {
  /** The queue as the form holds it. */
  draft: QueueConfig;
  /** Whether the stored queue has its own bands, to say when the form's choice is not saved yet. */
  storedOwn: boolean;
  errors: Record<string, string>;
  onChange(queue: QueueConfig): void;
}

/**
 * A queue's tile colour bands and where they come from: derived from the target (and moving with it) or the queue's
 * own. The fields always show the bands in force; typing in one gives the queue its own bands.
 */
export function QueueBandsField({ draft, storedOwn, errors, onChange }: Props) {
  const t = useSettingsText();
  const own = hasOwnBands(draft);
  const bands = queueBands(draft);
  const values = {
    amber: percent(bands.amberBelow), red: percent(bands.redBelow), target: percent(draft.serviceLevel.target),
    points: percent(RED_BAND_POINTS_UNDER_TARGET),
  };
  return (
    <fieldset data-testid="bands" data-bands={own ? 'own' : 'target'}>
      <legend>{t('bands')}</legend>
      <p className="settings-hint" data-testid="bands-mode">
        {t(own ? 'bandsOwn' : 'bandsFollow', values)}{own !== storedOwn && ` ${t('bandsUnsaved')}`}
      </p>
      <NumberField label={t('amber')} value={values.amber} step={0.1} error={errors['/colours/amberBelow']} testId="amber"
        onChange={(v) => onChange(withBandEdit(draft, { amberBelow: v / 100 }))} />
      <NumberField label={t('red')} value={values.red} step={0.1} error={errors['/colours/redBelow']} testId="red"
        onChange={(v) => onChange(withBandEdit(draft, { redBelow: v / 100 }))} />
      {own && (
        <button type="button" data-testid="bands-follow" onClick={() => onChange(followingTarget(draft))}>{t('bandsUseTarget')}</button>
      )}
      {greenBelowTarget(draft) && <p className="settings-error" data-testid="bands-warning">{t('bandsGreenBelowTarget', values)}</p>}
    </fieldset>
  );
}
