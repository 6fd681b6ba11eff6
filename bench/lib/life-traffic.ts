import type { PlanciaEvent } from '@plancia/contracts';

const TICK_MS = 100;
/** Shares of a life after queueing: answer (or abandon, one contact in ten), hang-up and end of wrap-up. */
const ANSWER = 0.1;
const ABANDON = 0.3;
const END = 0.75;

interface Step { dueMs: number; event: PlanciaEvent }

/** The fewest agents that take lives in turn without any agent ever holding two at once (each holds one from answer to end of life). */
export function agentsForTraffic(perSecond: number, lifeSeconds: number): number {
  return Math.ceil((1 - ANSWER) * perSecond * lifeSeconds) + 1;
}

interface LifeOptions { queues: number; agents?: number; prefix: string; lifeSeconds: number }

/**
 * Complete contact lives (queued → answered → ended → completed, one in ten abandoned), each lasting `lifeSeconds`,
 * `perSecond` new lives a second over `queues` queues. Agents take lives in turn, each on one contact at a time:
 * `agents` of them, by default as few as that allows. `due(nowMs)` starts the lives of the time since the last call
 * (one call per 100 ms step) and answers the events due by `nowMs`; the clock is the caller's, real or simulated.
 */
export function lifeSchedule(perSecond: number, opts: LifeOptions) {
  const needed = agentsForTraffic(perSecond, opts.lifeSeconds);
  const agents = opts.agents ?? needed;
  if (agents < needed) throw new Error(`lifeTraffic: ${agents} agents would hold several lives at once; ${perSecond} lives/s of ${opts.lifeSeconds} s need ${needed}`);
  let lives = 0;
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
    pending.push({ dueMs: at(ANSWER), event: make('contact.answered', `${contactId}:a`, at(ANSWER), { contactId, agentId: `a${n % agents}` }) });
    pending.push({ dueMs: at(END), event: make('contact.ended', `${contactId}:e`, at(END), { contactId }) });
    pending.push({ dueMs: at(1), event: make('contact.completed', `${contactId}:c`, at(1), { contactId }) });
  };

  return {
    get lives() { return lives; },
    due(nowMs: number): PlanciaEvent[] {
      carry += (perSecond * TICK_MS) / 1000;
      for (; carry >= 1; carry--) startLife(nowMs);
      pending.sort((a, b) => a.dueMs - b.dueMs);
      const due = pending.findIndex((s) => s.dueMs > nowMs);
      return pending.splice(0, due === -1 ? pending.length : due).map((s) => s.event);
    },
  };
}

/** The lives of `lifeSchedule` posted in real time, every 100 ms until stopped. Contacts finish, so the server's steady state is flat unless something leaks. */
export function lifeTraffic(url: string, perSecond: number, opts: LifeOptions) {
  const schedule = lifeSchedule(perSecond, opts);
  let posted = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      const batch = schedule.due(started);
      if (batch.length > 0) {
        const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
        if (res.status !== 202) throw new Error(`soak traffic: ingest answered ${res.status}: ${await res.text()}`);
        posted += batch.length;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (Date.now() - started))));
    }
  })();
  loop.catch(() => undefined); // handled: stop() rethrows it
  return { async stop() { stopped = true; await loop; return { lives: schedule.lives, posted }; } };
}

/** Events a life posts on average: nine in ten have four, one in ten (abandoned) two. */
const EVENTS_PER_LIFE = 3.8;
/**
 * Half-second lives keep about 120 agents busy at 1,000 events/s. Every agent that changes rides in the next delta to
 * every board, so the agent count sets the push load: 4-second lives (1,050 agents) took event-to-screen p99 at 500
 * boards from ~430 ms to 1.6–1.9 s. See docs/performance.md.
 */
const BACKGROUND_LIFE_SECONDS = 0.5;

/** The lives of `backgroundTraffic`, for a caller that runs its own clock (the encoding suite). */
export function backgroundSchedule(eventsPerSecond: number, prefix: string) {
  return lifeSchedule(eventsPerSecond / EVENTS_PER_LIFE, { queues: 20, prefix, lifeSeconds: BACKGROUND_LIFE_SECONDS });
}

/** About `eventsPerSecond` events a second of short complete lives over 20 queues: load for the push and latency suites. */
export function backgroundTraffic(url: string, eventsPerSecond: number, prefix: string) {
  return lifeTraffic(url, eventsPerSecond / EVENTS_PER_LIFE, { queues: 20, prefix, lifeSeconds: BACKGROUND_LIFE_SECONDS });
}
