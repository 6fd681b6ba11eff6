import { useEffect } from 'react';
import { AlertRule, BusinessCalendar } from '@plancia/contracts';
import { LanguageSwitch } from '../../i18n/components/language-switch.js';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { JsonForm } from './json-form.js';
import { QueueForm } from './queue-form.js';
import { RulePreview } from './rule-preview.js';

/** `/settings`: queues, business calendars and alert rules, each saved on its own. */
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
      <section aria-labelledby="settings-queues">
        <h2 id="settings-queues">{t('queues')}</h2>
        {queues.map((q) => <QueueForm key={q.config.queueId} entry={q} />)}
      </section>
      <section aria-labelledby="settings-calendars">
        <h2 id="settings-calendars">{t('calendars')}</h2>
        {calendars.map((c) => <JsonForm key={c.id} path="calendars" schema={BusinessCalendar} initial={c} />)}
      </section>
      <section aria-labelledby="settings-rules">
        <h2 id="settings-rules">{t('rules')}</h2>
        {rules.map((r) => (
          <JsonForm key={r.id} path="alert-rules" schema={AlertRule} initial={r}>
            {(valid) => <RulePreview rule={valid as AlertRule} />}
          </JsonForm>
        ))}
      </section>
    </main>
  );
}
