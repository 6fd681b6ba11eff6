import { answered, queued, wireEvent } from '../integration/helpers/events.js';

/** Ten calls answered within T and six waiting 45 s: 10 ÷ 16 = 62 %, in the red band against 80 %. */
export function redQueue(queueId: string, now: number) {
  const fast = Array.from({ length: 10 }, (_, i) => [
    queued(`${queueId}-ok${i}`, queueId, now - 120_000), answered(`${queueId}-ok${i}-a`, `c-${queueId}-ok${i}`, `agent-${queueId}${i}`, now - 115_000),
  ]).flat();
  return [...fast, ...Array.from({ length: 6 }, (_, i) => queued(`${queueId}-late${i}`, queueId, now - 45_000))];
}

/** A green queue: every call answered within T. */
export function greenQueue(queueId: string, now: number) {
  return Array.from({ length: 5 }, (_, i) => [
    queued(`${queueId}-g${i}`, queueId, now - 60_000), answered(`${queueId}-g${i}-a`, `c-${queueId}-g${i}`, `agent-${queueId}${i}`, now - 55_000),
  ]).flat();
}

/**
 * Three surveys (CSAT 5, 5, 3: 67 %; resolved at first contact twice) and one caller calling twice (50 % repeats),
 * the second call `gapMinutes` after the first (a second apart by default).
 */
export function customerVoice(queueId: string, now: number, gapMinutes = 0) {
  const survey = (n: number, csat: number, resolvedFirstContact: boolean) =>
    wireEvent('survey.completed', `${queueId}-s${n}`, { queueId, csat, resolvedFirstContact }, now - 30_000);
  const call = (n: number) => wireEvent('contact.queued', `${queueId}-r${n}`, { contactId: `c-${queueId}-r${n}`, queueId, channel: 'voice', caller: '+390212345678' }, now - 98_000 - (2 - n) * (1000 + gapMinutes * 60_000));
  return [survey(1, 5, true), survey(2, 5, true), survey(3, 3, false), call(1), call(2)];
}
