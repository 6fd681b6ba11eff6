import { useNotificationsText } from '../notifications-messages.js';
import { useNotificationsStore } from '../stores/notifications-store.js';

/** A choice of channels, as a group of check boxes named by `legend`. */
export function ChannelChecks({ legend, value, onChange, testId }: { legend: string; value: string[]; onChange(ids: string[]): void; testId: string }) {
  const t = useNotificationsText();
  const channels = useNotificationsStore((s) => s.channels);
  return (
    <fieldset data-testid={testId}>
      <legend>{legend}</legend>
      {channels.length === 0 && <span className="muted">{t('noChannelToPick')}</span>}
      {channels.map((c) => (
        <label key={c.id} className="settings-field--check">
          <input type="checkbox" checked={value.includes(c.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, c.id] : value.filter((id) => id !== c.id))} />
          {c.id}
        </label>
      ))}
    </fieldset>
  );
}
