import { BROADCAST_LIMITS, type Broadcast } from '@plancia/contracts';
import type { BroadcastRecord } from '@plancia/store';
import type { Principal } from '../plugins/app/principal.js';

/** What the targeting asks of a reach (tenancy/reach.ts). */
export interface ReachLike {
  hasQueue(queueId: string): boolean;
  hasTeam(teamId: string): boolean;
}

/** Whom a broadcast reaches: a board's principal and what it may see. */
export interface Viewer {
  principal: Pick<Principal, 'tenant'>;
  reach: ReachLike;
}

export type Targets = { ok: true; queueIds: string[]; teamIds: string[] } | { ok: false; message: string };

/**
 * Which boards a sender's broadcast goes to. Named queues must all be in the sender's scope; without any, the sender's
 * own scope (an unscoped sender: every board of its tenant, both lists empty).
 */
export function targetsOf(principal: Pick<Principal, 'scope'>, reach: ReachLike, queueIds: readonly string[] | undefined): Targets {
  if (queueIds === undefined) return { ok: true, queueIds: [...principal.scope.queues], teamIds: [...principal.scope.teams] };
  const outside = queueIds.filter((id) => !reach.hasQueue(id));
  if (outside.length > 0) return { ok: false, message: `queueIds: outside your scope: ${outside.join(', ')}` };
  return { ok: true, queueIds: [...queueIds], teamIds: [] };
}

/**
 * Does a board show this broadcast? Same tenant, and the broadcast is for every board of it or names a queue or team
 * the board's viewer reaches (a team also through one of its queues: a board of one queue of the team sees it).
 */
export function reaches(broadcast: Pick<BroadcastRecord, 'tenant' | 'queueIds' | 'teamIds'>, viewer: Viewer, queuesOfTeam: (teamId: string) => readonly string[]): boolean {
  if (viewer.principal.tenant !== broadcast.tenant) return false;
  const { queueIds, teamIds } = broadcast;
  if (queueIds.length === 0 && teamIds.length === 0) return true;
  const { reach } = viewer;
  return queueIds.some((id) => reach.hasQueue(id))
    || teamIds.some((id) => reach.hasTeam(id) || queuesOfTeam(id).some((queueId) => reach.hasQueue(queueId)));
}

/** May this sender withdraw it? Only one who could have sent it: every target within its reach. */
export function mayWithdraw(broadcast: Pick<BroadcastRecord, 'queueIds' | 'teamIds'>, sender: Pick<Principal, 'scope'>, reach: ReachLike): boolean {
  const { queueIds, teamIds } = broadcast;
  const unscoped = sender.scope.queues.length === 0 && sender.scope.teams.length === 0;
  if (queueIds.length === 0 && teamIds.length === 0) return unscoped;
  return queueIds.every((id) => reach.hasQueue(id)) && teamIds.every((id) => reach.hasTeam(id));
}

/** Why an expiry is refused (naming the field), or null: in the future, at most 24 hours ahead. */
export function expiryRefusal(expiresAtMs: number, nowMs: number): string | null {
  if (!Number.isFinite(expiresAtMs)) return 'expiresAt: expected a date-time';
  if (expiresAtMs <= nowMs) return 'expiresAt: must be in the future';
  if (expiresAtMs - nowMs > BROADCAST_LIMITS.maxAheadMs) return `expiresAt: at most ${BROADCAST_LIMITS.maxAheadMs / 3_600_000} hours ahead`;
  return null;
}

/** As the API and the socket show it. */
export const toBroadcast = (record: BroadcastRecord): Broadcast => ({
  id: record.id,
  text: record.text,
  level: record.level,
  queueIds: record.queueIds,
  teamIds: record.teamIds,
  createdBy: record.createdBy,
  createdAt: new Date(record.createdAtMs).toISOString(),
  expiresAt: new Date(record.expiresAtMs).toISOString(),
});
