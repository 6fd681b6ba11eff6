import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ErrorBody, IntervalReport, MONTHLY_MAX_MONTHS, MonthlyQuery, MonthlyReport, REPORT_DAY_RANGE_MAX_DAYS, REPORT_RANGE_MAX_DAYS,
  ReportQuery, type ReportFormat, type ReportLanguage,
} from '@plancia/contracts';
import { forbidden } from '../config-api/scoped.js';
import { buildSeries } from './report-build.js';
import { intervalColumns, monthlyColumns, type Column } from './report-columns.js';
import { monthlyRows } from './report-monthly.js';
import { toCsv, toXlsx } from './report-output.js';
import { monthsBetween, romeDayStart, romeMonth, sameTimeLastWeek } from './report-periods.js';
import { reportScopeOf } from './report-scope.js';

const DAY_MS = 86_400_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const invalid = (reply: FastifyReply, message: string) => reply.code(400).send({ error: 'invalid_request', message });

/** `format` when given, else what `Accept` asks for, else JSON. */
function formatOf(request: FastifyRequest, asked: ReportFormat | undefined): ReportFormat {
  if (asked) return asked;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/csv') ? 'csv' : accept.includes(XLSX_TYPE) ? 'xlsx' : 'json';
}

/** Sends rows as a CSV or XLSX download. */
async function download<Row>(
  reply: FastifyReply, format: 'csv' | 'xlsx', columns: Column<Row>[], rows: Row[], lang: ReportLanguage, name: string, sheet: string,
) {
  reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(columns, rows, lang));
  return reply.type(XLSX_TYPE).send(await toXlsx(columns, rows, lang, sheet));
}

const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * Reports read back from the stored intervals: `GET /api/v1/reports/intervals` (one queue or a channel, by stored
 * interval, 15/30 minutes or Rome day, optionally beside the same range last week) and `GET /api/v1/reports/monthly`
 * (the Carta dei Servizi indicators per month). JSON, CSV or XLSX; only queues in the caller's reach.
 */
export default async function reportRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();

  fastify.get('/api/v1/reports/intervals', {
    onRequest: fastify.requireRole('view'),
    schema: {
      summary: 'Stored intervals of a queue or a channel, summed per period',
      description: 'Every rate and mean is a sum over a sum of the stored intervals. `format=csv` (or `Accept: text/csv`) and `format=xlsx` download a table; `lang=it` gives Italian headings (CSV: `;` and decimal comma).',
      querystring: ReportQuery,
      response: { 200: Type.Union([IntervalReport, Type.String()]), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const q = request.query;
    if ((q.queueId === undefined) === (q.channel === undefined)) return invalid(reply, 'queueId: give either queueId or channel');
    const granularity = q.granularity ?? 'interval';
    const toMs = q.to === undefined ? Date.now() : Date.parse(q.to);
    const fromMs = q.from === undefined ? romeDayStart(toMs - 1) : Date.parse(q.from);
    const maxDays = granularity === 'day' ? REPORT_DAY_RANGE_MAX_DAYS : REPORT_RANGE_MAX_DAYS;
    if (!(fromMs < toMs) || toMs - fromMs > maxDays * DAY_MS) return invalid(reply, `from: must be before to, at most ${maxDays} days apart`);

    const scope = await reportScopeOf(fastify, request);
    if (q.queueId !== undefined && !scope.reaches(q.queueId)) return forbidden(reply, 'queueId: outside your scope');
    const queueIds = q.queueId !== undefined ? [q.queueId] : scope.queuesOf(q.channel!);
    const series = async (from: number, to: number) =>
      buildSeries(await fastify.store.intervals.listMany(queueIds, from, to), scope.policyOf, granularity, from, to);
    const report: IntervalReport = {
      scope: q.queueId !== undefined ? { kind: 'queue', id: q.queueId, queueIds } : { kind: 'channel', id: q.channel!, queueIds },
      granularity,
      current: await series(fromMs, toMs),
      ...(q.compare === 'lastWeek' ? { lastWeek: await series(sameTimeLastWeek(fromMs), sameTimeLastWeek(toMs)) } : {}),
    };
    const format = formatOf(request, q.format);
    if (format === 'json') return report;
    const rows = [
      ...report.current.rows.map((row) => ({ series: 'current', scope: report.scope.kind, id: report.scope.id, ...row })),
      ...(report.lastWeek?.rows ?? []).map((row) => ({ series: 'lastWeek', scope: report.scope.kind, id: report.scope.id, ...row })),
    ];
    const lang = q.lang ?? 'en';
    const name = safeName(`plancia-intervals-${report.scope.id}-${new Date(fromMs).toISOString().slice(0, 10)}`);
    return download(reply, format, intervalColumns(), rows, lang, name, lang === 'it' ? 'Intervalli' : 'Intervals');
  });

  fastify.get('/api/v1/reports/monthly', {
    onRequest: fastify.requireRole('view'),
    schema: {
      summary: 'Carta dei Servizi indicators per month',
      description: 'Per month (Europe/Rome), per queue and per channel: service level, average answer time, abandon rate, first response and resolution within target, with the counts they come from.',
      querystring: MonthlyQuery,
      response: { 200: Type.Union([MonthlyReport, Type.String()]), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const q = request.query;
    const to = q.to ?? q.from;
    const months = to < q.from ? [] : monthsBetween(q.from, to);
    if (months.length === 0 || months.length > MONTHLY_MAX_MONTHS) return invalid(reply, `to: from ${q.from} onwards, at most ${MONTHLY_MAX_MONTHS} months`);
    const scope = await reportScopeOf(fastify, request);
    if (q.queueId !== undefined && !scope.reaches(q.queueId)) return forbidden(reply, 'queueId: outside your scope');

    const stored = await fastify.store.intervals.queueIds(romeMonth(q.from).fromMs, romeMonth(to).toMs);
    const queueIds = stored.filter((id) => scope.reaches(id)
      && (q.queueId === undefined || id === q.queueId) && (q.channel === undefined || scope.channelOf(id) === q.channel));
    const rows = await monthlyRows(months, queueIds, scope, (from, till) => fastify.store.intervals.listMany(queueIds, from, till));
    const report: MonthlyReport = { from: q.from, to, rows };
    const format = formatOf(request, q.format);
    if (format === 'json') return report;
    const lang = q.lang ?? 'en';
    const name = safeName(`plancia-carta-dei-servizi-${q.from}${to === q.from ? '' : `-${to}`}`);
    return download(reply, format, monthlyColumns(), rows, lang, name, lang === 'it' ? 'Carta dei servizi' : 'Service charter');
  });
}
