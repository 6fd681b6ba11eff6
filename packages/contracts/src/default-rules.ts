import type { AlertRule, EngineSettings, QueueConfig } from './config.js';
import { DEFAULT_SETTINGS, defaultCentreAlertRules, defaultQueueAlertRules } from './defaults.js';

/**
 * The seeded rules in force beside the configured ones, which are never stored: a queue's defaults while no
 * configured rule (enabled or not) is scoped to that queue, the centre's while no configured rule watches agents or
 * the centre. `queues` are every queue the board knows, configured or seen in events.
 */
export function defaultRulesInForce(
  queues: readonly QueueConfig[], configured: readonly AlertRule[], settings: EngineSettings = DEFAULT_SETTINGS,
): AlertRule[] {
  const ownRules = new Set(configured.filter((r) => r.scope.kind === 'queue').map((r) => r.scope.id));
  const rules = queues.filter((q) => !ownRules.has(q.queueId)).flatMap((q) => defaultQueueAlertRules(q));
  if (!configured.some((r) => r.scope.kind === 'agent' || r.scope.kind === 'centre')) rules.push(...defaultCentreAlertRules(settings));
  return rules;
}
