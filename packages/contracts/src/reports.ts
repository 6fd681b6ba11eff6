import { Type, type Static } from '@sinclair/typebox';
import { CONTACT_CHANNELS, literalUnion } from './events.js';

/** The longest range of one intervals report; by day it may span a quarter. */
export const REPORT_RANGE_MAX_DAYS = 31;
export const REPORT_DAY_RANGE_MAX_DAYS = 92;
/** The most months one monthly export covers. */
export const MONTHLY_MAX_MONTHS = 12;
/** Days, months and weekdays of reports are those of this zone. */
export const REPORT_TIME_ZONE = 'Europe/Rome';

export const REPORT_GRANULARITIES = ['interval', '15', '30', 'day'] as const;
export type ReportGranularity = (typeof REPORT_GRANULARITIES)[number];
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGUAGES = ['en', 'it'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'a month YYYY-MM (Europe/Rome)' });
const Format = literalUnion(REPORT_FORMATS);
const Language = literalUnion(REPORT_LANGUAGES);

/**
 * `GET /api/v1/reports/intervals`: the stored intervals of one queue (`queueId`) or of every queue of one channel in
 * the caller's reach (`channel`), summed per period. Without `from`/`to`: today (Europe/Rome) until now.
 */
export const ReportQuery = Type.Object({
  queueId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'one queue' })),
  channel: Type.Optional({ ...literalUnion(CONTACT_CHANNELS), description: 'every queue of this channel in your reach, summed' }),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'earliest interval start (default: the start of today, Europe/Rome)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'interval starts before this instant (default: now)' })),
  granularity: Type.Optional({ ...literalUnion(REPORT_GRANULARITIES), description: 'interval: as stored; 15 or 30 minutes (summed from shorter stored intervals); day: Europe/Rome days' }),
  compare: Type.Optional({ ...Type.Literal('lastWeek'), description: 'add the same range one week earlier (same weekday)' }),
  format: Type.Optional({ ...Format, description: 'json (default), csv or xlsx; `Accept: text/csv` also gives CSV' }),
  lang: Type.Optional({ ...Language, description: 'language of the CSV and XLSX headings (default en)' }),
});
export type ReportQuery = Static<typeof ReportQuery>;

const Count = Type.Integer({ minimum: 0 });
const Fraction = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Seconds = Type.Union([Type.Number({ minimum: 0 }), Type.Null()]);

/**
 * The summable counts of a period and the figures derived from them: every ratio and mean is a sum over a sum
 * (never a mean of the stored intervals' means). Times are seconds.
 */
export const ReportFigures = Type.Object({
  offered: Count,
  answered: Count,
  abandoned: Count,
  shortAbandoned: Count,
  transferredOut: Count,
  answeredWithinThreshold: Count,
  abandonedWithinThreshold: Count,
  settled: Count,
  /** the service level's numerator and denominator under each queue's abandon policy */
  slMet: Type.Number({ minimum: 0 }),
  slCounted: Type.Number({ minimum: 0 }),
  serviceLevel: Fraction,
  answeredWaitSeconds: Type.Number({ minimum: 0 }),
  asa: Seconds,
  abandonRate: Fraction,
  maxWait: Seconds,
  handled: Count,
  handleSeconds: Type.Number({ minimum: 0 }),
  aht: Seconds,
  talkSeconds: Type.Number({ minimum: 0 }),
  avgTalk: Seconds,
  wrapSeconds: Type.Number({ minimum: 0 }),
  avgWrapUp: Seconds,
  firstResponses: Count,
  firstResponsesInTarget: Count,
  firstResponseAttainment: Fraction,
  solved: Count,
  solvedInTarget: Count,
  resolutionAttainment: Fraction,
});
export type ReportFigures = Static<typeof ReportFigures>;

/** One period: `start` its first instant, `minutes` its length (a day may be 23 or 25 hours), `day` its Rome date. */
export const ReportRow = Type.Intersect([
  Type.Object({
    start: Type.String({ format: 'date-time' }),
    minutes: Type.Integer({ minimum: 1 }),
    day: Type.String({ description: 'YYYY-MM-DD in Europe/Rome' }),
    /** how many stored intervals were summed */
    intervals: Count,
  }),
  ReportFigures,
]);
export type ReportRow = Static<typeof ReportRow>;

export const ReportSeries = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  rows: Type.Array(ReportRow),
  total: ReportFigures,
});
export type ReportSeries = Static<typeof ReportSeries>;

/** The answer in JSON: the series asked for and, with `compare=lastWeek`, the same range seven days earlier. */
export const IntervalReport = Type.Object({
  scope: Type.Object({ kind: Type.Union([Type.Literal('queue'), Type.Literal('channel')]), id: Type.String(), queueIds: Type.Array(Type.String()) }),
  granularity: literalUnion(REPORT_GRANULARITIES),
  current: ReportSeries,
  lastWeek: Type.Optional(ReportSeries),
});
export type IntervalReport = Static<typeof IntervalReport>;

/** `GET /api/v1/reports/monthly`: the Carta dei Servizi indicators, per month, per queue and per channel. */
export const MonthlyQuery = Type.Object({
  from: { ...Month, description: 'first month YYYY-MM (Europe/Rome)' },
  to: Type.Optional({ ...Month, description: 'last month, included (default: `from`)' }),
  queueId: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'only this queue (and its channel)' })),
  channel: Type.Optional({ ...literalUnion(CONTACT_CHANNELS), description: 'only queues of this channel' }),
  format: Type.Optional(Format),
  lang: Type.Optional(Language),
});
export type MonthlyQuery = Static<typeof MonthlyQuery>;

export const MonthlyRow = Type.Intersect([
  Type.Object({
    month: Type.String({ description: 'YYYY-MM' }),
    kind: Type.Union([Type.Literal('queue'), Type.Literal('channel')]),
    id: Type.String({ description: 'the queue id, or the channel' }),
    name: Type.String(),
  }),
  ReportFigures,
]);
export type MonthlyRow = Static<typeof MonthlyRow>;

export const MonthlyReport = Type.Object({ from: Month, to: Month, rows: Type.Array(MonthlyRow) });
export type MonthlyReport = Static<typeof MonthlyReport>;
