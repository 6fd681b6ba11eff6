import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The console's texts in English and Italian, in the board's current language. */
const CONTROL_MESSAGES = {
  en: {
    title: 'Control room', back: 'Back to the board', sections: 'Console sections',
    open: 'Open alerts', history: 'History', stats: 'MTTA and MTTR', silences: 'Silences',
    filters: 'Filters', severity: 'Severity', state: 'State', queue: 'Queue', team: 'Team', rule: 'Rule', any: 'any',
    sort: 'Sort by', sortSeverity: 'severity', sortAge: 'age (oldest first)', clearFilters: 'Clear filters',
    critical: 'critical', warning: 'warning',
    raised: 'raised', acknowledged: 'acknowledged', assigned: 'assigned', resolved: 'resolved',
    shown: '{shown} of {total} open alerts', none: 'No open alerts', noneMatch: 'No open alert matches the filters',
    listHint: 'j/k or the arrow keys move through the list; Enter opens the actions, Escape closes them.',
    since: 'open for {duration}', raisedAt: 'raised {time}', assignedTo: 'assigned to {name}', unassigned: 'nobody assigned',
    ackBy: 'acknowledged by {name} at {time}', snoozedUntil: 'snoozed until {time}', silenced: 'silenced',
    actionsFor: 'Actions on {name}', note: 'Note', noteHint: 'kept with the alert and shown to everyone',
    acknowledge: 'Acknowledge', assignMe: 'Assign to me', assignTo: 'Assign to', assignee: 'Username', assign: 'Assign', chooseAssignee: 'choose a person…', supervisor: 'supervisor', admin: 'administrator',
    resolve: 'Resolve', comment: 'Add note', comments: 'Notes', snooze: 'Snooze', snoozeFor: 'Snooze for',
    minutes: '{n} min', hours: '{n} h', done: 'Done', closeActions: 'Close',
    silence: 'Silence…', silenceTitle: 'New silence', silenceMatch: 'Matches', reason: 'Reason', endsAt: 'Ends at',
    createSilence: 'Create silence', removeSilence: 'End silence', noSilences: 'No active silences',
    silenceBy: 'by {name}, until {time}', silenceFrom: 'Take the match from this alert',
    period: 'Period', last24h: 'last 24 hours', last7d: 'last 7 days', last30d: 'last 30 days', today: 'today', custom: 'from … to …',
    customHint: 'Both ends in the centre\'s time; the end must come after the start.', badRange: 'The end must come after the start',
    from: 'From', to: 'To', load: 'Show', csv: 'Download CSV', groupBy: 'Group by',
    raisedCol: 'Raised', alertCol: 'Alert', scopeCol: 'About', toAck: 'To acknowledge', toResolve: 'To resolve',
    whoAcked: 'Acknowledged by', whoAssigned: 'Assigned to', whoResolved: 'Resolved by', byItself: 'cleared by itself',
    noHistory: 'No alert in this period', count: 'Alerts', mtta: 'MTTA', mttr: 'MTTR', key: 'Group',
    mttaHint: 'MTTA: mean time from raise to the first acknowledgement or assignment; MTTR: from raise to resolution.',
    noStats: 'No alert in this period', loading: 'Loading…',
    forbidden: 'Not allowed: your role or scope does not cover this ({message})',
    failed: 'Failed: {message}', offline: 'The server could not be reached', notOpen: 'Alert {id} is not open (any more): look for it in the history.',
    signedOutActor: 'you',
  },
  it: {
    title: 'Sala di controllo', back: 'Torna alla plancia', sections: 'Sezioni della console',
    open: 'Allarmi aperti', history: 'Storico', stats: 'MTTA e MTTR', silences: 'Silenziamenti',
    filters: 'Filtri', severity: 'Gravità', state: 'Stato', queue: 'Coda', team: 'Team', rule: 'Regola', any: 'qualsiasi',
    sort: 'Ordina per', sortSeverity: 'gravità', sortAge: 'età (prima i più vecchi)', clearFilters: 'Azzera filtri',
    critical: 'critico', warning: 'avviso',
    raised: 'scattato', acknowledged: 'preso in carico', assigned: 'assegnato', resolved: 'risolto',
    shown: '{shown} di {total} allarmi aperti', none: 'Nessun allarme aperto', noneMatch: 'Nessun allarme aperto corrisponde ai filtri',
    listHint: 'j/k o le frecce scorrono l’elenco; Invio apre le azioni, Esc le chiude.',
    since: 'aperto da {duration}', raisedAt: 'scattato alle {time}', assignedTo: 'assegnato a {name}', unassigned: 'non assegnato',
    ackBy: 'preso in carico da {name} alle {time}', snoozedUntil: 'sospeso fino alle {time}', silenced: 'silenziato',
    actionsFor: 'Azioni su {name}', note: 'Nota', noteHint: 'resta con l’allarme ed è visibile a tutti',
    acknowledge: 'Prendi in carico', assignMe: 'Assegna a me', assignTo: 'Assegna a', assignee: 'Nome utente', assign: 'Assegna', chooseAssignee: 'scegli una persona…', supervisor: 'supervisore', admin: 'amministratore',
    resolve: 'Risolvi', comment: 'Aggiungi nota', comments: 'Note', snooze: 'Sospendi', snoozeFor: 'Sospendi per',
    minutes: '{n} min', hours: '{n} h', done: 'Fatto', closeActions: 'Chiudi',
    silence: 'Silenzia…', silenceTitle: 'Nuovo silenziamento', silenceMatch: 'Corrisponde a', reason: 'Motivo', endsAt: 'Termina alle',
    createSilence: 'Crea silenziamento', removeSilence: 'Termina silenziamento', noSilences: 'Nessun silenziamento attivo',
    silenceBy: 'da {name}, fino a {time}', silenceFrom: 'Prendi i criteri da questo allarme',
    period: 'Periodo', last24h: 'ultime 24 ore', last7d: 'ultimi 7 giorni', last30d: 'ultimi 30 giorni', today: 'oggi', custom: 'dal … al …',
    customHint: 'Entrambi gli estremi nell\'ora del centro; la fine deve venire dopo l\'inizio.', badRange: 'La fine deve venire dopo l\'inizio',
    from: 'Dal', to: 'Al', load: 'Mostra', csv: 'Scarica CSV', groupBy: 'Raggruppa per',
    raisedCol: 'Scattato', alertCol: 'Allarme', scopeCol: 'Su', toAck: 'Presa in carico dopo', toResolve: 'Risolto dopo',
    whoAcked: 'Preso in carico da', whoAssigned: 'Assegnato a', whoResolved: 'Risolto da', byItself: 'rientrato da solo',
    noHistory: 'Nessun allarme nel periodo', count: 'Allarmi', mtta: 'MTTA', mttr: 'MTTR', key: 'Gruppo',
    mttaHint: 'MTTA: tempo medio dallo scatto alla prima presa in carico o assegnazione; MTTR: dallo scatto alla risoluzione.',
    noStats: 'Nessun allarme nel periodo', loading: 'Caricamento…',
    forbidden: 'Non consentito: il tuo ruolo o ambito non lo copre ({message})',
    failed: 'Non riuscito: {message}', offline: 'Server non raggiungibile', notOpen: 'L’allarme {id} non è (più) aperto: cercalo nello storico.',
    signedOutActor: 'tu',
  },
} as const;

export type ControlKey = keyof (typeof CONTROL_MESSAGES)['en'];
export type ControlText = (key: ControlKey, params?: Record<string, string | number>) => string;

export function controlText(locale: keyof typeof CONTROL_MESSAGES): ControlText {
  return (key, params) => CONTROL_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

export function useControlText(): ControlText {
  return controlText(useLocaleStore((s) => s.locale));
}

/** Every key in both languages, for the test that none is missing. */
export const CONTROL_LOCALES = CONTROL_MESSAGES;
