import { useEffect, useId, useState } from 'react';
import type { NotificationPolicy } from '@plancia/contracts';
import { notificationsApi } from '../notifications-api.js';
import { useNotificationsText } from '../notifications-messages.js';
import { useNotificationsStore } from '../stores/notifications-store.js';
import { ChannelChecks } from './channel-checks.js';
import { OutcomeLine } from './outcome-line.js';
import { useOutcome } from './use-outcome.js';

const EMPTY: NotificationPolicy = { channels: [] };
type NumberKey = 'groupWaitSeconds' | 'groupIntervalSeconds' | 'repeatIntervalMinutes';

/**
 * The routing policy: root channels, grouping, repeat, language and quiet hours as fields; the routes (match,
 * channels, continue, escalation) as the JSON the API takes, checked by the server, whose refusal names the path.
 */
export function PolicySection() {
  const t = useNotificationsText();
  const id = useId();
  const { token, policy: stored, calendars, load } = useNotificationsStore();
  const [policy, setPolicy] = useState<NotificationPolicy>(stored ?? EMPTY);
  const [routes, setRoutes] = useState(JSON.stringify(stored?.routes ?? [], null, 2));
  const { outcome, run } = useOutcome();
  useEffect(() => {
    setPolicy(stored ?? EMPTY);
    setRoutes(JSON.stringify(stored?.routes ?? [], null, 2));
  }, [stored]);
  const number = (key: NumberKey, label: string) => (
    <span className="settings-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type="number" min={0} value={policy[key] ?? ''} data-testid={`policy-${key}`}
        onChange={(e) => setPolicy({ ...policy, [key]: e.target.value === '' ? undefined : Number(e.target.value) })} />
    </span>
  );
  const save = () => run(async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(routes);
    } catch (error) {
      throw new Error(`routes: ${(error as Error).message}`);
    }
    const body = { ...policy, routes: parsed as NotificationPolicy['routes'] };
    await notificationsApi.putPolicy(JSON.parse(JSON.stringify(body)) as NotificationPolicy, token);
    await load();
    return t('saved');
  });
  const quiet = policy.quietHours;
  return (
    <section aria-labelledby="policy-title">
      <h2 id="policy-title">{t('policy')}</h2>
      {!stored && <p className="muted">{t('noPolicy')}</p>}
      <form className="settings-card" data-testid="policy-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <ChannelChecks legend={t('rootChannels')} value={policy.channels} onChange={(channels) => setPolicy({ ...policy, channels })} testId="policy-root" />
        {number('groupWaitSeconds', t('groupWait'))}
        {number('groupIntervalSeconds', t('groupInterval'))}
        {number('repeatIntervalMinutes', t('repeatInterval'))}
        <span className="settings-field">
          <label htmlFor={`${id}-language`}>{t('language')}</label>
          <select id={`${id}-language`} value={policy.language ?? 'it'} onChange={(e) => setPolicy({ ...policy, language: e.target.value as 'it' | 'en' })}>
            <option value="it">{t('it')}</option><option value="en">{t('en')}</option>
          </select>
        </span>
        <fieldset>
          <legend>{t('quietHours')}</legend>
          <span className="settings-field">
            <label htmlFor={`${id}-quiet`}>{t('quietCalendar')}</label>
            <select id={`${id}-quiet`} value={quiet?.calendarId ?? ''} data-testid="policy-quiet-calendar"
              onChange={(e) => setPolicy({ ...policy, quietHours: e.target.value ? { ...quiet, calendarId: e.target.value } : undefined })}>
              <option value="">{t('none')}</option>
              {calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </span>
          {quiet && (
            <ChannelChecks legend={t('quietChannels')} value={quiet.channels ?? []} testId="policy-quiet-channels"
              onChange={(channels) => setPolicy({ ...policy, quietHours: { ...quiet, channels } })} />
          )}
        </fieldset>
        <span className="settings-field notifications-routes">
          <label htmlFor={`${id}-routes`}>{t('routes')}</label>
          <textarea id={`${id}-routes`} value={routes} rows={10} spellCheck={false} onChange={(e) => setRoutes(e.target.value)}
            aria-describedby={`${id}-routes-hint`} data-testid="policy-routes" />
          <small id={`${id}-routes-hint`} className="muted">{t('routesHint')}</small>
        </span>
        <div className="settings-actions"><button type="submit" disabled={outcome.kind === 'busy'} data-testid="policy-save">{t('savePolicy')}</button></div>
        <OutcomeLine outcome={outcome} testId="policy-outcome" />
      </form>
    </section>
  );
}
