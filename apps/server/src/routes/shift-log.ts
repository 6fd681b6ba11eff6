import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, Handover, HandoverQuery, SHIFT_LOG_LIMITS, ShiftLog, ShiftLogQuery, ShiftNote, ShiftNoteRequest } from '@plancia/contracts';
import { openAlertsFor, readNotes, writeNote } from '../control-log/shift-log.js';
import { handoverCsv } from '../control-log/handover-csv.js';
import { scopedHistory } from '../alerts/scoped-history.js';
import { notesCsv } from '../control-log/shift-notes.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The most alerts one handover file carries (the history's own page limit). */
const EXPORT_ALERTS = 1000;

/** [from, to) of a query, by default the last 24 hours; undefined when it is no range the log serves. */
function rangeOf(query: { from?: string; to?: string }): { fromMs: number; toMs: number } | undefined {
  const toMs = query.to === undefined ? Date.now() : Date.parse(query.to);
  const fromMs = query.from === undefined ? toMs - DAY_MS : Date.parse(query.from);
  return fromMs < toMs && toMs - fromMs <= SHIFT_LOG_LIMITS.maxRangeDays * DAY_MS ? { fromMs, toMs } : undefined;
}

const wantsCsv = (query: ShiftLogQuery, accept: string | undefined) =>
  query.format === 'csv' || (query.format === undefined && (accept ?? '').includes('text/csv'));

/**
 * The shift log: timestamped notes of the control room, for supervisors and administrators of a tenant. A note about a
 * queue or an alert is for those who see it; the handover view is the notes of the shift with the alerts open now.
 */
export default async function shiftLogRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const audienceOf = (request: FastifyRequest) => fastify.audienceOf(principalOf(request));

  fastify.post('/api/v1/shift-log', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'Write a note in the shift log',
      description: `Up to ${SHIFT_LOG_LIMITS.maxText} characters, under the writer's name. A \`queueId\` outside the writer's scope is 403; an \`alertId\` it does not see (open, or among the latest closed) is 404.`,
      body: ShiftNoteRequest,
      response: { 201: ShiftNote, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (request, reply) => {
    const written = await writeNote(fastify, audienceOf(request), request.body);
    if (!written.ok) return reply.code(written.status).send({ error: written.status === 403 ? 'forbidden' : 'not_found', message: written.message });
    return reply.code(201).send(written.note);
  });

  fastify.get('/api/v1/shift-log', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'Notes of the shift log',
      description: `Written in [from, to), newest first; by default the last 24 hours, at most ${SHIFT_LOG_LIMITS.maxRangeDays} days. \`?format=csv\` or \`Accept: text/csv\` answers CSV (at, author, text, alertId, queueId).`,
      querystring: ShiftLogQuery,
      response: {
        200: { content: { 'application/json': { schema: ShiftLog }, 'text/csv': { schema: Type.String() } } },
        400: ErrorBody, 401: ErrorBody, 403: ErrorBody,
      },
    },
  }, async (request, reply) => {
    const toMs = request.query.to === undefined ? Date.now() : Date.parse(request.query.to);
    const fromMs = request.query.from === undefined ? toMs - DAY_MS : Date.parse(request.query.from);
    if (!(fromMs < toMs) || toMs - fromMs > SHIFT_LOG_LIMITS.maxRangeDays * DAY_MS) {
      return reply.code(400).send({ error: 'invalid_range', message: `from: must be before to, at most ${SHIFT_LOG_LIMITS.maxRangeDays} days apart` });
    }
    const notes = await readNotes(fastify, audienceOf(request), fromMs, toMs);
    if (!wantsCsv(request.query, request.headers.accept)) return { notes };
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="shift-log-${new Date(fromMs).toISOString().slice(0, 10)}.csv"`)
      .send(notesCsv(notes));
  });

  fastify.get('/api/v1/shift-log/handover', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'Handover for the next shift',
      description: `The notes since \`since\` (the start of the shift) or of the last \`hours\` (default ${SHIFT_LOG_LIMITS.defaultHandoverHours}, at most ${SHIFT_LOG_LIMITS.maxHandoverHours}), newest first, with the alerts open now; both in the caller's scope.`,
      querystring: HandoverQuery,
      response: { 200: Handover, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const nowMs = Date.now();
    const hours = request.query.hours ?? SHIFT_LOG_LIMITS.defaultHandoverHours;
    const sinceMs = request.query.since === undefined ? nowMs - hours * HOUR_MS : Date.parse(request.query.since);
    if (!(sinceMs < nowMs) || nowMs - sinceMs > SHIFT_LOG_LIMITS.maxHandoverHours * HOUR_MS) {
      return reply.code(400).send({ error: 'invalid_range', message: `since: must be in the past, at most ${SHIFT_LOG_LIMITS.maxHandoverHours} hours ago` });
    }
    const audience = audienceOf(request);
    return { since: new Date(sinceMs).toISOString(), notes: await readNotes(fastify, audience, sinceMs, nowMs + 1), openAlerts: openAlertsFor(fastify, audience) };
  });

  fastify.get('/api/v1/shift-log/export', {
    onRequest: fastify.requireRole('acknowledge'),
    schema: {
      summary: 'The handover file: alert history and shift log in one CSV',
      description: `The alerts raised in [from, to) and those still open, with the notes written in [from, to), oldest first, one row each (\`record\` alert or note); by default the last 24 hours, at most ${SHIFT_LOG_LIMITS.maxRangeDays} days; both in the caller's scope.`,
      querystring: Type.Object({ from: ShiftLogQuery.properties.from, to: ShiftLogQuery.properties.to }),
      response: { 200: { content: { 'text/csv': { schema: Type.String() } } }, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const range = rangeOf(request.query);
    if (!range) return reply.code(400).send({ error: 'invalid_range', message: `from: must be before to, at most ${SHIFT_LOG_LIMITS.maxRangeDays} days apart` });
    const principal = principalOf(request);
    const audience = audienceOf(request);
    const raised = await scopedHistory(fastify, principal, { ...range, limit: EXPORT_ALERTS });
    const listed = new Set(raised.map((a) => a.id));
    const alerts = [...raised, ...openAlertsFor(fastify, audience).filter((a) => !listed.has(a.id))];
    const notes = await readNotes(fastify, audience, range.fromMs, range.toMs);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="handover-${new Date(range.toMs).toISOString().slice(0, 10)}.csv"`)
      .send(handoverCsv(alerts, notes));
  });
}
