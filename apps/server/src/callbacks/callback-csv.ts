import { stringify } from 'csv-stringify/sync';
import type { CallbackEntry } from '@plancia/contracts';

const COLUMNS = [
  'id', 'queueId', 'contactId', 'source', 'pseudonym', 'firstAbandonedAt', 'abandonedAt', 'waitedSeconds', 'attempts',
  'state', 'claimedBy', 'claimedAt', 'result', 'note', 'closedBy', 'closedAt', 'answeredContactId', 'contactIds',
];

/** Text people typed, kept from being read as a formula by a spreadsheet (CSV injection). */
const cell = (text: string | null) => (text === null ? '' : /^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The worklist as CSV: one caller a row, pseudonym only (a number is revealed one at a time, audited). */
export function callbacksCsv(entries: readonly CallbackEntry[]): string {
  const rows = entries.map((e) => [
    e.id, e.queueId ?? '', e.contactId, e.source, e.pseudonym, e.firstAbandonedAt, e.abandonedAt, e.waited ?? '', e.attempts,
    e.state, cell(e.claimedBy), e.claimedAt ?? '', cell(e.result), cell(e.note), cell(e.closedBy), e.closedAt ?? '',
    e.answeredContactId ?? '', e.contactIds.join(' '),
  ]);
  return stringify([COLUMNS, ...rows]);
}
