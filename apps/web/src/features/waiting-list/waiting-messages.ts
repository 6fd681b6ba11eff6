import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The waiting list's texts, in English and Italian, in the board's current language. */
const WAITING_MESSAGES = {
  en: {
    title: 'Waiting now', none: 'Nobody is waiting', queue: 'Queue', position: 'Position', positionHint: 'Place in the order of service: priority first, then the longest wait',
    channel: 'Channel', wait: 'Wait', priority: 'Priority', caller: 'Caller', vip: 'VIP', unknownCaller: 'unknown',
    count: '{n} waiting', more: 'and {n} more waiting, not listed',
    voice: 'Voice', chat: 'Chat', messaging: 'Messaging', email: 'Email', social: 'Social', callback: 'Callback',
  },
  it: {
    title: 'In attesa ora', none: 'Nessuno in attesa', queue: 'Coda', position: 'Posizione', positionHint: 'Posto nell\'ordine di servizio: prima la priorità, poi l\'attesa più lunga',
    channel: 'Canale', wait: 'Attesa', priority: 'Priorità', caller: 'Chiamante', vip: 'VIP', unknownCaller: 'sconosciuto',
    count: '{n} in attesa', more: 'e altri {n} in attesa, non elencati',
    voice: 'Voce', chat: 'Chat', messaging: 'Messaggi', email: 'Email', social: 'Social', callback: 'Richiamata',
  },
} as const;

export type WaitingKey = keyof (typeof WAITING_MESSAGES)['en'];
export type WaitingText = (key: WaitingKey, params?: Record<string, string | number>) => string;

export function waitingText(locale: keyof typeof WAITING_MESSAGES): WaitingText {
  return (key, params) => WAITING_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

export function useWaitingText(): WaitingText {
  return waitingText(useLocaleStore((s) => s.locale));
}

/** Every key in both languages, for the test that none is missing. */
export const WAITING_LOCALES = WAITING_MESSAGES;
