import type { Alert } from '@plancia/contracts';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { useControlText } from '../control-messages.js';
import { dateTime } from '../date-time.js';

/** The notes left on an alert, oldest first, with who wrote them and when. */
export function AlertComments({ alert }: { alert: Alert }) {
  const t = useControlText();
  const locale = useLocaleStore((s) => s.locale);
  const comments = alert.comments ?? [];
  if (comments.length === 0 && !alert.note) return null;
  return (
    <div className="control-comments">
      <h4>{t('comments')}</h4>
      <ul data-testid="alert-comments">
        {alert.note && alert.acknowledgedAt && <li>{dateTime(alert.acknowledgedAt, locale)} — {alert.acknowledgedBy ?? '—'}: {alert.note}</li>}
        {comments.map((c) => <li key={`${c.at}-${c.by}`}>{dateTime(c.at, locale)} — {c.by}: {c.text}</li>)}
      </ul>
    </div>
  );
}
