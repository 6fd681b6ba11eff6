import { useLocaleStore } from '../../lib/i18n/locale-store.js';

/** The notification settings' texts in English and Italian, in the board's current language. */
const NOTIFICATIONS_MESSAGES = {
  en: {
    title: 'Notifications', back: 'Back to the settings', token: 'Admin token (if not signed in)', loading: 'Loading…',
    loadError: 'Could not load: {message}', failed: 'Refused: {message}', saved: 'Saved', reload: 'Reload',
    channels: 'Channels', noChannels: 'No channel yet: alerts reach nobody off the board.',
    id: 'Id', type: 'Type', status: 'Status', actions: 'Actions', enabled: 'enabled', disabled: 'disabled: {reason}',
    webhook: 'Webhook (Standard Webhooks)', slack: 'Slack', teams: 'Microsoft Teams', pagerduty: 'PagerDuty', email: 'Email',
    url: 'URL', secret: 'Signing secret (whsec_…)', generate: 'Generate secret', routingKey: 'Routing key',
    pagerdutyUrl: 'Events API URL (optional)', to: 'Recipients (one per line or comma-separated)',
    secretKept: 'The stored secret is never shown: enter it again, or generate a new one and give it to the receiver.',
    keyKept: 'The stored routing key is never shown: enter it again.',
    newChannel: 'New channel', edit: 'Edit', cancel: 'Cancel', save: 'Save channel', delete: 'Delete', confirmDelete: 'Delete {id}?',
    yesDelete: 'Yes, delete', test: 'Send test', testing: 'Sending…', delivered: 'Delivered: the receiver accepted the test message',
    editing: 'Edit channel {id}',
    policy: 'Routing policy', noPolicy: 'No policy yet: nothing is notified until one is saved.',
    rootChannels: 'Channels for alerts no route takes', groupWait: 'Group wait (seconds)', groupInterval: 'Group interval (seconds)',
    repeatInterval: 'Repeat unacknowledged every (minutes, 0 = never)', language: 'Language of the messages',
    it: 'Italian', en: 'English', quietHours: 'Quiet hours', quietCalendar: 'Business calendar (quiet outside its opening hours)',
    none: '(none)', quietChannels: 'Channels that still get warnings in quiet hours',
    routes: 'Routes (tried in order)', routesHint: 'A list of { "match": { "severity", "queueId", "teamId", "ruleId" }, "channels": [ids], "continue": true, "escalate": [{ "afterMinutes": 10, "channels": [ids] }] }; the first that matches takes the alert unless it continues.', route: 'Route {n}', addRoute: 'Add route', removeRoute: 'Remove route',
    moveUp: 'Move up', moveDown: 'Move down', match: 'Matches', severity: 'Severity', any: 'any', critical: 'critical', warning: 'warning',
    queueId: 'Queue id', teamId: 'Team id', ruleId: 'Rule id', routeChannels: 'Channels', continue: 'Also try the routes after this one',
    escalation: 'Escalation', afterMinutes: 'Unacknowledged after (minutes)', addStep: 'Add escalation step', removeStep: 'Remove step',
    step: 'Step {n}', savePolicy: 'Save policy', noChannelToPick: 'Create a channel first.',
    deliveries: 'Deliveries', state: 'State', all: 'all', pending: 'pending', sent: 'sent', dead: 'dead', skipped: 'skipped',
    channel: 'Channel', alert: 'Alert', kind: 'Message', attempts: 'Tries', lastError: 'Last error', nextAttempt: 'Next try', created: 'Created',
    retry: 'Retry', retried: 'Queued again', noDeliveries: 'No delivery in this list',
  },
  it: {
    title: 'Notifiche', back: 'Torna alle impostazioni', token: 'Token di amministrazione (se non hai fatto l’accesso)', loading: 'Caricamento…',
    loadError: 'Caricamento non riuscito: {message}', failed: 'Rifiutato: {message}', saved: 'Salvato', reload: 'Ricarica',
    channels: 'Canali', noChannels: 'Nessun canale: gli allarmi non raggiungono nessuno fuori dalla plancia.',
    id: 'Id', type: 'Tipo', status: 'Stato', actions: 'Azioni', enabled: 'attivo', disabled: 'disattivato: {reason}',
    webhook: 'Webhook (Standard Webhooks)', slack: 'Slack', teams: 'Microsoft Teams', pagerduty: 'PagerDuty', email: 'Email',
    url: 'URL', secret: 'Segreto di firma (whsec_…)', generate: 'Genera segreto', routingKey: 'Routing key',
    pagerdutyUrl: 'URL dell’Events API (facoltativo)', to: 'Destinatari (uno per riga o separati da virgole)',
    secretKept: 'Il segreto salvato non viene mai mostrato: inseriscilo di nuovo, o generane uno nuovo e comunicalo al destinatario.',
    keyKept: 'La routing key salvata non viene mai mostrata: inseriscila di nuovo.',
    newChannel: 'Nuovo canale', edit: 'Modifica', cancel: 'Annulla', save: 'Salva canale', delete: 'Elimina', confirmDelete: 'Eliminare {id}?',
    yesDelete: 'Sì, elimina', test: 'Invia prova', testing: 'Invio…', delivered: 'Consegnato: il destinatario ha accettato il messaggio di prova',
    editing: 'Modifica il canale {id}',
    policy: 'Instradamento', noPolicy: 'Nessun instradamento: non parte alcuna notifica finché non ne salvi uno.',
    rootChannels: 'Canali per gli allarmi che nessuna regola prende', groupWait: 'Attesa di gruppo (secondi)', groupInterval: 'Intervallo di gruppo (secondi)',
    repeatInterval: 'Ripeti se non preso in carico ogni (minuti, 0 = mai)', language: 'Lingua dei messaggi',
    it: 'Italiano', en: 'Inglese', quietHours: 'Ore di quiete', quietCalendar: 'Calendario (quiete fuori dall’orario di apertura)',
    none: '(nessuno)', quietChannels: 'Canali che ricevono gli avvisi anche nelle ore di quiete',
    routes: 'Regole (provate in ordine)', routesHint: 'Un elenco di { "match": { "severity", "queueId", "teamId", "ruleId" }, "channels": [id], "continue": true, "escalate": [{ "afterMinutes": 10, "channels": [id] }] }; la prima che corrisponde prende l’allarme, salvo "continue".', route: 'Regola {n}', addRoute: 'Aggiungi regola', removeRoute: 'Rimuovi regola',
    moveUp: 'Sposta su', moveDown: 'Sposta giù', match: 'Corrisponde a', severity: 'Gravità', any: 'qualsiasi', critical: 'critico', warning: 'avviso',
    queueId: 'Id coda', teamId: 'Id team', ruleId: 'Id regola d’allarme', routeChannels: 'Canali', continue: 'Prova anche le regole successive',
    escalation: 'Escalation', afterMinutes: 'Non preso in carico dopo (minuti)', addStep: 'Aggiungi passo di escalation', removeStep: 'Rimuovi passo',
    step: 'Passo {n}', savePolicy: 'Salva instradamento', noChannelToPick: 'Crea prima un canale.',
    deliveries: 'Consegne', state: 'Stato', all: 'tutte', pending: 'in attesa', sent: 'inviate', dead: 'fallite', skipped: 'saltate',
    channel: 'Canale', alert: 'Allarme', kind: 'Messaggio', attempts: 'Tentativi', lastError: 'Ultimo errore', nextAttempt: 'Prossimo tentativo', created: 'Creata',
    retry: 'Riprova', retried: 'Rimessa in coda', noDeliveries: 'Nessuna consegna in questo elenco',
  },
} as const;

export type NotificationsKey = keyof (typeof NOTIFICATIONS_MESSAGES)['en'];
export type NotificationsText = (key: NotificationsKey, params?: Record<string, string | number>) => string;

export function notificationsText(locale: keyof typeof NOTIFICATIONS_MESSAGES): NotificationsText {
  return (key, params) => NOTIFICATIONS_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

export function useNotificationsText(): NotificationsText {
  return notificationsText(useLocaleStore((s) => s.locale));
}

/** Every key in both languages, for the test that none is missing. */
export const NOTIFICATIONS_LOCALES = NOTIFICATIONS_MESSAGES;
