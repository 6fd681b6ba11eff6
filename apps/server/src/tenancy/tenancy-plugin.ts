import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { viewFromQuery, type ViewQuery } from '../push/view-request.js';
import { DEFAULT_TENANT } from '@plancia/contracts';
import { installationPrincipal, type Principal } from '../plugins/app/principal.js';
import { NamedViewAudit, type NamedViewChannel } from '../privacy/named-view-audit.js';
import { privacyAtStart } from '../privacy/privacy-env.js';
import type { View } from '@plancia/contracts';
import { reloadNotices } from '../cluster/reload-notices.js';
import { audienceOf, type Audience } from './audience.js';
import { Tenancy } from './tenancy.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tenants, what a principal reaches and its tenant's agent-detail mode (see tenancy/tenancy.ts). */
    tenancy: Tenancy;
    /** What a request's principal may receive of the board. */
    audienceOf(principal: Principal | undefined): Audience;
    /** Notes in the audit log that an audience was served named agent detail (at most once per window and view). */
    noteNamedView(audience: Audience, view: View, channel: NamedViewChannel): void;
    /** After the access hook: a view (the query string's queues and teams) outside the principal's scope is 403. */
    refuseOutsideScope(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  }
}

/** A request the access hook let through without naming anyone (the routes that need no role) sees as the installation. */
export const principalOf = (request: FastifyRequest): Principal => request.principal ?? installationPrincipal('open', 'anonymous');

/**
 * Tenants and reaches. PLANCIA_AGENT_DETAIL (with PLANCIA_AGENT_AGREEMENT) sets the default tenant's mode at start;
 * a level the demo left behind falls back to off when the demo is over (privacy/privacy-env.ts).
 * Registered before the push layer: the placements it follows must be current before any room filters a change.
 * Placements follow the live state, which every node of a cluster replicates from the stream.
 */
export default fp(
  async (fastify) => {
    const { store, config, live, cluster } = fastify;
    // Cluster mode: a tenant changed on another node is read again here, and its boards start over as on that node.
    const notices = reloadNotices(cluster, live, 'tenancy');
    const { loaded: tenancy, stop: stopNotices } = await notices.loadFollowing(
      () => Tenancy.open(store.tenants, store.audit),
      async (loaded, tenantId) => {
        if (tenantId !== undefined) await loaded.reload(tenantId);
      },
    );
    tenancy.announceThrough((tenantId) => notices.announce(tenantId));
    const atStart = privacyAtStart(config, tenancy.privacy(DEFAULT_TENANT));
    if (atStart) await tenancy.setPrivacy(DEFAULT_TENANT, atStart, 'PLANCIA_AGENT_DETAIL');
    tenancy.placements.reset(live.placements());
    // Placements need a change no sooner than they are read: each lookup settles what the live state holds back.
    const stop = live.onDelta((delta) => tenancy.placements.follow(delta), () => false);
    tenancy.placements.catchUpWith(() => live.settle());
    fastify.addHook('onClose', async () => {
      stop();
      stopNotices();
    });
    fastify.decorate('tenancy', tenancy);
    fastify.decorate('audienceOf', (principal: Principal | undefined) => audienceOf(tenancy, principal ?? installationPrincipal('open', 'anonymous')));
    const namedViews = new NamedViewAudit(store.audit);
    fastify.decorate('noteNamedView', (audience: Audience, view: View, channel: NamedViewChannel) => {
      // A view without agents serves no named detail: nothing to account for.
      if (audience.agentDetail !== 'named' || view.agents === 'none') return;
      namedViews.record(audience.principal, view, channel).catch((error: unknown) => {
        fastify.log.error({ err: error }, 'recording a view of named agent detail in the audit log failed');
      });
    });
    fastify.decorate('refuseOutsideScope', async (request: FastifyRequest, reply: FastifyReply) => {
      const refusal = fastify.audienceOf(request.principal).refusal(viewFromQuery(request.query as ViewQuery));
      if (refusal) return reply.code(403).send({ error: 'forbidden', message: refusal });
    });
  },
  { name: 'tenancy', dependencies: ['config', 'store', 'live', 'cluster'] },
);
