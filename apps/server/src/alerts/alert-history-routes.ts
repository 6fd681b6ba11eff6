import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AlertList, AlertListQuery, AlertStats, AlertStatsQuery, ErrorBody } from '@plancia/contracts';
import type { AlertScopeFilter } from '@plancia/store';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import { alertsCsv } from './alert-csv.js';
import { scopedHistory } from './scoped-history.js';
import { askedFilter, reachFilter } from './alert-scope.js';

const WEEK_MS = 7 * 86_400_000;
const parsed = (iso: string | undefined): number | undefined => (iso === undefined ? undefined : Date.parse(iso));

/** `GET /api/v1/alerts` (JSON or CSV) and `GET /api/v1/alerts/stats`: the history and MTTA/MTTR, within the caller's reach. */
export default async function alertHistoryRoutes(app: FastifyInstance) {
  const fastify = app.withTypeProvider<TypeBoxTypeProvider>();
  const onRequest = fastify.requireRole('view');

  const within = (request: { principal?: unknown }, queueId?: string, teamId?: string): AlertScopeFilter[] => {
    const reach = reachFilter(fastify, principalOf(request as Parameters<typeof principalOf>[0]));
    return [...askedFilter(fastify, queueId, teamId), ...(reach ? [reach] : [])];
  };

  fastify.get('/api/v1/alerts', {
    onRequest,
    schema: {
      summary: 'Alerts, open and past',
      description: 'The latest state of each alert, newest transition first, filtered; `from`/`to` bound the raise time. `Accept: text/csv` or `format=csv` gives CSV with durations (seconds to acknowledge, to resolve) and who did what.',
      querystring: AlertListQuery,
      response: { 200: Type.Union([AlertList, Type.String()]), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const q = request.query;
    const fromMs = parsed(q.from);
    const toMs = parsed(q.to);
    const now = Date.now();
    const alerts = await scopedHistory(fastify, principalOf(request), {
      ...q, ...(fromMs !== undefined ? { fromMs } : {}), ...(toMs !== undefined ? { toMs } : {}),
    });
    const wantsCsv = q.format === 'csv' || (q.format === undefined && (request.headers.accept ?? '').includes('text/csv'));
    if (wantsCsv) {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="alerts-${new Date(now).toISOString().slice(0, 10)}.csv"`).send(alertsCsv(alerts));
    }
    return { alerts };
  });

  fastify.get('/api/v1/alerts/stats', {
    onRequest,
    schema: {
      summary: 'MTTA and MTTR',
      description: 'Alerts raised in [from, to) (default: the last 7 days), grouped by rule, queue or severity (default rule). MTTA: raise → first acknowledgement (an assignment acknowledges); MTTR: raise → resolution, by hand or by itself. Means in seconds over the alerts that got there; null when none did.',
      querystring: AlertStatsQuery,
      response: { 200: AlertStats, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
  }, async (request, reply) => {
    const toMs = parsed(request.query.to) ?? Date.now();
    const fromMs = parsed(request.query.from) ?? toMs - WEEK_MS;
    if (fromMs >= toMs) return reply.code(400).send({ error: 'invalid_request', message: 'from: must be before to' });
    const groups = await fastify.store.alerts.stats({ fromMs, toMs, by: request.query.by ?? 'rule', within: within(request) });
    return { groups };
  });
}
