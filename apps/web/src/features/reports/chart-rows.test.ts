import { describe, expect, it } from 'vitest';
import type { IntervalReport, ReportFigures, ReportRow } from '@plancia/contracts';
import { chartRows } from './chart-rows.js';
import { REPORTS_LOCALES } from './reports-messages.js';

const figures = (offered: number, serviceLevel: number | null): ReportFigures => ({
  offered, answered: offered, abandoned: 0, shortAbandoned: 0, transferredOut: 0, answeredWithinThreshold: 0, abandonedWithinThreshold: 0,
  settled: offered, slMet: 0, slCounted: offered, serviceLevel, answeredWaitSeconds: 0, asa: null, abandonRate: null, maxWait: null,
  handled: 0, handleSeconds: 0, aht: null, talkSeconds: 0, avgTalk: null, wrapSeconds: 0, avgWrapUp: null, firstResponses: 0,
  firstResponsesInTarget: 0, firstResponseAttainment: null, solved: 0, solvedInTarget: 0, resolutionAttainment: null,
});
const row = (start: string, day: string, offered: number, sl: number | null): ReportRow => ({ start, day, minutes: 30, intervals: 1, ...figures(offered, sl) });
const series = (rows: ReportRow[]) => ({ from: rows[0]!.start, to: rows[0]!.start, rows, total: figures(0, null) });

describe('report chart rows', () => {
  it('puts last week beside this period at the same Rome time, across the spring clock change', () => {
    const report: IntervalReport = {
      scope: { kind: 'queue', id: 'sales', queueIds: ['sales'] }, granularity: '30',
      // Monday 30 March 09:00 CEST and Monday 23 March 09:00 CET: an hour apart in UTC, the same on the wall clock.
      current: series([row('2026-03-30T07:00:00.000Z', '2026-03-30', 10, 0.9), row('2026-03-30T07:30:00.000Z', '2026-03-30', 4, 0.5)]),
      lastWeek: series([row('2026-03-23T08:00:00.000Z', '2026-03-23', 7, 0.7)]),
    };
    expect(chartRows(report).map((r) => [r.label, r.offered, r.serviceLevel, r.lastWeekOffered, r.lastWeekServiceLevel])).toEqual([
      ['09:00', 10, 0.9, 7, 0.7], ['09:30', 4, 0.5, undefined, undefined],
    ]);
  });

  it('has every text in both languages', () => {
    expect(Object.keys(REPORTS_LOCALES.it).sort()).toEqual(Object.keys(REPORTS_LOCALES.en).sort());
  });
});
