import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useBroadcastText } from '../broadcast-messages.js';
import { useExpiryPrune } from '../hooks/use-expiry-prune.js';
import { useBroadcastsStore } from '../stores/broadcasts-store.js';

/**
 * The control room's messages across the top of the board and the TV, one after the other. A live region: a screen
 * reader says each new message once, politely, without moving the focus.
 */
export function BroadcastTicker() {
  useExpiryPrune();
  const list = useBroadcastsStore((s) => s.list);
  const text = useBroadcastText();
  const { locale } = useI18n();
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="broadcast-ticker" data-testid="broadcast-ticker" role="status" aria-live="polite" aria-label={text('ticker')} hidden={list.length === 0}>
      <ul>
        {list.map((broadcast) => (
          <li key={broadcast.id} className={`broadcast broadcast-${broadcast.level}`} data-testid="broadcast" data-level={broadcast.level}>
            <strong className="broadcast-level">{text(broadcast.level)}</strong>
            <span className="broadcast-text">{broadcast.text}</span>
            <span className="broadcast-until">{text('until', { time: time(broadcast.expiresAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
