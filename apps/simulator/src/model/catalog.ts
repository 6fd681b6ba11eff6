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

/** Reasons an agent is not ready, with their relative frequency and duration range in minutes. */
export const NOT_READY_REASONS: readonly { reason: string; weight: number; minutes: readonly [number, number] }[] = [
  { reason: 'Pausa caffè', weight: 50, minutes: [4, 10] },
  { reason: 'Attività di back-office', weight: 15, minutes: [8, 20] },
  { reason: 'Riunione', weight: 10, minutes: [15, 30] },
  { reason: 'Formazione', weight: 10, minutes: [20, 45] },
  { reason: 'Affiancamento', weight: 8, minutes: [10, 25] },
  { reason: 'Problema tecnico', weight: 7, minutes: [2, 8] },
];

export const LUNCH_BREAK = { reason: 'Pausa pranzo', minutes: [30, 45] as const };

export const TICKET_CATEGORIES = ['Fatturazione', 'Guasto', 'Informazioni', 'Reclamo', 'Disdetta', 'Attivazione', 'Cambio offerta'];

export const FIRST_NAMES = [
  'Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Sara', 'Matteo', 'Valentina', 'Davide',
  'Elena', 'Andrea', 'Martina', 'Simone', 'Federica', 'Lorenzo', 'Silvia', 'Stefano', 'Paola', 'Giorgio',
];
export const SURNAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
];
