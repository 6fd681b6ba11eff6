import type { CallbackState } from '@plancia/contracts';
import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The callback worklist's texts in English and Italian, in the board's current language. */
const CALLBACK_MESSAGES = {
  en: {
    title: 'Callbacks', empty: 'Nobody to call back', queue: 'Queue', abandonedAt: 'Abandoned', waited: 'Waited', attempts: 'Attempts',
    state: 'State', actions: 'Actions', claim: 'Claim', release: 'Release', done: 'Done…', reveal: 'Show number', result: 'Result',
    note: 'Note (optional)', close: 'Close callback', cancel: 'Cancel', exportCsv: 'Export CSV', refresh: 'Refresh',
    failed: 'Not done: {reason}', loadFailed: 'Could not load: {reason}', number: 'Number: {number}', noQueue: '—',
    'state.open': 'open', 'state.claimed': 'claimed by {who}', 'state.done': 'done', 'state.answered': 'got through',
    'result.reached': 'Reached', 'result.no-answer': 'No answer', 'result.voicemail': 'Voicemail', 'result.wrong-number': 'Wrong number',
    'result.not-needed': 'Not needed', rowLabel: 'Caller of {queue}, abandoned at {time}',
  },
  it: {
    title: 'Richiamate', empty: 'Nessuno da richiamare', queue: 'Coda', abandonedAt: 'Abbandonata', waited: 'Attesa', attempts: 'Tentativi',
    state: 'Stato', actions: 'Azioni', claim: 'Prendi in carico', release: 'Rilascia', done: 'Fatto…', reveal: 'Mostra numero', result: 'Esito',
    note: 'Nota (facoltativa)', close: 'Chiudi richiamata', cancel: 'Annulla', exportCsv: 'Esporta CSV', refresh: 'Aggiorna',
    failed: 'Non riuscito: {reason}', loadFailed: 'Impossibile caricare: {reason}', number: 'Numero: {number}', noQueue: '—',
    'state.open': 'da richiamare', 'state.claimed': 'in carico a {who}', 'state.done': 'fatta', 'state.answered': 'è riuscito a passare',
    'result.reached': 'Raggiunto', 'result.no-answer': 'Nessuna risposta', 'result.voicemail': 'Segreteria', 'result.wrong-number': 'Numero errato',
    'result.not-needed': 'Non serve più', rowLabel: 'Chiamante di {queue}, abbandonata alle {time}',
  },
} as const;

export type CallbackKey = keyof (typeof CALLBACK_MESSAGES)['en'];
export const stateKey = (state: CallbackState): CallbackKey => `state.${state}`;

export function useCallbackText(): (key: CallbackKey, params?: Record<string, string | number>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) => CALLBACK_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
