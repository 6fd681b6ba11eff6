import { useState } from 'react';
import { CONTACT_CHANNELS, DEFAULT_CALENDAR_ID, hasOwnBands, QueueConfig } from '@plancia/contracts';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { fieldErrors } from '../field-errors.js';
import { kpiPercentFields } from '../kpi-targets.js';
import { queueRefusals } from '../refusals.js';
import { useEntryActions } from '../hooks/use-entry-actions.js';
import { redAboveAmber } from '../queue-bands.js';
import type { QueueEntry } from '../settings-api.js';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { AsyncTargetsField } from './async-targets-field.js';
import { DeleteButton } from './delete-button.js';
import { KpiTargetsField } from './kpi-targets-field.js';
import { NumberField } from './number-field.js';
import { QueueBandsField } from './queue-bands-field.js';
import { SelectField } from './select-field.js';
import { TextField } from './text-field.js';

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;
/** Fractions shown as percent: their limits too. */
const PERCENT_FIELDS = { '/serviceLevel/target': 100, '/colours/amberBelow': 100, '/colours/redBelow': 100, ...kpiPercentFields() };
type Sl = QueueConfig['serviceLevel'];

/** Sets an optional key, or removes it when the field is emptied. */
function withOptional(queue: QueueConfig, key: 'channel' | 'teamId', value: string): QueueConfig {
  const { [key]: _, ...rest } = queue;
  return (value === '' ? rest : { ...rest, [key]: value }) as QueueConfig;
}

/** One queue's settings; validated against the contract as typed, saved with its version (If-Match). */
export function QueueForm({ entry, onDelete }: { entry: QueueEntry; onDelete(): void }) {
  const t = useSettingsText();
  const calendars = useSettingsStore((s) => s.calendars);
  const locale = useLocaleStore((s) => s.locale);
  const { status, refused, save } = useEntryActions('queues');
  const [draft, setDraft] = useState<QueueConfig>(entry.config);
  // The server's refusals are of the settings sent: shown beside their fields until one is edited.
  const [sent, setSent] = useState<QueueConfig | null>(null);
  // A save reloads the list: the form takes the stored settings and version but keeps its status line.
  const [version, setVersion] = useState(entry.version);
  if (version !== entry.version) {
    setVersion(entry.version);
    setDraft(entry.config);
  }
  const errors = fieldErrors(QueueConfig, draft, locale, PERCENT_FIELDS);
  if (draft.colours && redAboveAmber(draft.colours)) errors['/colours/redBelow'] ??= t('redAboveAmber');
  const shown = { ...(sent === draft ? queueRefusals(refused, draft, t) : {}), ...errors };
  const sl = draft.serviceLevel;
  const setSl = (patch: Partial<Sl>) => setDraft({ ...draft, serviceLevel: { ...sl, ...patch } });
  const calendarIds = [...new Set([DEFAULT_CALENDAR_ID, ...calendars.map((c) => c.id), draft.calendarId])];
  const id = draft.queueId;

  return (
    <form className="settings-card" aria-label={id} data-testid={`queue-form-${id}`}
      onSubmit={(e) => { e.preventDefault(); setSent(draft); void save(id, entry.configured ? entry.config : {}, draft, entry.version); }}>
      <h3>{id}{!entry.configured && <small> ({t('notConfigured')})</small>}</h3>
      <TextField label={t('name')} value={draft.name} error={errors['/name']} onChange={(name) => setDraft({ ...draft, name })} />
      <SelectField label={t('channel')} value={draft.channel ?? ''} options={['', ...CONTACT_CHANNELS]} text={(c) => c || t('none')}
        onChange={(c) => setDraft(withOptional(draft, 'channel', c))} />
      <TextField label={t('team')} value={draft.teamId ?? ''} error={errors['/teamId']} onChange={(team) => setDraft(withOptional(draft, 'teamId', team.trim()))} />
      <SelectField label={t('calendar')} value={draft.calendarId} options={calendarIds} onChange={(calendarId) => setDraft({ ...draft, calendarId })} />
      <NumberField label={t('threshold')} value={sl.thresholdSeconds} error={errors['/serviceLevel/thresholdSeconds']} testId="threshold" onChange={(v) => setSl({ thresholdSeconds: v })} />
      <NumberField label={t('target')} value={percent(sl.target)} step={0.1} error={errors['/serviceLevel/target']} testId="target" onChange={(v) => setSl({ target: v / 100 })} />
      <NumberField label={t('shortAbandon')} value={sl.shortAbandonSeconds} error={errors['/serviceLevel/shortAbandonSeconds']} testId="short-abandon" onChange={(v) => setSl({ shortAbandonSeconds: v })} />
      <SelectField label={t('abandonPolicy')} value={sl.abandonPolicy} options={['ignore', 'negative', 'positive', 'exclude'] as const} text={(p) => t(p)}
        onChange={(abandonPolicy) => setSl({ abandonPolicy })} />
      <SelectField label={t('rolling')} value={String(draft.rollingMinutes)} options={['5', '15', '30', '60']}
        onChange={(m) => setDraft({ ...draft, rollingMinutes: Number(m) as QueueConfig['rollingMinutes'] })} />
      <SelectField label={t('interval')} value={String(draft.intervalMinutes)} options={['15', '30']}
        onChange={(m) => setDraft({ ...draft, intervalMinutes: Number(m) as QueueConfig['intervalMinutes'] })} />
      <QueueBandsField draft={draft} storedOwn={hasOwnBands(entry.config)} errors={errors} onChange={setDraft} />
      <AsyncTargetsField legend={t('firstResponse')} path="/firstResponse" targets={draft.firstResponse} errors={errors}
        onChange={(firstResponse) => setDraft({ ...draft, firstResponse })} />
      <AsyncTargetsField legend={t('resolution')} path="/resolution" targets={draft.resolution} errors={errors}
        onChange={(resolution) => setDraft({ ...draft, resolution })} />
      <KpiTargetsField draft={draft} errors={shown} onChange={setDraft} />
      <div className="settings-actions">
        <button type="submit" disabled={Object.keys(errors).length > 0} data-testid="save">{t('save')}</button>
        {entry.configured && <DeleteButton id={id} label={t('reset')} onConfirm={onDelete} />}
      </div>
      <p role="status" aria-live="polite">{status}</p>
    </form>
  );
}
