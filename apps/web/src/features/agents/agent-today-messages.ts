import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The texts of the agents' day, in English and Italian, in the board's current language. */
const TODAY_MESSAGES = {
  en: {
    answered: 'Answered', missed: 'Missed', aht: 'AHT', talk: 'Talk', wrapUp: 'Wrap-up', idle: 'Idle', notReady: 'Not ready',
    occupancy: 'Occupancy', today: 'Today', compact: 'Compact', compactHint: 'Smaller rows, to see hundreds of agents at once',
    missedHint: 'Offers not taken today: missed (rang out) and rejected', noReason: 'no reason',
    notReadyHint: 'Not ready today by reason: {reasons}',
  },
  it: {
    answered: 'Risposte', missed: 'Perse', aht: 'TMG', talk: 'Conversazione', wrapUp: 'Post-chiamata', idle: 'Libero', notReady: 'Non pronto',
    occupancy: 'Occupazione', today: 'Oggi', compact: 'Compatta', compactHint: 'Righe più basse, per vedere centinaia di operatori insieme',
    missedHint: 'Offerte non prese oggi: perse (squillo senza risposta) e rifiutate', noReason: 'senza motivo',
    notReadyHint: 'Non pronto oggi per motivo: {reasons}',
  },
} as const;

export type TodayKey = keyof (typeof TODAY_MESSAGES)['en'];
export type TodayText = (key: TodayKey, params?: Record<string, string | number>) => string;

export function todayText(locale: keyof typeof TODAY_MESSAGES): TodayText {
  return (key, params) => TODAY_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

export function useTodayText(): TodayText {
  return todayText(useLocaleStore((s) => s.locale));
}

/** Every key in both languages, for the test that none is missing. */
export const TODAY_LOCALES = TODAY_MESSAGES;
