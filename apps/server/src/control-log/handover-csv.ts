import { stringify } from 'csv-stringify/sync';
import type { Alert, ShiftNote } from '@plancia/contracts';

const COLUMNS = [
  'record', 'at', 'author', 'text', 'alertId', 'queueId', 'rule', 'severity', 'scope', 'state', 'acknowledgedBy',
  'secondsToAcknowledge', 'assignedTo', 'resolvedAt', 'resolvedBy', 'secondsToResolve', 'resolutionNote',
] as const;
type Column = (typeof COLUMNS)[number];

const secondsBetween = (from: string, to: string | null | undefined): string =>
  (to ? String(Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : '');

/** A cell a spreadsheet would run as a formula starts with an apostrophe: notes and comments are free text. */
const defused = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

function alertRow(a: Alert): Partial<Record<Column, string>> {
  return {
    record: 'alert', at: a.raisedAt, text: (a.comments ?? []).map((c) => `${c.at} ${c.by}: ${c.text}`).join('\n'), alertId: a.id,
    queueId: a.scope.kind === 'queue' ? a.scope.id ?? '' : '', rule: a.ruleName, severity: a.severity,
    scope: `${a.scope.kind}${a.scope.id ? `:${a.scope.name ?? a.scope.id}` : ''}`, state: a.state, acknowledgedBy: a.acknowledgedBy ?? '',
    secondsToAcknowledge: secondsBetween(a.raisedAt, a.acknowledgedAt), assignedTo: a.assignedTo ?? '', resolvedAt: a.resolvedAt ?? '',
    resolvedBy: a.resolvedBy ?? '', secondsToResolve: secondsBetween(a.raisedAt, a.resolvedAt), resolutionNote: a.resolutionNote ?? '',
  };
}

const noteRow = (n: ShiftNote): Partial<Record<Column, string>> =>
  ({ record: 'note', at: n.at, author: n.author, text: n.text, alertId: n.alertId ?? '', queueId: n.queueId ?? '' });

/**
 * The handover file: the alerts and the shift's notes in one CSV (RFC 4180), oldest first, each row saying which it is
 * (`record` alert or note). An alert's `at` is its raise; its `text` the comments on it; a note names its alert or queue.
 */
export function handoverCsv(alerts: readonly Alert[], notes: readonly ShiftNote[]): string {
  const rows = [...alerts.map(alertRow), ...notes.map(noteRow)].sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!));
  return stringify(rows.map((row) => COLUMNS.map((column) => defused(row[column] ?? ''))), { header: true, columns: [...COLUMNS], record_delimiter: 'windows' });
}
