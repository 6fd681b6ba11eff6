import { useId, useState, type ReactNode } from 'react';
import { useEntryActions } from '../hooks/use-entry-actions.js';
import type { ResourcePath } from '../settings-api.js';
import { useSettingsText, type SettingsKey } from '../settings-messages.js';

interface Props {
  path: ResourcePath;
  title: SettingsKey;
  /** The body a new entry starts from; the server validates it as any other write. */
  template(id: string): unknown;
  hint?: SettingsKey;
  /** The entries, given the section's delete action so its outcome outlives the deleted entry's form. */
  children(remove: (id: string) => Promise<void>): ReactNode;
}

/** One kind of configuration: its entries, a form to add one by id, and the outcome of adding and deleting. */
export function EntrySection({ path, title, template, hint, children }: Props) {
  const t = useSettingsText();
  const actions = useEntryActions(path);
  const idField = useId();
  const [newId, setNewId] = useState('');
  const headingId = `settings-${path}`;

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const id = newId.trim();
    await actions.create(id, template(id));
    setNewId('');
  }

  return (
    <section aria-labelledby={headingId} data-testid={`section-${path}`}>
      <h2 id={headingId}>{t(title)}</h2>
      {hint && <p>{t(hint)}</p>}
      {children(actions.remove)}
      <form className="settings-new" onSubmit={add} aria-label={`${t(title)}: ${t('add')}`}>
        <label htmlFor={idField}>{t('newId')}</label>
        <input id={idField} value={newId} maxLength={128} onChange={(e) => setNewId(e.target.value)} data-testid="new-id" />
        <button type="submit" disabled={newId.trim() === ''}>{t('add')}</button>
      </form>
      <p role="status" aria-live="polite" data-testid="section-status">{actions.status}</p>
    </section>
  );
}
