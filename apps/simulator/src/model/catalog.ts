import type { ContactChannelName, TicketChannelName } from '@plancia/contracts';

/** A queue of live contacts: customers wait in it and give up when their patience runs out. */
export interface ContactQueueKind {
  kind: 'contact';
  channel: ContactChannelName;
  /** Mean talk (or chat) time, seconds; drawn log-normal. */
  talkSeconds: number;
  /** Mean wrap-up time, seconds; drawn exponential. */
  wrapUpSeconds: number;
  /** Mean customer patience, seconds; drawn exponential. */
  patienceSeconds: number;
  /** Share of answered contacts the agent moves to another queue. */
  transferShare: number;
  /** Share of completed contacts followed by a survey. */
  surveyShare: number;
}

/** A queue of asynchronous work items (email, web forms). */
export interface TicketQueueKind {
  kind: 'ticket';
  channel: TicketChannelName;
  /** Agent time spent per ticket, seconds: used to size the ticket flow to the staffing. */
  workSeconds: number;
}

export type QueueTemplate = { name: string; weight: number } & (ContactQueueKind | TicketQueueKind);

/**
 * The queues of an Italian contact centre, in the order a run takes them. `weight` is the queue's share of the
 * workload (in agent time): staff is split by it, and so is an explicit total arrival rate.
 */
export const QUEUE_CATALOG: readonly QueueTemplate[] = [
  { name: 'vendite', weight: 22, kind: 'contact', channel: 'voice', talkSeconds: 150, wrapUpSeconds: 20, patienceSeconds: 150, transferShare: 0.08, surveyShare: 0.3 },
  { name: 'assistenza', weight: 30, kind: 'contact', channel: 'voice', talkSeconds: 210, wrapUpSeconds: 30, patienceSeconds: 180, transferShare: 0.1, surveyShare: 0.3 },
  { name: 'premium', weight: 8, kind: 'contact', channel: 'voice', talkSeconds: 240, wrapUpSeconds: 30, patienceSeconds: 240, transferShare: 0.05, surveyShare: 0.4 },
  { name: 'amministrazione', weight: 10, kind: 'contact', channel: 'voice', talkSeconds: 180, wrapUpSeconds: 40, patienceSeconds: 150, transferShare: 0.06, surveyShare: 0.25 },
  { name: 'chat-web', weight: 15, kind: 'contact', channel: 'chat', talkSeconds: 240, wrapUpSeconds: 15, patienceSeconds: 120, transferShare: 0, surveyShare: 0.45 },
  { name: 'email-supporto', weight: 15, kind: 'ticket', channel: 'email', workSeconds: 420 },
  { name: 'richiamate', weight: 6, kind: 'contact', channel: 'callback', talkSeconds: 150, wrapUpSeconds: 20, patienceSeconds: 900, transferShare: 0.04, surveyShare: 0.25 },
  { name: 'whatsapp', weight: 8, kind: 'contact', channel: 'messaging', talkSeconds: 300, wrapUpSeconds: 15, patienceSeconds: 300, transferShare: 0, surveyShare: 0.4 },
  { name: 'moduli-web', weight: 8, kind: 'ticket', channel: 'web', workSeconds: 360 },
  { name: 'reclami', weight: 8, kind: 'contact', channel: 'voice', talkSeconds: 300, wrapUpSeconds: 45, patienceSeconds: 200, transferShare: 0.08, surveyShare: 0.35 },
  { name: 'recupero-crediti', weight: 6, kind: 'contact', channel: 'voice', talkSeconds: 200, wrapUpSeconds: 40, patienceSeconds: 120, transferShare: 0.05, surveyShare: 0.15 },
  { name: 'social', weight: 5, kind: 'ticket', channel: 'social', workSeconds: 240 },
];

/** A spell away from the queues: its reason, and the state the agent shows meanwhile. */
export interface Absence {
  reason: string;
  state: 'not_ready' | 'offline';
  minutes: number;
}

/**
 * Reasons an agent steps away, with their relative frequency and duration range in minutes. Short pauses are
 * `not_ready` and end well inside the default "Agent not ready too long" alert (15 min); planned activities of half an
 * hour are logged out of the queues with their reason, as a workforce plan books them, so a normal day does not
 * flag every meeting.
 */
export const AWAY_REASONS: readonly { reason: string; state: Absence['state']; weight: number; minutes: readonly [number, number] }[] = [
  { reason: 'Pausa caffè', state: 'not_ready', weight: 50, minutes: [4, 10] },
  { reason: 'Attività di back-office', state: 'not_ready', weight: 15, minutes: [5, 12] },
  { reason: 'Problema tecnico', state: 'not_ready', weight: 7, minutes: [2, 8] },
  { reason: 'Riunione', state: 'offline', weight: 10, minutes: [15, 30] },
  { reason: 'Formazione', state: 'offline', weight: 10, minutes: [20, 45] },
  { reason: 'Affiancamento', state: 'offline', weight: 8, minutes: [10, 25] },
];

export const LUNCH_BREAK = { reason: 'Pausa pranzo', state: 'offline', minutes: [30, 45] } as const;

export const TICKET_CATEGORIES = ['Fatturazione', 'Guasto', 'Informazioni', 'Reclamo', 'Disdetta', 'Attivazione', 'Cambio offerta'];

export const FIRST_NAMES = [
  'Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Sara', 'Matteo', 'Valentina', 'Davide',
  'Elena', 'Andrea', 'Martina', 'Simone', 'Federica', 'Lorenzo', 'Silvia', 'Stefano', 'Paola', 'Giorgio',
];
export const SURNAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
];
