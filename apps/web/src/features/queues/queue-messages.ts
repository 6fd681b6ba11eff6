import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The projection's and the KPI tiles' texts in English and Italian, in the board's current language. */
const QUEUE_MESSAGES = {
  en: {
    projection: 'Where the interval is going', slAtIntervalEnd: 'At {time}', slAtDayEnd: 'At closing',
    answersNeeded: 'Answers within T needed', answersNone: 'none: on target', answersImpossible: 'target out of reach',
    ewt: 'Wait for a new caller', agentsNeeded: 'Agents needed / staffed', atPresentPace: 'at the present pace',
    kpis: 'Quality and efficiency', queue: 'Queue', kpi: 'Indicator',
    aht: 'AHT', occupancy: 'Occupancy', waitP90: '90th-percentile wait', csat: 'CSAT', nps: 'NPS', ces: 'CES',
    fcr: 'First-contact resolution', repeatRate: 'Repeat contacts', ticketSla: 'Ticket SLA',
    bandOk: 'on target', bandWarning: 'off target', bandCritical: 'critical', bandNone: 'no target or no data',
    atLeast: 'target ≥ {value}', atMost: 'target ≤ {value}', above: 'target > {value}', noTarget: 'no target',
  },
  it: {
    projection: 'Dove va l’intervallo', slAtIntervalEnd: 'Alle {time}', slAtDayEnd: 'Alla chiusura',
    answersNeeded: 'Risposte entro T necessarie', answersNone: 'nessuna: in obiettivo', answersImpossible: 'obiettivo irraggiungibile',
    ewt: 'Attesa per un nuovo chiamante', agentsNeeded: 'Operatori necessari / presenti', atPresentPace: 'al ritmo attuale',
    kpis: 'Qualità ed efficienza', queue: 'Coda', kpi: 'Indicatore',
    aht: 'TMG', occupancy: 'Occupazione', waitP90: 'Attesa al 90° percentile', csat: 'CSAT', nps: 'NPS', ces: 'CES',
    fcr: 'Risoluzione al primo contatto', repeatRate: 'Ricontatti', ticketSla: 'SLA ticket',
    bandOk: 'in obiettivo', bandWarning: 'fuori obiettivo', bandCritical: 'critico', bandNone: 'senza obiettivo o dati',
    atLeast: 'obiettivo ≥ {value}', atMost: 'obiettivo ≤ {value}', above: 'obiettivo > {value}', noTarget: 'nessun obiettivo',
  },
} as const;

export type QueueTextKey = keyof (typeof QUEUE_MESSAGES)['en'];
export type QueueText = (key: QueueTextKey, params?: Record<string, string | number>) => string;

export function queueText(locale: keyof typeof QUEUE_MESSAGES): QueueText {
  return (key, params) => QUEUE_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

export function useQueueText(): QueueText {
  return queueText(useLocaleStore((s) => s.locale));
}

/** Every key in both languages, for the test that none is missing. */
export const QUEUE_LOCALES = QUEUE_MESSAGES;
