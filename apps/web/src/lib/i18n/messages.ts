/**
 * Every text on the board, in English and Italian. `{name}` is replaced by a parameter. Counts of agents by state
 * (`available`: "Disponibili") are plural; one agent's state (`stateAvailable`: "Disponibile") is singular.
 */
export const MESSAGES = {
  en: {
    appTitle: 'Plancia', centre: 'Contact centre', waiting: 'Waiting', longestWait: 'Longest wait',
    serviceLevel: 'Service level', target: 'target {value}', asa: 'ASA', abandonRate: 'Abandoned',
    offered: 'Offered', answered: 'Answered', available: 'Available', onContact: 'On contact', wrapUp: 'Wrap-up',
    notReady: 'Not ready', agents: 'Agents', queues: 'Queues', tickets: 'Tickets and chats',
    trend: 'Last two hours', intervalServiceLevel: 'Service level per interval', window: 'Window', rolling: 'Last {minutes} min', interval: 'Interval', today: 'Today',
    slOk: 'in the green band', slWarn: 'in the amber band', slBad: 'in the red band', slNone: 'no contacts yet', openAlertsOnQueue: 'Open alerts',
    connLive: 'Live', connConnecting: 'Connecting…', connOffline: 'Disconnected',
    stale: 'Data is stale: last update {time} ({ago} ago)', staleNever: 'Waiting for the first data…',
    activeAlerts: 'Active alerts', noAlerts: 'No active alerts', acknowledge: 'Acknowledge',
    acknowledged: 'Acknowledged by {by} at {time}', assignedTo: 'assigned to {to}', silenced: 'Silenced', snoozedUntil: 'Snoozed until {time}', note: 'Note', confirm: 'Confirm', cancel: 'Cancel',
    enableSound: 'Enable alert sound', soundOn: 'Sound on', enableNotifications: 'Enable notifications',
    notificationsOn: 'Notifications on', critical: 'Critical', warning: 'Warning', raisedAt: 'raised {time}',
    agent: 'Agent', state: 'State', reason: 'Reason', timeInState: 'Time in state', team: 'Team',
    stateAvailable: 'Available', stateOnContact: 'On contact', stateWrapUp: 'Wrap-up', stateNotReady: 'Not ready', stateOffline: 'Offline',
    agentConflicts: 'The phone system disagreed with the contacts {n} times today (e.g. "available" during a call)',
    open: 'Open', breached: 'Breached', atRisk: 'At risk', firstResponse: 'First response in target',
    resolution: 'Resolved in target', noTickets: 'No tickets or chats', language: 'Language', tvMode: 'TV mode',
    exitTv: 'Exit TV mode', page: 'Page {n} of {total}', shownOf: '{from}–{to} of {total}', pause: 'Pause rotation', resume: 'Resume rotation',
    sortBy: 'Sort by {column}', longState: 'in this state for a long time', noData: '—', total: 'Total',
    yourQueues: 'Your queues: {queues}', refusedQueues: 'This board asks for queues outside your scope: {names}. Ask an administrator, or open the board without them.', refusedTeams: 'This board asks for teams outside your scope: {names}. Ask an administrator, or open the board without them.', sumOfShown: 'sum of the queues shown', slNotAdditive: 'Not shown: the service level of several queues is not a sum (each queue has its own abandon policy)',
    value: 'value {value}, threshold {threshold}', resolved: 'Recently resolved',
    agentDetailOff: 'Agent detail is off (art. 4 of the Workers\' Statute) — counts only',
  },
  it: {
    appTitle: 'Plancia', centre: 'Contact centre', waiting: 'In attesa', longestWait: 'Attesa massima',
    serviceLevel: 'Livello di servizio', target: 'obiettivo {value}', asa: 'ASA', abandonRate: 'Abbandonate',
    offered: 'Offerte', answered: 'Risposte', available: 'Disponibili', onContact: 'In contatto', wrapUp: 'Post-chiamata',
    notReady: 'Non pronti', agents: 'Operatori', queues: 'Code', tickets: 'Ticket e chat',
    trend: 'Ultime due ore', intervalServiceLevel: 'Livello di servizio per intervallo', window: 'Finestra', rolling: 'Ultimi {minutes} min', interval: 'Intervallo', today: 'Oggi',
    slOk: 'fascia verde', slWarn: 'fascia ambra', slBad: 'fascia rossa', slNone: 'nessun contatto', openAlertsOnQueue: 'Allarmi aperti',
    connLive: 'In diretta', connConnecting: 'Connessione…', connOffline: 'Disconnesso',
    stale: 'Dati non aggiornati: ultimo aggiornamento {time} ({ago} fa)', staleNever: 'In attesa dei primi dati…',
    activeAlerts: 'Allarmi attivi', noAlerts: 'Nessun allarme attivo', acknowledge: 'Prendi in carico',
    acknowledged: 'Preso in carico da {by} alle {time}', assignedTo: 'assegnato a {to}', silenced: 'Silenziato', snoozedUntil: 'Posticipato fino alle {time}', note: 'Nota', confirm: 'Conferma', cancel: 'Annulla',
    enableSound: 'Attiva suono allarmi', soundOn: 'Suono attivo', enableNotifications: 'Attiva notifiche',
    notificationsOn: 'Notifiche attive', critical: 'Critico', warning: 'Avviso', raisedAt: 'scattato alle {time}',
    agent: 'Operatore', state: 'Stato', reason: 'Motivo', timeInState: 'Tempo nello stato', team: 'Team',
    stateAvailable: 'Disponibile', stateOnContact: 'In contatto', stateWrapUp: 'Post-chiamata', stateNotReady: 'Non pronto', stateOffline: 'Disconnesso',
    agentConflicts: 'Il centralino ha contraddetto i contatti {n} volte oggi (es. "disponibile" durante una chiamata)',
    open: 'Aperti', breached: 'Scaduti', atRisk: 'A rischio', firstResponse: 'Prima risposta in obiettivo',
    resolution: 'Risolti in obiettivo', noTickets: 'Nessun ticket o chat', language: 'Lingua', tvMode: 'Modalità TV',
    exitTv: 'Esci dalla modalità TV', page: 'Pagina {n} di {total}', shownOf: '{from}–{to} di {total}', pause: 'Ferma rotazione', resume: 'Riprendi rotazione',
    sortBy: 'Ordina per {column}', longState: 'in questo stato da molto', noData: '—', total: 'Totale',
    yourQueues: 'Le tue code: {queues}', refusedQueues: 'Questa plancia chiede code fuori dal tuo ambito: {names}. Chiedi a un amministratore, o apri la plancia senza di esse.', refusedTeams: 'Questa plancia chiede team fuori dal tuo ambito: {names}. Chiedi a un amministratore, o apri la plancia senza di essi.', sumOfShown: 'somma delle code mostrate', slNotAdditive: 'Non mostrato: il livello di servizio di più code non è una somma (ogni coda ha la sua regola sugli abbandoni)',
    value: 'valore {value}, soglia {threshold}', resolved: 'Risolti di recente',
    agentDetailOff: 'Dettaglio operatori disattivato (art. 4 dello Statuto dei lavoratori) — solo conteggi',
  },
} as const;

export type Locale = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)['en'];
