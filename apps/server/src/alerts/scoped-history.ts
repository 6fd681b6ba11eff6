import type { FastifyInstance } from 'fastify';
import type { Alert, AlertListQuery } from '@plancia/contracts';
import type { Principal } from '../plugins/app/principal.js';
import { askedFilter, reachFilter } from './alert-scope.js';

export type HistoryFilter = Omit<AlertListQuery, 'from' | 'to' | 'format'> & { fromMs?: number; toMs?: number };

/**
 * The alerts of the history a principal may read, newest transition first: filtered in the store by its reach, and
 * shaped as its audience sees them (the open ones as the board has them now, with their silence; agents' alerts as it
 * sees agents). Shared by the history route and the handover export.
 */
export async function scopedHistory(fastify: FastifyInstance, principal: Principal, q: HistoryFilter): Promise<Alert[]> {
  const reach = reachFilter(fastify, principal);
  const stored = await fastify.store.alerts.history({
    ...(q.state ? { state: q.state } : {}), ...(q.severity ? { severity: q.severity } : {}), ...(q.ruleId ? { ruleId: q.ruleId } : {}),
    ...(q.fromMs !== undefined ? { fromMs: q.fromMs } : {}), ...(q.toMs !== undefined ? { toMs: q.toMs } : {}),
    within: [...askedFilter(fastify, q.queueId, q.teamId), ...(reach ? [reach] : [])], limit: q.limit ?? 100,
  });
  const audience = fastify.audienceOf(principal);
  const open = new Map(fastify.live.snapshot().alerts.map((a) => [a.id, a]));
  return stored
    .map((alert) => audience.alertEvent({ kind: 'updated', alert: open.get(alert.id) ?? alert })?.alert)
    .filter((alert): alert is Alert => alert !== undefined);
}
