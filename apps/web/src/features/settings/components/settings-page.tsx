import { useEffect } from 'react';
import { AlertRule } from '@plancia/contracts';
import { LanguageSwitch } from '../../i18n/components/language-switch.js';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { newEntry } from '../templates.js';
import { AgentsList } from './agents-list.js';
import { CalendarForm } from './calendar-form.js';
import { EntrySection } from './entry-section.js';
import { JsonForm } from './json-form.js';
import { QueueForm } from './queue-form.js';
import { RulePreview } from './rule-preview.js';

/** `/settings`: queues, business calendars, alert rules and agents, each entry saved on its own. */
export function SettingsPage() {
  const t = useSettingsText();
  const { token, setToken, queues, calendars, rules, loadFailed, load } = useSettingsStore();
  useEffect(() => void load(), [load, token]);
  return (
    <main className="settings">
      <header>
        <h1>{t('title')}</h1>
        <a href="/">{t('back')}</a>
        <LanguageSwitch />
        <label className="settings-field">
          <span>{t('token')}</span>
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        </label>
      </header>
      {loadFailed && <p role="alert">{t('loadError')}</p>}
      <EntrySection path="queues" title="queues" template={newEntry.queue}>
        {(remove) => queues.map((q) => <QueueForm key={q.config.queueId} entry={q} onDelete={() => void remove(q.config.queueId)} />)}
      </EntrySection>
      <EntrySection path="calendars" title="calendars" template={newEntry.calendar}>
        {(remove) => calendars.map((c) => <CalendarForm key={c.id} initial={c} onDelete={() => void remove(c.id)} />)}
      </EntrySection>
      <EntrySection path="alert-rules" title="rules" template={newEntry.rule}>
        {(remove) => rules.map((r) => (
          <JsonForm key={r.id} path="alert-rules" schema={AlertRule} initial={r} onDelete={() => void remove(r.id)}>
            {(valid) => <RulePreview rule={valid as AlertRule} />}
          </JsonForm>
        ))}
      </EntrySection>
      <EntrySection path="agents" title="agents" hint="agentsHint" template={newEntry.agent}>
        {(remove) => <AgentsList onDelete={(id) => void remove(id)} />}
      </EntrySection>
    </main>
  );
}
