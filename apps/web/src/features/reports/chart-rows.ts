import type { IntervalReport, ReportRow } from '@plancia/contracts';
import { addDays, romeDateTime } from './rome-day.js';

/** One point of the charts: this period's figures and, at the same place, those of the same weekday last week. */
export interface ChartRow {
  /** YYYY-MM-DD (by day) or YYYY-MM-DD HH:MM in Rome, this period's */
  key: string;
  label: string;
  serviceLevel: number | null;
  offered: number;
  answered: number;
  abandoned: number;
  asa: number | null;
  aht: number | null;
  lastWeekServiceLevel?: number | null;
  lastWeekOffered?: number;
  lastWeekAsa?: number | null;
  lastWeekAht?: number | null;
}

/** Where a row sits on the x axis; a row of last week is moved seven days on, to the same Rome wall-clock time. */
function keyOf(row: ReportRow, byDay: boolean, shiftDays: number): string {
  if (byDay) return addDays(row.day, shiftDays);
  const [date, time] = romeDateTime(Date.parse(row.start)).split(' ') as [string, string];
  return `${addDays(date, shiftDays)} ${time}`;
}

/** The rows of both series on one axis, in time order. */
export function chartRows(report: IntervalReport): ChartRow[] {
  const byDay = report.granularity === 'day';
  const rows = new Map<string, ChartRow>();
  const at = (key: string): ChartRow => {
    const row = rows.get(key) ?? {
      key, label: byDay ? key.slice(5) : key.slice(11), serviceLevel: null, offered: 0, answered: 0, abandoned: 0, asa: null, aht: null,
    };
    rows.set(key, row);
    return row;
  };
  for (const row of report.current.rows) {
    Object.assign(at(keyOf(row, byDay, 0)), {
      serviceLevel: row.serviceLevel, offered: row.offered, answered: row.answered, abandoned: row.abandoned, asa: row.asa, aht: row.aht,
    });
  }
  for (const row of report.lastWeek?.rows ?? []) {
    Object.assign(at(keyOf(row, byDay, 7)), {
      lastWeekServiceLevel: row.serviceLevel, lastWeekOffered: row.offered, lastWeekAsa: row.asa, lastWeekAht: row.aht,
    });
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}
