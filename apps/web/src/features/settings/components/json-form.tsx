import { useId, useState, type ReactNode } from 'react';
import type { TSchema } from '@sinclair/typebox';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { fieldErrors } from '../field-errors.js';
import { useEntryActions } from '../hooks/use-entry-actions.js';
import type { ResourcePath } from '../settings-api.js';
import { useSettingsText } from '../settings-messages.js';
import { DeleteButton } from './delete-button.js';

interface Props {
  path: ResourcePath;
  schema: TSchema;
  initial: { id: string };
  onDelete(): void;
  /** Extra actions that need the parsed, valid definition (the rule preview). */
  children?: (valid: unknown) => ReactNode;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** An entry edited as its JSON definition (alert rules), checked against the contract on every keystroke. */
export function JsonForm({ path, schema, initial, onDelete, children }: Props) {
  const t = useSettingsText();
  const id = useId();
  const locale = useLocaleStore((s) => s.locale);
  const { status, save } = useEntryActions(path);
  const [text, setText] = useState(() => pretty(initial));
  // A save reloads the list: the editor takes the stored definition but keeps its status line.
  const [stored, setStored] = useState(pretty(initial));
  const latest = pretty(initial);
  if (stored !== latest) {
    setStored(latest);
    setText(latest);
  }
  let parsed: unknown;
  let errors: string[];
  try {
    parsed = JSON.parse(text);
    errors = Object.entries(fieldErrors(schema, parsed, locale)).map(([p, m]) => `${p}: ${m}`);
  } catch (error) {
    errors = [(error as Error).message];
  }

  return (
    <form className="settings-card" aria-label={initial.id} data-testid={`${path}-form-${initial.id}`}
      onSubmit={(e) => { e.preventDefault(); void save((parsed as { id: string }).id, initial, parsed); }}>
      <label htmlFor={id}>{t('json')}: {initial.id}</label>
      <textarea id={id} rows={10} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={errors.length > 0} aria-describedby={`${id}-errors`} data-testid="json" />
      <ul id={`${id}-errors`} className="settings-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>
      <div className="settings-actions">
        <button type="submit" disabled={errors.length > 0} data-testid="save">{t('save')}</button>
        <DeleteButton id={initial.id} label={t('delete')} onConfirm={onDelete} />
      </div>
      {errors.length === 0 && children?.(parsed)}
      <p role="status" aria-live="polite">{status}</p>
    </form>
  );
}
