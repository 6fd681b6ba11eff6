import type { FastifyInstance } from 'fastify';
import type { AlertEvent } from '@plancia/contracts';
import { actorName, type Principal } from '../plugins/app/principal.js';

/**
 * Who an acknowledgement is recorded under: a signed-in user by name, a token by its name. Only an installation
 * without any account (everyone is anonymous) still takes the name typed on the board.
 */
function acknowledgerOf(principal: Principal, typed: string | undefined): string {
  if (principal.kind === 'user') return principal.name;
  if (principal.kind === 'open') return typed ?? 'supervisor';
  return actorName(principal);
}

/**
 * Acknowledges the alert a principal knows as `shownId` (its audience may show an agent's alert under a pseudonym),
 * if that alert is within what it sees; audited. The transition comes back as the principal's audience shows it.
 */
export async function acknowledgeAs(
  fastify: FastifyInstance, principal: Principal, shownId: string, note: string | null, typed?: string,
): Promise<AlertEvent | null> {
  const audience = fastify.audienceOf(principal);
  const alert = fastify.live.snapshot().alerts
    .find((open) => audience.alertEvent({ kind: 'updated', alert: open })?.alert.id === shownId);
  if (!alert) return null;
  const event = await fastify.live.acknowledgeAlert(alert.id, acknowledgerOf(principal, typed), note);
  if (!event) return null;
  await fastify.store.audit.record({
    actor: actorName(principal), action: 'alert.acknowledge', resource: `alerts/${alert.id}`, before: null, after: { note }, atMs: Date.now(),
  });
  return audience.alertEvent(event);
}
