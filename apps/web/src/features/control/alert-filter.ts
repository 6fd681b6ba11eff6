import type { Alert, AlertState, Severity } from '@plancia/contracts';

/** What the console narrows the open alerts to; `null` is "any". */
export interface AlertFilter {
  severity: Severity | null;
  state: AlertState | null;
  queueId: string | null;
  teamId: string | null;
  ruleId: string | null;
}

export const NO_FILTER: AlertFilter = { severity: null, state: null, queueId: null, teamId: null, ruleId: null };

export type AlertSort = 'severity' | 'age';

/** The queue or team an alert is about: alerts carry them as their scope. */
export const queueOf = (alert: Alert): string | null => (alert.scope.kind === 'queue' ? alert.scope.id : null);
export const teamOf = (alert: Alert): string | null => (alert.scope.kind === 'team' ? alert.scope.id : null);

export function matches(alert: Alert, filter: AlertFilter): boolean {
  return (filter.severity === null || alert.severity === filter.severity)
    && (filter.state === null || alert.state === filter.state)
    && (filter.queueId === null || queueOf(alert) === filter.queueId)
    && (filter.teamId === null || teamOf(alert) === filter.teamId)
    && (filter.ruleId === null || alert.ruleId === filter.ruleId);
}

const oldestFirst = (a: Alert, b: Alert) => a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id);

/**
 * `severity`: critical first, then the untouched before the ones someone holds, then the oldest (it has waited
 * longest). `age`: the oldest first, whatever its severity.
 */
export function compareAlerts(sort: AlertSort): (a: Alert, b: Alert) => number {
  if (sort === 'age') return oldestFirst;
  return (a, b) => {
    if (a.severity !== b.severity) return a.severity === 'critical' ? -1 : 1;
    if ((a.state === 'raised') !== (b.state === 'raised')) return a.state === 'raised' ? -1 : 1;
    return oldestFirst(a, b);
  };
}

/** The open alerts the console lists: filtered, then sorted. */
export function visibleAlerts(alerts: readonly Alert[], filter: AlertFilter, sort: AlertSort): Alert[] {
  return alerts.filter((a) => matches(a, filter)).sort(compareAlerts(sort));
}

export interface FilterOptions {
  queues: string[];
  teams: string[];
  /** Rule ids with the name to show (and the id, where rules share a name). */
  rules: { id: string; name: string }[];
}

/**
 * The choices the filters offer: what the open alerts are about, plus a value chosen before (so a filter whose last
 * alert just resolved still shows what it is set to).
 */
export function filterOptions(alerts: readonly Alert[], chosen: AlertFilter): FilterOptions {
  const sorted = (values: Iterable<string | null>) => [...new Set([...values].filter((v): v is string => v !== null))].sort();
  const rules = new Map(alerts.map((a) => [a.ruleId, a.ruleName]));
  if (chosen.ruleId !== null && !rules.has(chosen.ruleId)) rules.set(chosen.ruleId, chosen.ruleId);
  // Each queue has its own copy of a default rule under the same name: those are told apart by their id.
  const names = [...rules.values()];
  const shared = new Set(names.filter((name, i) => names.indexOf(name) !== i));
  return {
    queues: sorted([...alerts.map(queueOf), chosen.queueId]),
    teams: sorted([...alerts.map(teamOf), chosen.teamId]),
    rules: [...rules].map(([id, name]) => ({ id, name: shared.has(name) ? `${name} (${id})` : name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
