import { useId, useState } from 'react';
import type { ChannelType } from '@plancia/contracts';
import { CHANNEL_TYPES, generateSecret, settingsOf, type ChannelDraft } from '../channel-draft.js';
import { notificationsApi } from '../notifications-api.js';
import { useNotificationsText } from '../notifications-messages.js';
import { useNotificationsStore } from '../stores/notifications-store.js';
import { OutcomeLine } from './outcome-line.js';
import { useOutcome } from './use-outcome.js';

interface Props {
  initial: ChannelDraft;
  /** True when the channel exists: its id is fixed and its secret or key must be given again. */
  stored: boolean;
  onDone(): void;
}

/** Creates or replaces one channel; the fields follow the type chosen. */
export function ChannelForm({ initial, stored, onDone }: Props) {
  const t = useNotificationsText();
  const id = useId();
  const { token, load } = useNotificationsStore();
  const [draft, setDraft] = useState(initial);
  const { outcome, run } = useOutcome();
  const field = (key: keyof ChannelDraft) => ({
    id: `${id}-${key}`, value: draft[key], 'data-testid': `channel-${key}`,
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });
  const label = (key: keyof ChannelDraft, text: string) => <label htmlFor={`${id}-${key}`}>{text}</label>;
  const save = () => run(async () => {
    await notificationsApi.putChannel(draft.id.trim(), settingsOf(draft), token);
    await load();
    onDone();
    return t('saved');
  });
  return (
    <form className="settings-card" aria-label={stored ? t('editing', { id: draft.id }) : t('newChannel')} data-testid="channel-form"
      onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h3>{stored ? t('editing', { id: draft.id }) : t('newChannel')}</h3>
      <span className="settings-field">{label('id', t('id'))}<input {...field('id')} required readOnly={stored} maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9_.\-]*" /></span>
      <span className="settings-field">{label('type', t('type'))}
        <select {...field('type')} onChange={(e) => setDraft({ ...draft, type: e.target.value as ChannelType })}>
          {CHANNEL_TYPES.map((type) => <option key={type} value={type}>{t(type)}</option>)}
        </select>
      </span>
      {draft.type !== 'email' && (
        <span className="settings-field">{label('url', t(draft.type === 'pagerduty' ? 'pagerdutyUrl' : 'url'))}
          <input {...field('url')} type="url" required={draft.type !== 'pagerduty'} size={48} /></span>
      )}
      {draft.type === 'webhook' && (
        <>
          <span className="settings-field">{label('secret', t('secret'))}<input {...field('secret')} required size={48} autoComplete="off" /></span>
          <button type="button" onClick={() => setDraft({ ...draft, secret: generateSecret() })} data-testid="channel-generate">{t('generate')}</button>
          {stored && <p className="settings-hint">{t('secretKept')}</p>}
        </>
      )}
      {draft.type === 'pagerduty' && (
        <>
          <span className="settings-field">{label('routingKey', t('routingKey'))}<input {...field('routingKey')} required autoComplete="off" /></span>
          {stored && <p className="settings-hint">{t('keyKept')}</p>}
        </>
      )}
      {draft.type === 'email' && (
        <span className="settings-field">{label('to', t('to'))}<textarea {...field('to')} required rows={3} cols={40} /></span>
      )}
      <div className="settings-actions">
        <button type="submit" disabled={outcome.kind === 'busy'} data-testid="channel-save">{t('save')}</button>
        <button type="button" onClick={onDone}>{t('cancel')}</button>
      </div>
      <OutcomeLine outcome={outcome} testId="channel-outcome" />
    </form>
  );
}
