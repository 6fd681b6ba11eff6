import { useLocaleStore } from '../i18n/stores/locale-store.js';

/** The settings page's texts in English and Italian, in the board's current language. */
const SETTINGS_MESSAGES = {
  en: {
    title: 'Settings', back: 'Back to the board', queues: 'Queues', calendars: 'Business calendars', rules: 'Alert rules',
    name: 'Name', threshold: 'Answered within T (seconds)', target: 'Target (%)', shortAbandon: 'Short abandon S (seconds)',
    abandonPolicy: 'Abandons', rolling: 'Rolling window (minutes)', interval: 'Interval (minutes)', amber: 'Amber below (%)',
    red: 'Red below (%)', save: 'Save', saved: 'Saved; {n} events replayed', conflict: 'Changed elsewhere: reloaded',
    ignore: 'ignored', negative: 'count as missed', positive: 'count as met', token: 'Admin token',
    notConfigured: 'on defaults', preview: 'Preview last hour', previewNone: 'Would not have fired',
    previewRaised: 'raised {time}', previewResolved: 'resolved {time}', json: 'Definition (JSON)',
    loadError: 'Could not load the configuration', saveError: 'Not saved: {message}',
  },
  it: {
    title: 'Impostazioni', back: 'Torna alla plancia', queues: 'Code', calendars: 'Calendari lavorativi', rules: 'Regole di allarme',
    name: 'Nome', threshold: 'Risposta entro T (secondi)', target: 'Obiettivo (%)', shortAbandon: 'Abbandono breve S (secondi)',
    abandonPolicy: 'Abbandoni', rolling: 'Finestra mobile (minuti)', interval: 'Intervallo (minuti)', amber: 'Ambra sotto (%)',
    red: 'Rosso sotto (%)', save: 'Salva', saved: 'Salvato; {n} eventi rielaborati', conflict: 'Modificato altrove: ricaricato',
    ignore: 'ignorati', negative: 'contano come mancati', positive: 'contano come rispettati', token: 'Token amministratore',
    notConfigured: 'predefinita', preview: 'Anteprima ultima ora', previewNone: 'Non sarebbe scattata',
    previewRaised: 'scattata {time}', previewResolved: 'rientrata {time}', json: 'Definizione (JSON)',
    loadError: 'Impossibile caricare la configurazione', saveError: 'Non salvato: {message}',
  },
} as const;

export type SettingsKey = keyof (typeof SETTINGS_MESSAGES)['en'];

export function useSettingsText() {
  const locale = useLocaleStore((s) => s.locale);
  return (key: SettingsKey, params?: Record<string, string | number>) =>
    SETTINGS_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
