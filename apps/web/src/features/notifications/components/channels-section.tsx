import { useState } from 'react';
import { emptyDraft } from '../channel-draft.js';
import { useNotificationsText } from '../notifications-messages.js';
import { useNotificationsStore } from '../stores/notifications-store.js';
import { ChannelForm } from './channel-form.js';
import { ChannelRow } from './channel-row.js';

/** The tenant's channels and the form for a new one. */
export function ChannelsSection() {
  const t = useNotificationsText();
  const channels = useNotificationsStore((s) => s.channels);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="channels-title">
      <h2 id="channels-title">{t('channels')}</h2>
      {channels.length === 0 && <p className="muted">{t('noChannels')}</p>}
      <ul className="notifications-list">{channels.map((c) => <ChannelRow key={c.id} channel={c} />)}</ul>
      {adding ? <ChannelForm initial={emptyDraft()} stored={false} onDone={() => setAdding(false)} />
        : <div><button type="button" onClick={() => setAdding(true)} data-testid="channel-new">{t('newChannel')}</button></div>}
    </section>
  );
}
