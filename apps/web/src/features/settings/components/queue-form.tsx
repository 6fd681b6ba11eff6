import { useState } from 'react';
import { QueueConfig } from '@plancia/contracts';
import { fieldErrors } from '../field-errors.js';
import { settingsApi, type QueueEntry } from '../settings-api.js';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { NumberField } from './number-field.js';

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

/** One queue's settings; validated against the contract as typed, saved with its version (If-Match). */
export function QueueForm({ entry }: { entry: QueueEntry }) {
  const t = useSettingsText();
  const { token, load } = useSettingsStore();
  const [draft, setDraft] = useState<QueueConfig>(entry.config);
  const [status, setStatus] = useState('');
  // A save reloads the list: the form takes the stored settings and version but keeps its status line.
  const [version, setVersion] = useState(entry.version);
  if (version !== entry.version) {
    setVersion(entry.version);
    setDraft(entry.config);
  }
  const errors = fieldErrors(QueueConfig, draft);
  const sl = draft.serviceLevel;
  const setSl = (patch: Partial<QueueConfig['serviceLevel']>) => setDraft({ ...draft, serviceLevel: { ...sl, ...patch } });
  const setBands = (patch: Partial<QueueConfig['colours']>) => setDraft({ ...draft, colours: { ...draft.colours, ...patch } });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    try {
      const { replayed } = await settingsApi.put('queues', draft.queueId, draft, token, entry.version);
      setStatus(t('saved', { n: replayed }));
    } catch (error) {
      setStatus((error as { status?: number }).status === 412 ? t('conflict') : t('saveError', { message: (error as Error).message }));
    }
    await load();
  }

  return (
    <form className="settings-card" onSubmit={save} aria-label={draft.queueId} data-testid={`queue-form-${draft.queueId}`}>
      <h3>{draft.queueId}{!entry.configured && <small> ({t('notConfigured')})</small>}</h3>
      <label className="settings-field">
        <span>{t('name')}</span>
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-invalid={'/name' in errors} />
        {errors['/name'] && <span role="alert" className="settings-error">{errors['/name']}</span>}
      </label>
      <NumberField label={t('threshold')} value={sl.thresholdSeconds} error={errors['/serviceLevel/thresholdSeconds']} testId="threshold" onChange={(v) => setSl({ thresholdSeconds: v })} />
      <NumberField label={t('target')} value={percent(sl.target)} step={0.1} error={errors['/serviceLevel/target']} testId="target" onChange={(v) => setSl({ target: v / 100 })} />
      <NumberField label={t('shortAbandon')} value={sl.shortAbandonSeconds} error={errors['/serviceLevel/shortAbandonSeconds']} testId="short-abandon" onChange={(v) => setSl({ shortAbandonSeconds: v })} />
      <label className="settings-field">
        <span>{t('abandonPolicy')}</span>
        <select value={sl.abandonPolicy} onChange={(e) => setSl({ abandonPolicy: e.target.value as QueueConfig['serviceLevel']['abandonPolicy'] })}>
          {(['ignore', 'negative', 'positive'] as const).map((p) => <option key={p} value={p}>{t(p)}</option>)}
        </select>
      </label>
      <label className="settings-field">
        <span>{t('rolling')}</span>
        <select value={draft.rollingMinutes} onChange={(e) => setDraft({ ...draft, rollingMinutes: Number(e.target.value) as QueueConfig['rollingMinutes'] })}>
          {[5, 15, 30, 60].map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label className="settings-field">
        <span>{t('interval')}</span>
        <select value={draft.intervalMinutes} onChange={(e) => setDraft({ ...draft, intervalMinutes: Number(e.target.value) as QueueConfig['intervalMinutes'] })}>
          {[15, 30].map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <NumberField label={t('amber')} value={percent(draft.colours.amberBelow)} step={0.1} error={errors['/colours/amberBelow']} testId="amber" onChange={(v) => setBands({ amberBelow: v / 100 })} />
      <NumberField label={t('red')} value={percent(draft.colours.redBelow)} step={0.1} error={errors['/colours/redBelow']} testId="red" onChange={(v) => setBands({ redBelow: v / 100 })} />
      <button type="submit" disabled={Object.keys(errors).length > 0} data-testid="save">{t('save')}</button>
      <p role="status" aria-live="polite">{status}</p>
    </form>
  );
}
