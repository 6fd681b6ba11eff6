import type { PlanciaEvent } from '@plancia/contracts';

const TICK_MS = 100;
/** Shares of a life after queueing: answer (or abandon, one contact in ten), hang-up and end of wrap-up. */
const ANSWER = 0.1;
const ABANDON = 0.3;
const END = 0.75;

interface Step { dueMs: number; event: PlanciaEvent }

/**
 * Complete contact lives in real time (queued → answered → ended → completed, one in ten abandoned), each lasting
 * `lifeSeconds`, `perSecond` new lives a second over `queues` queues and `agents` agents, posted every 100 ms until
 * stopped. Contacts finish, so the server's steady state is flat unless something leaks.
 */
export function lifeTraffic(url: string, perSecond: number, opts: { queues: number; agents: number; prefix: string; lifeSeconds: number }) {
  let lives = 0;
  let posted = 0;
  let stopped = false;
  let carry = 0;
  const pending: Step[] = [];
  const make = (type: string, id: string, atMs: number, data: Record<string, unknown>) =>
    ({ specversion: '1.0', id, source: 'bench-soak', type, time: new Date(atMs).toISOString(), data }) as PlanciaEvent;

  const startLife = (nowMs: number) => {
    const n = lives++;
    const contactId = `${opts.prefix}-${n}`;
    const at = (share: number) => nowMs + share * opts.lifeSeconds * 1000;
    pending.push({ dueMs: nowMs, event: make('contact.queued', `${contactId}:q`, nowMs, { contactId, queueId: `q${n % opts.queues}`, channel: 'voice' }) });
    if (n % 10 === 9) {
      pending.push({ dueMs: at(ABANDON), event: make('contact.abandoned', `${contactId}:x`, at(ABANDON), { contactId }) });
      return;
    }
    pending.push({ dueMs: at(ANSWER), event: make('contact.answered', `${contactId}:a`, at(ANSWER), { contactId, agentId: `a${n % opts.agents}` }) });
    pending.push({ dueMs: at(END), event: make('contact.ended', `${contactId}:e`, at(END), { contactId }) });
    pending.push({ dueMs: at(1), event: make('contact.completed', `${contactId}:c`, at(1), { contactId }) });
  };

  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      carry += (perSecond * TICK_MS) / 1000;
      for (; carry >= 1; carry--) startLife(started);
      pending.sort((a, b) => a.dueMs - b.dueMs);
      const due = pending.findIndex((s) => s.dueMs > started);
      const batch = pending.splice(0, due === -1 ? pending.length : due).map((s) => s.event);
      if (batch.length > 0) {
        const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
        if (res.status !== 202) throw new Error(`soak traffic: ingest answered ${res.status}: ${await res.text()}`);
        posted += batch.length;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (Date.now() - started))));
    }
  })();
  loop.catch(() => undefined); // handled: stop() rethrows it
  return { async stop() { stopped = true; await loop; return { lives, posted }; } };
}
