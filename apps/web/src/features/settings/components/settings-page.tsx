import { useEffect } from 'react';
import { AlertRule } from '@plancia/contracts';
import { LanguageSwitch } from '../../../components/language-switch.js';
import { useSettingsSection } from '../hooks/use-settings-section.js';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { newEntry } from '../templates.js';
import { AgentsList } from './agents-list.js';
import { CalendarForm } from './calendar-form.js';
import { DefaultRules } from './default-rules.js';
import { EntrySection } from './entry-section.js';
import { JsonForm } from './json-form.js';
import { QueueForm } from './queue-form.js';
import { RulePreview } from './rule-preview.js';
import { SettingsNav } from './settings-nav.js';
import { UsersSection } from './users-section.js';
import '../settings.css';

/** `/settings`: queues, business calendars, alert rules, agents and users, one section at a time, each entry saved on its own. */
export function SettingsPage() {
  const t = useSettingsText();
  const { token, setToken, queues, calendars, rules, loadFailed, load } = useSettingsStore();
  const section = useSettingsSection();
  useEffect(() => void load(), [load, token]);
  return (
    <main className="settings">
      <header>
        <h1>{t('title')}</h1>
        <a href="/">{t('back')}</a>
        <a href="/settings/notifications">{t('notifications')}</a>
        <LanguageSwitch />
        <label className="settings-field">
          <span>{t('token')}</span>
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        </label>
      </header>
      <SettingsNav current={section} />
      {loadFailed && <p role="alert">{t('loadError')}</p>}
      {section === 'queues' && (
        <EntrySection key="queues" path="queues" title="queues" template={newEntry.queue}>
          {(remove) => queues.map((q) => <QueueForm key={q.config.queueId} entry={q} onDelete={() => void remove(q.config.queueId)} />)}
        </EntrySection>
      )}
      {section === 'calendars' && (
        <EntrySection key="calendars" path="calendars" title="calendars" template={newEntry.calendar}>
          {(remove) => calendars.map((c) => <CalendarForm key={c.id} initial={c} onDelete={() => void remove(c.id)} />)}
        </EntrySection>
      )}
      {section === 'alert-rules' && (
        <EntrySection key="alert-rules" path="alert-rules" title="rules" template={newEntry.rule}>
          {(remove) => (
            <>
              <DefaultRules />
              {rules.map((r) => (
                <JsonForm key={r.id} path="alert-rules" schema={AlertRule} initial={r} onDelete={() => void remove(r.id)}>
                  {(valid) => <RulePreview rule={valid as AlertRule} />}
                </JsonForm>
              ))}
            </>
          )}
        </EntrySection>
      )}
      {section === 'agents' && (
        <EntrySection key="agents" path="agents" title="agents" hint="agentsHint" template={newEntry.agent}>
          {(remove) => <AgentsList onDelete={(id) => void remove(id)} />}
        </EntrySection>
      )}
      {section === 'users' && <UsersSection />}
    </main>
  );
}
