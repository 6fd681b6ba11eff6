import { stringify } from 'csv-stringify/sync';
import type { Alert } from '@plancia/contracts';

const secondsBetween = (from: string, to: string | null | undefined): number | '' =>
  to ? Math.round((Date.parse(to) - Date.parse(from)) / 1000) : '';

const COLUMNS = [
  'id', 'ruleId', 'ruleName', 'severity', 'scopeKind', 'scopeId', 'scopeName', 'state', 'raisedAt',
  'acknowledgedAt', 'acknowledgedBy', 'secondsToAcknowledge', 'note', 'assignedTo', 'assignedAt',
  'resolvedAt', 'resolvedBy', 'secondsToResolve', 'resolutionNote', 'comments',
];

/** The history as CSV: one alert a row, with its durations and who did what (comments as "at by: text" lines). */
export function alertsCsv(alerts: readonly Alert[]): string {
  const rows = alerts.map((a) => [
    a.id, a.ruleId, a.ruleName, a.severity, a.scope.kind, a.scope.id ?? '', a.scope.name ?? '', a.state, a.raisedAt,
    a.acknowledgedAt ?? '', a.acknowledgedBy ?? '', secondsBetween(a.raisedAt, a.acknowledgedAt), a.note ?? '',
    a.assignedTo ?? '', a.assignedAt ?? '', a.resolvedAt ?? '', a.resolvedBy ?? '', secondsBetween(a.raisedAt, a.resolvedAt),
    a.resolutionNote ?? '', (a.comments ?? []).map((c) => `${c.at} ${c.by}: ${c.text}`).join('\n'),
  ]);
  return stringify([COLUMNS, ...rows]);
}
