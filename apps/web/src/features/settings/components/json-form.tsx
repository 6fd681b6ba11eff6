import { useId, useState, type ReactNode } from 'react';
import type { TSchema } from '@sinclair/typebox';
import { fieldErrors } from '../field-errors.js';
import { settingsApi } from '../settings-api.js';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';

interface Props {
  path: 'calendars' | 'alert-rules';
  schema: TSchema;
  initial: { id: string };
  /** Extra actions that need the parsed, valid definition (the rule preview). */
  children?: (valid: unknown) => ReactNode;
}

/** A calendar or rule edited as its JSON definition, checked against the contract on every keystroke. */
export function JsonForm({ path, schema, initial, children }: Props) {
  const t = useSettingsText();
  const id = useId();
  const { token, load } = useSettingsStore();
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [status, setStatus] = useState('');
  // A save reloads the list: the editor takes the stored definition but keeps its status line.
  const [stored, setStored] = useState(JSON.stringify(initial, null, 2));
  const latest = JSON.stringify(initial, null, 2);
  if (stored !== latest) {
    setStored(latest);
    setText(latest);
  }
  let parsed: unknown;
  let errors: string[];
  try {
    parsed = JSON.parse(text);
    errors = Object.entries(fieldErrors(schema, parsed)).map(([p, m]) => `${p}: ${m}`);
  } catch (error) {
    errors = [(error as Error).message];
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    try {
      await settingsApi.put(path, (parsed as { id: string }).id, parsed, token);
      setStatus(t('saved', { n: 0 }));
    } catch (error) {
      setStatus(t('saveError', { message: (error as Error).message }));
    }
    await load();
  }

  return (
    <form className="settings-card" onSubmit={save} aria-label={initial.id}>
      <label htmlFor={id}>{t('json')}: {initial.id}</label>
      <textarea id={id} rows={10} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={errors.length > 0} aria-describedby={`${id}-errors`} />
      <ul id={`${id}-errors`} className="settings-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>
      <button type="submit" disabled={errors.length > 0}>{t('save')}</button>
      {errors.length === 0 && children?.(parsed)}
      <p role="status" aria-live="polite">{status}</p>
    </form>
  );
}
