import type { PlanciaEvent } from '@plancia/contracts';

/**
 * Reference service level computed straight from the events, independent of the engine: answered within T ÷
 * (answered + abandoned after the short-abandon time), each contact counted in the queue it waited in.
 */
export function referenceServiceLevel(events: Iterable<PlanciaEvent>, fromMs: number, toMs: number, thresholdMs = 20_000, shortMs = 5_000) {
  const entered = new Map<string, number>();
  let met = 0;
  let answered = 0;
  let abandoned = 0;
  for (const event of events) {
    const time = Date.parse(event.time);
    if (event.type === 'contact.queued') entered.set(event.data.contactId, time);
    else if (event.type === 'contact.transferred') entered.set(event.data.contactId, time);
    else if (event.type === 'contact.answered' || event.type === 'contact.abandoned') {
      const since = entered.get(event.data.contactId);
      if (since === undefined || since < fromMs || since >= toMs) continue;
      const wait = time - since;
      if (event.type === 'contact.answered') {
        answered++;
        if (wait <= thresholdMs) met++;
      } else if (wait > shortMs) abandoned++;
    }
  }
  return { met, answered, abandoned, serviceLevel: met / (answered + abandoned) };
}
