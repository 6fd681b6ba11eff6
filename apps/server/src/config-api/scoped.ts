import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConfigDocument } from '@plancia/contracts';
import { isInstallationWide } from '../plugins/app/principal.js';
import { principalOf } from '../tenancy/tenancy-plugin.js';
import { ConfigReach, type ConfigReachInput } from '../tenancy/config-reach.js';

const NOTHING: ConfigDocument = { queues: [], calendars: [], alertRules: [], agents: [] };

/**
 * The configuration rules (tenancy/config-reach.ts) for a request's principal. The stored document says which team
 * a queue is in and which queues use a calendar; the installation's administrator needs none of it (it reaches
 * everything as stored).
 */
export async function configReachOf(
  fastify: FastifyInstance, request: FastifyRequest, lookups: Pick<ConfigReachInput, 'userTenant' | 'tokenTenant'> = {},
): Promise<ConfigReach> {
  const principal = principalOf(request);
  const { tenancy } = fastify;
  // The access policy's own answer: the one place that knows what a session's role or a token opens.
  const administers = fastify.access.authorize('admin', request, undefined, request.user).ok;
  const asStored = administers && isInstallationWide(principal);
  return new ConfigReach({
    principal,
    administers,
    reach: tenancy.reachOf(principal),
    agentDetail: tenancy.privacy(principal.tenant).agentDetail,
    pseudonymKey: tenancy.pseudonymKey(principal.tenant),
    document: asStored ? NOTHING : await fastify.configService.exportAll(),
    placements: tenancy.placements,
    ...lookups,
  });
}

/** 403 naming the field, as the access hooks answer. */
export const forbidden = (reply: FastifyReply, message: string) => reply.code(403).send({ error: 'forbidden', message });
