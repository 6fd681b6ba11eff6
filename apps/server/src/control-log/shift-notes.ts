import { stringify } from 'csv-stringify/sync';
import type { Alert, ShiftNote } from '@plancia/contracts';
import type { ShiftNoteRecord, StoredShiftNote } from '@plancia/store';

/** What reading a note asks of the reader's reach (tenancy/reach.ts). */
export interface NoteReach {
  hasQueue(queueId: string): boolean;
  hasAlert(alert: Pick<Alert, 'scope'>): boolean;
}

/**
 * May this reader see the note? A note about a queue or an alert is for those who see that queue or alert; a note
 * about neither is for the whole tenant's control room (the store only answers the reader's tenant).
 */
export function noteVisible(note: Pick<ShiftNoteRecord, 'queueId' | 'alertScope'>, reach: NoteReach): boolean {
  if (note.queueId !== null && !reach.hasQueue(note.queueId)) return false;
  return note.alertScope === null || reach.hasAlert({ scope: note.alertScope });
}

export const toShiftNote = (note: StoredShiftNote): ShiftNote => ({
  id: note.id,
  at: new Date(note.atMs).toISOString(),
  author: note.author,
  text: note.text,
  alertId: note.alertId,
  queueId: note.queueId,
});

const CSV_COLUMNS = ['at', 'author', 'text', 'alertId', 'queueId'] as const;

/**
 * The notes as CSV (RFC 4180, a header row). A cell that a spreadsheet would run as a formula (=, +, -, @ first)
 * starts with an apostrophe: a note is free text anyone on shift wrote.
 */
export function notesCsv(notes: readonly ShiftNote[]): string {
  const rows = notes.map((note) => CSV_COLUMNS.map((column) => defused(note[column] ?? '')));
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
}

const defused = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
