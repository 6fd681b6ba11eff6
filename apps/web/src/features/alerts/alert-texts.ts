import {
  defaultCentreAlertRules, defaultQueueAlertRules, defaultQueueConfig, type Alert, type ScopeKind,
} from '@plancia/contracts';
import type { Locale } from '../../lib/i18n/messages.js';

/** The seeded rules, by kind: a queue's are `<queueId>:<kind>`, the centre's are named by their whole id. */
const QUEUE_SAMPLE = 'q';
const DEFAULT_RULES = [
  ...defaultQueueAlertRules(defaultQueueConfig(QUEUE_SAMPLE)).map((r) => ({ kind: r.id.slice(QUEUE_SAMPLE.length + 1), name: r.name, queue: true })),
  ...defaultCentreAlertRules().map((r) => ({ kind: r.id, name: r.name, queue: false })),
];

/** The default rules' names in Italian, by kind; English is the rules' own name. */
export const ITALIAN_RULE_NAMES: Readonly<Record<string, string>> = {
  'sl-warning': 'Livello di servizio sotto l’obiettivo',
  'sl-critical': 'Livello di servizio 10 punti sotto l’obiettivo',
  'longest-wait': 'Attesa più lunga oltre 2 × T',
  'queue-unstaffed': 'Chiamanti in attesa senza operatori disponibili',
  'chat-first-response': 'Prima risposta in chat oltre 60 s',
  'tickets-breached': 'Ticket oltre la scadenza',
  'csat-low': 'CSAT sotto il 90 %',
  'centre:agent-not-ready': 'Operatore non pronto da troppo tempo',
};

const SCOPE_KINDS: Record<Locale, Record<ScopeKind, string>> = {
  en: { queue: 'Queue', agent: 'Agent', team: 'Team', channel: 'Channel', centre: 'Centre' },
  it: { queue: 'Coda', agent: 'Operatore', team: 'Team', channel: 'Canale', centre: 'Centro' },
};

/** The default rule an alert comes from, if it is one still under its seeded name (a renamed rule keeps its own). */
function defaultKindOf(alert: Alert): string | null {
  for (const rule of DEFAULT_RULES) {
    const id = rule.queue ? `${alert.scope.id ?? ''}:${rule.kind}` : rule.kind;
    if (alert.ruleId === id && alert.ruleName === rule.name) return rule.kind;
  }
  return null;
}

/** What fired, in the board's language: the default rules are translated, configured rules keep their name. */
export function alertName(alert: Alert, locale: Locale): string {
  if (locale === 'en') return alert.ruleName;
  const kind = defaultKindOf(alert);
  return (kind && ITALIAN_RULE_NAMES[kind]) ?? alert.ruleName;
}

/** Where: the entity's name as the board shows it (an agent's name, not its id), else its id. */
export function alertScopeName(alert: Alert): string | null {
  return alert.scope.name ?? alert.scope.id;
}

/** "Operatore Marta Rossi", "Coda vendite", "Centro". */
export function alertScope(alert: Alert, locale: Locale): string {
  const name = alertScopeName(alert);
  return name ? `${SCOPE_KINDS[locale][alert.scope.kind]} ${name}` : SCOPE_KINDS[locale][alert.scope.kind];
}

const CLEARING: Record<Locale, (value: string, clear: string) => string> = {
  en: (value, clear) => `value ${value}, resolves past ${clear}`,
  it: (value, clear) => `valore ${value}, rientra oltre ${clear}`,
};

/** An alert back within its hysteresis: its value and the clear threshold it waits for. */
export function clearingText(value: string, clear: string, locale: Locale): string {
  return CLEARING[locale](value, clear);
}

/** Every default rule kind, for the test that each has its Italian name. */
export const DEFAULT_RULE_KINDS: readonly string[] = DEFAULT_RULES.map((r) => r.kind);
