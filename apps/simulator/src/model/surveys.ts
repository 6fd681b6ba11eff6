import type { Contact } from './queue-state.js';
import type { World } from './world.js';

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

/**
 * Post-contact survey, a minute or two after the contact. Satisfaction drops with the wait and with being
 * transferred, so the scores move with the service the board shows.
 */
export function scheduleSurvey(world: World, contact: Contact, share: number): void {
  const { random } = world;
  if (!random.chance(share)) return;
  const waitPenalty = Math.min(0.45, contact.waitedSeconds / 150);
  // Served at once, about 99 % answer 4 or 5, so even the first dozen surveys of a good day stay clear of the 90 % CSAT
  // alert; waits and transfers pull it down.
  const satisfaction = Math.min(1, Math.max(0, 0.92 + 0.08 * random.normal() - waitPenalty - (contact.transferred ? 0.1 : 0)));
  const scores = {
    contactId: contact.id,
    queueId: contact.queue.id,
    csat: clamp(1 + 4 * satisfaction, 1, 5),
    nps: clamp(10 * satisfaction + random.normal(), 0, 10),
    ces: clamp(7 - 6 * satisfaction + 0.7 * random.normal(), 1, 7),
    resolvedFirstContact: !contact.transferred && random.chance(0.55 + 0.4 * satisfaction),
  };
  world.after(random.between(30, 180), () => world.emit('survey.completed', scores));
}

/** Survey after a solved ticket, attributed to its queue. */
export function scheduleTicketSurvey(world: World, queueId: string, reopened: boolean): void {
  const { random } = world;
  if (!random.chance(0.2)) return;
  const satisfaction = Math.min(1, Math.max(0, 0.86 + 0.15 * random.normal() - (reopened ? 0.25 : 0)));
  const scores = {
    queueId,
    csat: clamp(1 + 4 * satisfaction, 1, 5),
    ces: clamp(7 - 6 * satisfaction + 0.7 * random.normal(), 1, 7),
    resolvedFirstContact: !reopened && random.chance(0.5 + 0.4 * satisfaction),
  };
  world.after(random.between(600, 3600), () => world.emit('survey.completed', scores));
}
