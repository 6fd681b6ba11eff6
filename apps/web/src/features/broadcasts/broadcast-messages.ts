import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The ticker's and the form's texts in English and Italian, in the board's current language. */
const BROADCAST_MESSAGES = {
  en: {
    ticker: 'Messages from the control room', info: 'Notice', warning: 'Warning', until: 'until {time}', from: 'from {name}',
    formTitle: 'Send a message to the boards', text: 'Message', level: 'Level', minutes: 'Shown for (minutes)',
    queues: 'Queues (comma-separated; empty: your whole scope)', send: 'Send', sending: 'Sending…', sent: 'Sent',
    failed: 'Not sent: {reason}', withdraw: 'Withdraw', active: 'Active messages', none: 'No active message',
  },
  it: {
    ticker: 'Messaggi dalla sala operativa', info: 'Avviso', warning: 'Attenzione', until: 'fino alle {time}', from: 'da {name}',
    formTitle: 'Invia un messaggio ai tabelloni', text: 'Messaggio', level: 'Livello', minutes: 'Visibile per (minuti)',
    queues: 'Code (separate da virgole; vuoto: tutto il tuo ambito)', send: 'Invia', sending: 'Invio…', sent: 'Inviato',
    failed: 'Non inviato: {reason}', withdraw: 'Ritira', active: 'Messaggi attivi', none: 'Nessun messaggio attivo',
  },
} as const;

export type BroadcastKey = keyof (typeof BROADCAST_MESSAGES)['en'];

export function useBroadcastText(): (key: BroadcastKey, params?: Record<string, string | number>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) => BROADCAST_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
