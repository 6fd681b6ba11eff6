import { useState } from 'react';
import { draftOf } from '../channel-draft.js';
import { notificationsApi, type NotificationChannel } from '../notifications-api.js';
import { useNotificationsText } from '../notifications-messages.js';
import { useNotificationsStore } from '../stores/notifications-store.js';
import { ChannelForm } from './channel-form.js';
import { OutcomeLine } from './outcome-line.js';
import { useOutcome } from './use-outcome.js';

/** One channel: its type and state, "send test" with the receiver's answer, edit and delete (confirmed). */
export function ChannelRow({ channel }: { channel: NotificationChannel }) {
  const t = useNotificationsText();
  const { token, load } = useNotificationsStore();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { outcome, run } = useOutcome();
  if (editing) return <li><ChannelForm initial={draftOf(channel)} stored onDone={() => setEditing(false)} /></li>;
  const test = () => run(async () => {
    await notificationsApi.testChannel(channel.id, token);
    return t('delivered');
  });
  const remove = () => run(async () => {
    await notificationsApi.removeChannel(channel.id, token);
    await load();
    return '';
  });
  return (
    <li className="settings-card" data-testid="channel-row" data-channel-id={channel.id}>
      <h3>{channel.id}</h3>
      <span>{t(channel.type as 'webhook')}</span>
      <span className={channel.enabled ? undefined : 'settings-error'} data-testid="channel-status">
        {channel.enabled ? t('enabled') : t('disabled', { reason: channel.disabledReason ?? '' })}
      </span>
      {typeof channel.settings.url === 'string' && <code>{channel.settings.url}</code>}
      <div className="settings-actions">
        <button type="button" disabled={outcome.kind === 'busy'} onClick={() => void test()} data-testid="channel-test">{t('test')}</button>
        <button type="button" onClick={() => setEditing(true)} data-testid="channel-edit">{t('edit')}</button>
        {confirming ? (
          <span className="settings-confirm">
            {t('confirmDelete', { id: channel.id })}
            <button type="button" onClick={() => void remove()} data-testid="channel-delete-yes">{t('yesDelete')}</button>
            <button type="button" onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </span>
        ) : <button type="button" onClick={() => setConfirming(true)} data-testid="channel-delete">{t('delete')}</button>}
      </div>
      <OutcomeLine outcome={outcome} testId="channel-test-outcome" />
    </li>
  );
}
