import { defaultRulesInForce, type AlertRule } from '@plancia/contracts';
import { useSettingsText } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';

const FRACTION_METRICS = new Set<AlertRule['metric']>(['serviceLevel', 'abandonRate', 'csat']);
const COMPARISON = { lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;

/** A rule's condition in one line: `serviceLevel (rolling) < 80 %`. */
function condition(rule: AlertRule): string {
  const value = FRACTION_METRICS.has(rule.metric) ? `${Math.round(rule.threshold * 1000) / 10} %` : String(rule.threshold);
  const held = rule.forSeconds > 0 ? ` · ${rule.forSeconds} s` : '';
  return `${rule.metric} (${rule.window}) ${COMPARISON[rule.comparison]} ${value}${held}`;
}

/**
 * The seeded rules the server runs and does not store, so that an empty list of rules never reads as "no alerts":
 * computed by the contract's own function from the queues, the stored rules and the centre settings.
 */
export function DefaultRules() {
  const t = useSettingsText();
  const { queues, rules, settings } = useSettingsStore();
  const defaults = defaultRulesInForce(queues.map((q) => q.config), rules, settings);
  if (defaults.length === 0) return null;
  return (
    <div className="settings-card" data-testid="default-rules">
      <h3>{t('defaultRules')}</h3>
      <p className="settings-hint">{t('defaultRulesHint')}</p>
      <ul>
        {defaults.map((rule) => (
          <li key={rule.id} data-testid={`default-rule-${rule.id}`}>
            <span className="settings-badge">{t('defaultBadge')}</span>{' '}
            <strong>{rule.name}</strong> — {rule.scope.kind}{rule.scope.id ? ` ${rule.scope.id}` : ''} · {condition(rule)} · {t(rule.severity)}
          </li>
        ))}
      </ul>
    </div>
  );
}
