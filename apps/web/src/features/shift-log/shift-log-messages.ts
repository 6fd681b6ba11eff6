import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The shift log's texts in English and Italian, in the board's current language. */
const SHIFT_LOG_MESSAGES = {
  en: {
    title: 'Shift log', note: 'Note', alertId: 'Alert (id, optional)', queueId: 'Queue (optional)', write: 'Add note', writing: 'Saving…',
    failed: 'Not saved: {reason}', empty: 'No notes in the last 24 hours', exportCsv: 'Export CSV', about: 'about {what}',
    handover: 'Handover', hours: 'Notes of the last (hours)', openAlerts: 'Open alerts now: {count}', noOpenAlerts: 'No open alerts',
    load: 'Show', loadFailed: 'Could not load: {reason}', exportHandover: 'Download handover with alert history (CSV)',
  },
  it: {
    title: 'Registro del turno', note: 'Nota', alertId: 'Allarme (id, facoltativo)', queueId: 'Coda (facoltativa)', write: 'Aggiungi nota', writing: 'Salvataggio…',
    failed: 'Non salvata: {reason}', empty: 'Nessuna nota nelle ultime 24 ore', exportCsv: 'Esporta CSV', about: 'su {what}',
    handover: 'Passaggio di consegne', hours: 'Note delle ultime (ore)', openAlerts: 'Allarmi aperti ora: {count}', noOpenAlerts: 'Nessun allarme aperto',
    load: 'Mostra', loadFailed: 'Impossibile caricare: {reason}', exportHandover: 'Scarica consegne con storico allarmi (CSV)',
  },
} as const;

export type ShiftLogKey = keyof (typeof SHIFT_LOG_MESSAGES)['en'];

export function useShiftLogText(): (key: ShiftLogKey, params?: Record<string, string | number>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) => SHIFT_LOG_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
