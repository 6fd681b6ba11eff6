import type { FastifyInstance } from 'fastify';
import type { Alert, AlertEvent } from '@plancia/contracts';
import { actorName, type Principal } from '../plugins/app/principal.js';

/** Who a person's action is recorded under: a signed-in user by name, a token by its name. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user' || principal.kind === 'open' ? principal.name : actorName(principal);
}

/** The open alert a principal knows as `shownId` (its audience may show an agent's alert under a pseudonym), in its reach. */
export function openAlertFor(fastify: FastifyInstance, principal: Principal, shownId: string): Alert | undefined {
  const audience = fastify.audienceOf(principal);
  return fastify.live.snapshot().alerts.find((open) => audience.alertEvent({ kind: 'updated', alert: open })?.alert.id === shownId);
}

/**
 * Applies one change to an open alert in the principal's reach and audits it; the transition comes back as the
 * principal's audience shows it. Null when no such open alert is within what it sees (the route answers 404).
 */
export async function actOnAlert(
  fastify: FastifyInstance, principal: Principal, shownId: string, action: string, details: Record<string, unknown>,
  change: (alertId: string, by: string) => Promise<AlertEvent | null>,
): Promise<AlertEvent | null> {
  const alert = openAlertFor(fastify, principal, shownId);
  if (!alert) return null;
  const event = await change(alert.id, actorOf(principal));
  if (!event) return null;
  await fastify.store.audit.record({ actor: actorName(principal), action: `alert.${action}`, resource: `alerts/${alert.id}`, before: null, after: details, atMs: Date.now() });
  return fastify.audienceOf(principal).alertEvent(event);
}
