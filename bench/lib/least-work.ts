import type { TimedEvent } from '@plancia/contracts';
import { WINDOW_FIELD_COUNT } from '@plancia/engine';

/** Sums every window keeps: the skeleton counts into as many. */
const FIELDS = WINDOW_FIELD_COUNT;
/** A fact lands in the queue's, the channel's and the centre's rolling bucket, rolling sum, interval and today. */
const SUMS_PER_FACT = 3 * 4;

interface Skeleton {
  steps: { type: string; at: number; id: string }[];
  agentId: string | null;
}

/**
 * The least any engine with the same contract does per contact event, with none of the rules: find the contact
 * by id (forget it when its life ends), keep the event's step for later reordering, count one fact into every sum
 * it feeds, and put the agent's state change on its timeline (the recent part kept). No service-level deadlines,
 * waiting lists, derivations, conflict checks or change tracking. Returns a checksum so nothing is optimised away.
 */
export function leastWork(events: readonly TimedEvent[]): number {
  const contacts = new Map<string, Skeleton>();
  const timelines = new Map<string, { at: number; type: string }[]>();
  const sums = new Float64Array(SUMS_PER_FACT * FIELDS);
  for (const e of events) {
    if (!e.type.startsWith('contact.')) continue;
    const { contactId } = e.data as { contactId: string };
    let contact = contacts.get(contactId);
    if (!contact) {
      contact = { steps: [], agentId: null };
      contacts.set(contactId, contact);
    }
    const steps = contact.steps;
    steps.push({ type: e.type, at: e.timeMs, id: e.id });
    // a count and a duration (like answered and its wait), in fields that differ by the step of the life
    const field = 2 * steps.length;
    const duration = e.timeMs - steps[0]!.at;
    for (let s = 0; s < SUMS_PER_FACT; s++) {
      sums[s * FIELDS + field]! += 1;
      sums[s * FIELDS + field + 1]! += duration;
    }
    if (e.type === 'contact.answered') contact.agentId = e.data.agentId;
    if (contact.agentId !== null) recordState(timelines, contact.agentId, e);
    if (e.type === 'contact.completed' || e.type === 'contact.abandoned') contacts.delete(contactId);
  }
  return sums.reduce((a, b) => a + b, 0);
}

function recordState(timelines: Map<string, { at: number; type: string }[]>, agentId: string, e: TimedEvent): void {
  let timeline = timelines.get(agentId);
  if (!timeline) {
    timeline = [];
    timelines.set(agentId, timeline);
  }
  timeline.push({ at: e.timeMs, type: e.type });
  if (timeline.length > 8) timeline.splice(0, 4);
}
