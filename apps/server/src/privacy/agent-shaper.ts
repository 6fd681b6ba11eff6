import type { AgentDetail, AgentSnapshot, Alert, AlertEvent, Delta, Snapshot } from '@plancia/contracts';
import { agentPseudonym } from './agent-pseudonym.js';

/**
 * What of each agent leaves the server, applied to everything the board is sent (art. 4 of the Workers' Statute):
 *
 *   off           no agent id, name, state, reason or time in state: the agents slice is empty (a change without it
 *                 and nothing else is not sent at all), alerts on one agent are not shown; counts per queue and team stay
 *   pseudonymous  each agent under a stable keyed pseudonym (`A-XXXXXXXX`) as id and name; alerts on an agent keep
 *                 their scope under the pseudonym, their id rewritten to match (see `realAlertId`)
 *   named         everything as the engine made it
 *
 * Pure: the same input gives the same output, and the input is never changed (the engine caches its entries).
 */
export interface AgentShaper {
  readonly mode: AgentDetail;
  snapshot(s: Snapshot): Snapshot;
  /** null: nothing of the change is left to send. */
  delta(d: Delta): Delta | null;
  /** null: the alert is not shown in this mode. */
  alert(a: Alert): Alert | null;
  alertEvent(e: AlertEvent): AlertEvent | null;
  /** The id a board of this mode knows an agent by. */
  agentId(realId: string): string;
  /**
   * The engine's id of the alert a board knows as `shownId`, among the `active` alerts; undefined when no alert the
   * board could have been shown has that id (an acknowledgement of it is then a 404, never a hint that it exists).
   */
  realAlertId(shownId: string, active: readonly Alert[]): string | undefined;
}

const isAgentAlert = (alert: Alert): boolean => alert.scope.kind === 'agent';

/** A change that carries nothing but its sequence and time tells a client nothing: it is not sent. */
function hasSlices(delta: Delta): boolean {
  return Object.keys(delta).some((key) => key !== 'seq' && key !== 'generatedAt');
}

const NAMED: AgentShaper = {
  mode: 'named',
  snapshot: (s) => s,
  delta: (d) => d,
  alert: (a) => a,
  alertEvent: (e) => e,
  agentId: (realId) => realId,
  realAlertId: (shownId) => shownId,
};

const withoutAgents: AgentShaper = {
  mode: 'off',
  snapshot: (s) => ({ ...s, agents: [], alerts: s.alerts.filter((a) => !isAgentAlert(a)) }),
  delta: (d) => {
    if (d.agents === undefined) return d;
    const { agents: _dropped, ...rest } = d;
    return hasSlices(rest as Delta) ? (rest as Delta) : null;
  },
  alert: (a) => (isAgentAlert(a) ? null : a),
  alertEvent: (e) => (isAgentAlert(e.alert) ? null : e),
  agentId: (realId) => realId,
  realAlertId: (shownId, active) => (active.some((a) => a.id === shownId && isAgentAlert(a)) ? undefined : shownId),
};

/** Pseudonyms are worked out once per agent: a change of a large floor names hundreds of agents every tick. */
const PSEUDONYM_CACHE_LIMIT = 100_000;

function pseudonymous(pseudonymKey: string): AgentShaper {
  const cache = new Map<string, string>();
  const pseudonymOf = (agentId: string): string => {
    let pseudonym = cache.get(agentId);
    if (pseudonym === undefined) {
      if (cache.size >= PSEUDONYM_CACHE_LIMIT) cache.clear();
      pseudonym = agentPseudonym(pseudonymKey, agentId);
      cache.set(agentId, pseudonym);
    }
    return pseudonym;
  };
  const agent = (entry: AgentSnapshot): AgentSnapshot => {
    const pseudonym = pseudonymOf(entry.agentId);
    return { ...entry, agentId: pseudonym, name: pseudonym };
  };
  /** The engine's alert id is `ruleId:scopeId:raisedAt`: the agent id in it is swapped for the pseudonym. */
  const shownId = (alert: Alert, agentId: string, pseudonym: string): string => {
    const prefix = `${alert.ruleId}:${agentId}:`;
    if (alert.id.startsWith(prefix)) return `${alert.ruleId}:${pseudonym}:${alert.id.slice(prefix.length)}`;
    return alert.id.replaceAll(agentId, pseudonym);
  };
  const alert = (a: Alert): Alert => {
    if (!isAgentAlert(a) || a.scope.id === null) return a;
    const pseudonym = pseudonymOf(a.scope.id);
    return { ...a, id: shownId(a, a.scope.id, pseudonym), scope: { kind: a.scope.kind, id: pseudonym, name: pseudonym } };
  };
  return {
    mode: 'pseudonymous',
    snapshot: (s) => ({ ...s, agents: s.agents.map(agent), alerts: s.alerts.map(alert) }),
    delta: (d) => (d.agents === undefined ? d : { ...d, agents: d.agents.map(agent) }),
    alert,
    alertEvent: (e) => (isAgentAlert(e.alert) ? { ...e, alert: alert(e.alert) } : e),
    agentId: pseudonymOf,
    realAlertId: (id, active) => {
      const match = active.find((a) => alert(a).id === id);
      if (match) return match.id;
      // The real id of an agent's alert is not what the board was shown: acknowledging by it would confirm a name.
      return active.some((a) => a.id === id && isAgentAlert(a)) ? undefined : id;
    },
  };
}

/** The shaper of a tenant's mode; `pseudonymKey` is the tenant's own key of agent pseudonyms. */
export function agentShaper(mode: AgentDetail, pseudonymKey: string): AgentShaper {
  switch (mode) {
    case 'named': return NAMED;
    case 'off': return withoutAgents;
    case 'pseudonymous': return pseudonymous(pseudonymKey);
  }
}
