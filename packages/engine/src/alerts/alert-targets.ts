import {
  defaultRulesInForce, type AlertMetric, type AlertRule, type LiveMetrics,
  type QueueSnapshot, type WindowMetrics, type Windows,
} from '@plancia/contracts';
import type { EngineCore } from '../engine-core.js';
import type { EntryBuilder } from '../output/entries.js';
import type { AlertTarget } from './alert-engine.js';

/** The rules in force: the enabled configured ones, plus the seeded defaults the contract puts beside them. */
export function effectiveRules(core: EngineCore): AlertRule[] {
  const configured = core.config.alertRules;
  const queues = core.knownQueueIds().map((queueId) => core.queueConfig(queueId));
  return [...configured.filter((r) => r.enabled), ...defaultRulesInForce(queues, configured, core.settings)];
}

function windowValue(metric: AlertMetric, w: WindowMetrics): number | null | undefined {
  switch (metric) {
    case 'serviceLevel': return w.serviceLevel;
    case 'asa': return w.asa;
    case 'abandonRate': return w.abandonRate;
    case 'aht': return w.aht;
    case 'csat': return w.surveys.csat;
    case 'nps': return w.surveys.nps;
    default: return undefined;
  }
}

function liveValue(metric: AlertMetric, live: LiveMetrics, nowMs: number, chatSinceMs: number | null): number | null {
  const since = live.longestWaitSince === null ? null : Date.parse(live.longestWaitSince);
  const available = live.agents.available;
  switch (metric) {
    case 'waiting': return live.waiting;
    // The queue's own agents (by membership): one available elsewhere does not answer this queue's callers.
    case 'waitingWithNoneAvailable': return available === 0 ? live.waiting : 0;
    case 'longestWaitSeconds': return since === null ? 0 : (nowMs - since) / 1000;
    // With nobody available the ratio is taken against one agent, so the value stays a finite, JSON-safe number.
    case 'waitingPerAvailableAgent': return live.waiting / Math.max(1, available);
    case 'availableAgents': return available;
    case 'ticketsBreached': return live.tickets.breached;
    case 'ticketsAtRisk': return live.tickets.atRisk;
    case 'chatFirstResponseSeconds': return chatSinceMs === null ? 0 : (nowMs - chatSinceMs) / 1000;
    default: return null;
  }
}

function valueOf(rule: AlertRule, entry: { live: LiveMetrics; windows: Windows }, nowMs: number, chatSinceMs: number | null, queue?: QueueSnapshot): number | null {
  if (rule.metric === 'staffingGap') return queue?.staffing.gap ?? null;
  const fromWindow = windowValue(rule.metric, entry.windows[rule.window === 'live' ? 'rolling' : rule.window]);
  return fromWindow !== undefined ? fromWindow : liveValue(rule.metric, entry.live, nowMs, chatSinceMs);
}

/**
 * Every entity a rule watches (its scope id, or every entity of that kind) with the metric's value now; `only`
 * narrows a rule without a scope id to that one entity.
 */
export function alertTargets(rule: AlertRule, core: EngineCore, entries: EntryBuilder, only?: string | null): AlertTarget[] {
  const now = core.clock;
  const ids = (all: Iterable<string>): string[] => (rule.scope.id ? [rule.scope.id] : typeof only === 'string' ? [only] : [...all]);
  switch (rule.scope.kind) {
    case 'queue':
      return ids(core.knownQueueIds()).map((id) => {
        const queue = entries.queue(id);
        return { id, name: queue.name, value: valueOf(rule, queue, now, entries.waitingIn([id], 'chat').sinceMs, queue) };
      });
    case 'channel':
      return ids(core.channelWindows.keys()).map((id) => ({ id, value: valueOf(rule, entries.aggregate(id, id), now, entries.waitingIn(null, 'chat').sinceMs) }));
    case 'centre':
      return [{ id: null, value: valueOf(rule, entries.aggregate('centre', null), now, entries.waitingIn(null, 'chat').sinceMs) }];
    case 'team':
      return ids(core.teamAgents.keys()).map((id) => ({ id, value: rule.metric === 'availableAgents' ? entries.team(id).agents.available : null }));
    case 'agent':
      return ids(core.agents.agents.keys()).map((id) => {
        const agent = core.agents.agents.get(id);
        const current = agent && core.agents.current(agent);
        const notReady = rule.metric === 'agentNotReadySeconds' && current?.state === 'not_ready';
        const value = notReady ? (now - core.agents.since(agent!)) / 1000 : rule.metric === 'agentNotReadySeconds' ? 0 : null;
        // The name the board shows for the agent (its profile's, or the last one its events gave).
        return agent ? { id, name: agent.name, value } : { id, value };
      });
  }
}
