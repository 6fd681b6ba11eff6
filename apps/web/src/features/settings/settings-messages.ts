import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The settings page's texts in English and Italian, in the board's current language. */
const SETTINGS_MESSAGES = {
  en: {
    title: 'Settings', back: 'Back to the board', queues: 'Queues', calendars: 'Business calendars', rules: 'Alert rules',
    agents: 'Agents', name: 'Name', channel: 'Channel', team: 'Team', calendar: 'Business calendar', none: '(none)',
    any: 'any', threshold: 'Answered within T (seconds)', target: 'Target (%)', shortAbandon: 'Short abandon S (seconds)',
    abandonPolicy: 'Abandons', rolling: 'Rolling window (minutes)', interval: 'Interval (minutes)', amber: 'Amber below (%)',
    red: 'Red below (%)', redAboveAmber: 'The red band must not start above the amber one',
    bands: 'Tile colour bands',
    bandsFollow: 'Follow the target: amber below {amber} %, red below {red} % ({points} points under the target); they move when the target changes.',
    bandsOwn: 'Own bands: amber below {amber} %, red below {red} %; they stay put when the target ({target} %) changes.',
    bandsUnsaved: '(not saved yet)', bandsUseTarget: 'Use bands derived from the target',
    bandsGreenBelowTarget: 'Green from {amber} % while the target is {target} %: a service level below the target shows green.',
    sections: 'Settings sections', findAgent: 'Find an agent (id or name)', agentPages: 'Pages of agents',
    previous: 'Previous', next: 'Next', agentRange: 'Agents {from}–{to} of {total}',
    defaultRules: 'Default rules in force', defaultBadge: 'default', warning: 'warning', critical: 'critical',
    defaultRulesHint: 'Seeded by Plancia and not stored: a queue keeps its defaults until a rule of its own is scoped to it; the agent rule stays until a rule watches agents or the centre.',
    save: 'Save', saving: 'Saving…', saved: 'Saved; {n} events replayed', savedPlain: 'Saved', conflict: 'Changed elsewhere: reloaded',
    ignore: 'ignored', negative: 'count as missed', positive: 'count as met', exclude: 'left out, even after T', token: 'Admin token',
    notConfigured: 'on defaults', preview: 'Preview last hour', previewNone: 'Would not have fired',
    previewRaised: 'raised {time}', previewResolved: 'resolved {time}', json: 'Definition (JSON)',
    loadError: 'Could not load the configuration', saveError: 'Not saved: {message}',
    firstResponse: 'First-response targets', resolution: 'Resolution targets', priority: 'Priority',
    seconds: 'Seconds', businessHours: 'Business hours', addTarget: 'Add a target', removeTarget: 'Remove target {n}',
    targetsHint: 'The most specific match wins: channel and priority, then one of them, then neither.',
    newId: 'New id', add: 'Add', exists: 'An entry with this id already exists', created: 'Created {id}',
    delete: 'Delete', reset: 'Back to defaults', confirmDelete: 'Delete {id}?', confirm: 'Confirm', cancel: 'Cancel',
    deleted: 'Deleted {id}', deleteError: 'Not deleted: {message}',
    timeZone: 'Time zone (IANA)', badTimeZone: 'Not an IANA time zone', weekly: 'Opening hours',
    hoursHint: 'e.g. 09:00-13:00, 14:00-18:00; empty: closed', badHours: 'Write spans as HH:MM-HH:MM separated by commas',
    italianHolidays: 'Italian public holidays (Easter Monday included)', patronSaint: 'Patron saint\'s day (MM-DD)',
    closures: 'One-off closures (YYYY-MM-DD, one a line)',
    mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
    agentsHint: 'Agents seen on the board and profiles stored here; a profile names an agent and puts them in a team.',
    seen: 'not configured',
  },
  it: {
    title: 'Impostazioni', back: 'Torna alla plancia', queues: 'Code', calendars: 'Calendari lavorativi', rules: 'Regole di allarme',
    agents: 'Operatori', name: 'Nome', channel: 'Canale', team: 'Team', calendar: 'Calendario lavorativo', none: '(nessuno)',
    any: 'qualsiasi', threshold: 'Risposta entro T (secondi)', target: 'Obiettivo (%)', shortAbandon: 'Abbandono breve S (secondi)',
    abandonPolicy: 'Abbandoni', rolling: 'Finestra mobile (minuti)', interval: 'Intervallo (minuti)', amber: 'Ambra sotto (%)',
    red: 'Rosso sotto (%)', redAboveAmber: 'La fascia rossa non può iniziare sopra quella ambra',
    bands: 'Fasce di colore del riquadro',
    bandsFollow: 'Seguono l\'obiettivo: ambra sotto {amber} %, rosso sotto {red} % ({points} punti sotto l\'obiettivo); si spostano quando l\'obiettivo cambia.',
    bandsOwn: 'Fasce proprie: ambra sotto {amber} %, rosso sotto {red} %; restano ferme quando l\'obiettivo ({target} %) cambia.',
    bandsUnsaved: '(non ancora salvato)', bandsUseTarget: 'Usa le fasce derivate dall\'obiettivo',
    bandsGreenBelowTarget: 'Verde da {amber} % con un obiettivo del {target} %: un livello di servizio sotto l\'obiettivo appare verde.',
    sections: 'Sezioni delle impostazioni', findAgent: 'Cerca un operatore (id o nome)', agentPages: 'Pagine di operatori',
    previous: 'Precedenti', next: 'Successivi', agentRange: 'Operatori {from}–{to} di {total}',
    defaultRules: 'Regole predefinite attive', defaultBadge: 'predefinita', warning: 'avviso', critical: 'critico',
    defaultRulesHint: 'Create da Plancia e non salvate: una coda tiene le sue finché non le si assegna una regola propria; quella sugli operatori resta finché una regola non sorveglia gli operatori o il centro.',
    save: 'Salva', saving: 'Salvataggio…', saved: 'Salvato; {n} eventi rielaborati', savedPlain: 'Salvato', conflict: 'Modificato altrove: ricaricato',
    ignore: 'ignorati', negative: 'contano come mancati', positive: 'contano come rispettati', exclude: 'esclusi, anche oltre T', token: 'Token amministratore',
    notConfigured: 'predefinita', preview: 'Anteprima ultima ora', previewNone: 'Non sarebbe scattata',
    previewRaised: 'scattata {time}', previewResolved: 'rientrata {time}', json: 'Definizione (JSON)',
    loadError: 'Impossibile caricare la configurazione', saveError: 'Non salvato: {message}',
    firstResponse: 'Obiettivi di prima risposta', resolution: 'Obiettivi di risoluzione', priority: 'Priorità',
    seconds: 'Secondi', businessHours: 'Ore lavorative', addTarget: 'Aggiungi un obiettivo', removeTarget: 'Rimuovi obiettivo {n}',
    targetsHint: 'Vale la corrispondenza più specifica: canale e priorità, poi uno dei due, poi nessuno.',
    newId: 'Nuovo id', add: 'Aggiungi', exists: 'Esiste già una voce con questo id', created: 'Creato {id}',
    delete: 'Elimina', reset: 'Torna ai predefiniti', confirmDelete: 'Eliminare {id}?', confirm: 'Conferma', cancel: 'Annulla',
    deleted: 'Eliminato {id}', deleteError: 'Non eliminato: {message}',
    timeZone: 'Fuso orario (IANA)', badTimeZone: 'Non è un fuso orario IANA', weekly: 'Orari di apertura',
    hoursHint: 'es. 09:00-13:00, 14:00-18:00; vuoto: chiuso', badHours: 'Scrivere gli intervalli come HH:MM-HH:MM separati da virgole',
    italianHolidays: 'Festività nazionali italiane (Pasquetta inclusa)', patronSaint: 'Santo patrono (MM-GG)',
    closures: 'Chiusure straordinarie (AAAA-MM-GG, una per riga)',
    mon: 'Lunedì', tue: 'Martedì', wed: 'Mercoledì', thu: 'Giovedì', fri: 'Venerdì', sat: 'Sabato', sun: 'Domenica',
    agentsHint: 'Operatori visti sulla plancia e profili salvati qui; un profilo dà il nome a un operatore e lo assegna a un team.',
    seen: 'non configurato',
  },
} as const;

export type SettingsKey = keyof (typeof SETTINGS_MESSAGES)['en'];
export type SettingsText = (key: SettingsKey, params?: Record<string, string | number>) => string;

export function useSettingsText(): SettingsText {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) =>
    SETTINGS_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
