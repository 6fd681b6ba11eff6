import type { AlertListQuery } from './lifecycle-contract.js';
import type { AlertFilter } from './alert-filter.js';

/** The API query for a period and the console's filters: the history answers the same question as the live list. */
export function historyQuery(range: { from: string; to: string }, filter: AlertFilter): AlertListQuery {
  const query: AlertListQuery = { from: range.from, to: range.to };
  if (filter.severity) query.severity = filter.severity;
  if (filter.state) query.state = filter.state;
  if (filter.queueId) query.queueId = filter.queueId;
  if (filter.teamId) query.teamId = filter.teamId;
  if (filter.ruleId) query.ruleId = filter.ruleId;
  return query;
}
