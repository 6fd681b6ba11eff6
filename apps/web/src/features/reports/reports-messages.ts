import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The reports page's texts in English and Italian, in the board's current language. */
const REPORTS_MESSAGES = {
  en: {
    title: 'Reports', back: 'Back to the board', selection: 'What to show', queue: 'Queue', channel: 'Channel',
    of: 'Show', granularity: 'By', interval: 'stored interval', minutes15: '15 minutes', minutes30: '30 minutes', day: 'day',
    date: 'Day', dayHint: 'by day: the 14 days up to this one', compare: 'Beside the same weekday last week',
    current: 'This period', lastWeek: 'Same weekday last week', loading: 'Loading…', noData: 'No stored interval in this period',
    failed: 'Could not load the report ({message})', serviceLevel: 'Service level', volumes: 'Contacts', times: 'Times (seconds)',
    offered: 'Offered', answered: 'Answered', abandoned: 'Abandoned', asa: 'ASA', aht: 'AHT', abandonRate: 'Abandon rate',
    totals: 'Totals', figure: 'Figure', downloads: 'Download these intervals', csv: 'CSV', xlsx: 'XLSX (Excel)',
    monthly: 'Monthly export (Carta dei Servizi)', monthlyHint: 'Service level, average answer time, abandon rate, first response and resolution within target, per queue and channel.',
    month: 'Month', headings: 'Headings', italian: 'Italian', english: 'English', queuesCount: '{n} queues',
    chartHint: 'Each figure is a sum over the stored intervals, never an average of averages.',
  },
  it: {
    title: 'Report', back: 'Torna alla plancia', selection: 'Cosa mostrare', queue: 'Coda', channel: 'Canale',
    of: 'Mostra', granularity: 'Per', interval: 'intervallo memorizzato', minutes15: '15 minuti', minutes30: '30 minuti', day: 'giorno',
    date: 'Giorno', dayHint: 'per giorno: i 14 giorni fino a questo', compare: 'Accanto allo stesso giorno della settimana scorsa',
    current: 'Questo periodo', lastWeek: 'Stesso giorno settimana scorsa', loading: 'Caricamento…', noData: 'Nessun intervallo memorizzato nel periodo',
    failed: 'Impossibile caricare il report ({message})', serviceLevel: 'Livello di servizio', volumes: 'Contatti', times: 'Tempi (secondi)',
    offered: 'Offerti', answered: 'Risposti', abandoned: 'Abbandonati', asa: 'Tempo medio di risposta', aht: 'Tempo medio di gestione', abandonRate: 'Tasso di abbandono',
    totals: 'Totali', figure: 'Indicatore', downloads: 'Scarica questi intervalli', csv: 'CSV', xlsx: 'XLSX (Excel)',
    monthly: 'Esportazione mensile (Carta dei Servizi)', monthlyHint: 'Livello di servizio, tempo medio di risposta, tasso di abbandono, prima risposta e risoluzione entro obiettivo, per coda e canale.',
    month: 'Mese', headings: 'Intestazioni', italian: 'Italiano', english: 'Inglese', queuesCount: '{n} code',
    chartHint: 'Ogni indicatore è una somma sugli intervalli memorizzati, mai una media di medie.',
  },
} as const;

export type ReportsKey = keyof (typeof REPORTS_MESSAGES)['en'];
export type ReportsText = (key: ReportsKey, params?: Record<string, string | number>) => string;

export function reportsText(locale: 'en' | 'it'): ReportsText {
  const messages = REPORTS_MESSAGES[locale];
  return (key, params) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}

export function useReportsText(): ReportsText {
  return reportsText(useLocaleStore((s) => s.locale));
}

/** Every key in both languages, for the test that none is missing. */
export const REPORTS_LOCALES = REPORTS_MESSAGES;
