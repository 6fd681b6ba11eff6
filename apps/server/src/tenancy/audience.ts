import type { AgentDetail, AlertEvent, Delta, Snapshot, View } from '@plancia/contracts';
import type { Principal } from '../plugins/app/principal.js';
import { agentShaper } from '../privacy/agent-shaper.js';
import type { Reach } from './reach.js';
import type { Tenancy } from './tenancy.js';

/**
 * Everything one principal may receive of the board: its reach (which queues, teams and agents) and its tenant's
 * agent-detail mode (how much of each agent). The reach filters first, on real agent ids; the mode shapes what is left.
 */
export interface Audience {
  readonly principal: Principal;
  readonly reach: Reach;
  readonly agentDetail: AgentDetail;
  /** Rooms are per view and audience: two principals that see the same share one room. */
  readonly key: string;
  /** Why this view is more than the principal may see, naming the field; null when it may. */
  refusal(view: View): string | null;
  snapshot(snapshot: Snapshot): Snapshot;
  delta(delta: Delta): Delta | null;
  alertEvent(event: AlertEvent): AlertEvent | null;
  /** The id this audience's boards know an agent by (its pseudonym when agents are pseudonymous). */
  shownAgentId(realId: string): string;
}

export function audienceOf(tenancy: Tenancy, principal: Principal): Audience {
  const reach = tenancy.reachOf(principal);
  const { agentDetail } = tenancy.privacy(principal.tenant);
  const shaper = agentShaper(agentDetail, tenancy.pseudonymKey(principal.tenant));
  return {
    principal,
    reach,
    agentDetail,
    key: `${principal.tenant}|${agentDetail}|${reach.key}`,
    refusal: (view) => reach.refusal(view),
    snapshot: (snapshot) => shaper.snapshot(reach.snapshot(snapshot)),
    delta: (delta) => {
      const reached = reach.delta(delta);
      return reached && shaper.delta(reached);
    },
    alertEvent: (event) => (reach.hasAlert(event.alert) ? shaper.alertEvent(event) : null),
    shownAgentId: (realId) => shaper.agentId(realId),
  };
}
