import { useShiftNotes } from '../hooks/use-shift-notes.js';
import { csvExportUrl } from '../shift-log-api.js';
import { useShiftLogText } from '../shift-log-messages.js';
import { HandoverView } from './handover-view.js';
import { NoteForm } from './note-form.js';
import { NoteList } from './note-list.js';

/** The shift log for /control: write a note, read the last 24 hours, export them, and the handover view. */
export function ShiftLogPanel() {
  const text = useShiftLogText();
  const { notes, error, reload } = useShiftNotes();
  return (
    <section className="shift-log" aria-labelledby="shift-log-title" data-testid="shift-log">
      <h2 id="shift-log-title">{text('title')}</h2>
      <NoteForm onWritten={reload} />
      {error && <p role="alert">{text('loadFailed', { reason: error })}</p>}
      <NoteList notes={notes} testId="shift-notes" />
      <a className="button" href={csvExportUrl()} download>{text('exportCsv')}</a>
      <HandoverView />
    </section>
  );
}
