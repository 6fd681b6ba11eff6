import type { ClosedIntervalEntry, MonthlyRow } from '@plancia/contracts';
import { totalOf } from './report-build.js';
import { romeMonth } from './report-periods.js';
import type { ReportScope } from './report-scope.js';

type ListIntervals = (fromMs: number, toMs: number) => Promise<ClosedIntervalEntry[]>;

/**
 * One row per month and queue, then one per month and channel (the queues of that channel summed, not their
 * figures averaged). A queue with no channel configured has no channel row.
 */
export async function monthlyRows(months: readonly string[], queueIds: readonly string[], scope: ReportScope, list: ListIntervals): Promise<MonthlyRow[]> {
  const rows: MonthlyRow[] = [];
  for (const month of months) {
    const { fromMs, toMs } = romeMonth(month);
    const intervals = queueIds.length === 0 ? [] : await list(fromMs, toMs);
    const byQueue = groupBy(intervals, (i) => i.queueId);
    const byChannel = groupBy(intervals, (i) => scope.channelOf(i.queueId));
    for (const [queueId, own] of sorted(byQueue)) {
      rows.push({ month, kind: 'queue', id: queueId, name: scope.nameOf(queueId), ...totalOf(own, scope.policyOf) });
    }
    for (const [channel, own] of sorted(byChannel)) {
      rows.push({ month, kind: 'channel', id: channel, name: channel, ...totalOf(own, scope.policyOf) });
    }
  }
  return rows;
}

function groupBy<K>(intervals: readonly ClosedIntervalEntry[], keyOf: (i: ClosedIntervalEntry) => K | null): Map<K, ClosedIntervalEntry[]> {
  const groups = new Map<K, ClosedIntervalEntry[]>();
  for (const interval of intervals) {
    const key = keyOf(interval);
    if (key === null) continue;
    const group = groups.get(key) ?? [];
    group.push(interval);
    groups.set(key, group);
  }
  return groups;
}

const sorted = <K extends string>(groups: Map<K, ClosedIntervalEntry[]>) => [...groups].sort(([a], [b]) => a.localeCompare(b));
