import type { ShiftNote } from '@plancia/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useShiftLogText } from '../shift-log-messages.js';

/** Notes, newest first: when, who, what about, and the text as written. */
export function NoteList({ notes, testId }: { notes: readonly ShiftNote[]; testId: string }) {
  const text = useShiftLogText();
  const { locale } = useI18n();
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  if (notes.length === 0) return <p>{text('empty')}</p>;
  return (
    <ul className="shift-log__notes" data-testid={testId}>
      {notes.map((note) => (
        <li key={note.id} data-testid="shift-note">
          <time dateTime={note.at}>{when(note.at)}</time> · <span>{note.author}</span>
          {(note.queueId ?? note.alertId) !== null && <span> · {text('about', { what: note.queueId ?? note.alertId ?? '' })}</span>}
          <p>{note.text}</p>
        </li>
      ))}
    </ul>
  );
}
