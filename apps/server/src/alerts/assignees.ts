import type { FastifyInstance } from 'fastify';
import type { Alert, Assignee, UserSummary } from '@plancia/contracts';
import { USER_GRANTS } from '../plugins/app/access-policy.js';

/** A user's role that lets them act on alerts (the access policy's `acknowledge`). */
const actsOnAlerts = (user: UserSummary): user is UserSummary & { role: Assignee['role'] } => USER_GRANTS[user.role].includes('acknowledge');

/**
 * Who may hold an open alert: the users whose role acts on alerts and whose reach, as the access policy computes it
 * for their own board, holds the alert. Nobody is handed an alert they could not see or act on.
 */
export async function assigneesOf(fastify: FastifyInstance, alert: Alert): Promise<Assignee[]> {
  const users = await fastify.users.list();
  return users
    .filter(actsOnAlerts)
    .filter((user) => fastify.audienceOf({ kind: 'user', name: user.username, tenant: user.tenant, scope: user.scope }).reach.hasAlert(alert))
    .map((user) => ({ username: user.username, role: user.role }))
    .sort((a, b) => a.username.localeCompare(b.username));
}
