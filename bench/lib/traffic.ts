import type { PlanciaEvent } from '@plancia/contracts';

/** Posts a steady stream of contact lives to a running server until stopped; events carry the current time. */
export function steadyTraffic(url: string, eventsPerSecond: number, prefix: string) {
  let n = 0;
  let stopped = false;
  const tickMs = 50;
  const perTick = Math.max(1, Math.round((eventsPerSecond * tickMs) / 1000));
  const next = (): PlanciaEvent => {
    const i = n++;
    const contactId = `${prefix}-${i >> 1}`;
    const time = new Date().toISOString();
    // Alternate queued and answered so queues keep moving.
    return i % 2 === 0
      ? { specversion: '1.0', id: `${contactId}:q`, source: 'bench-traffic', type: 'contact.queued', time, data: { contactId, queueId: `q${(i >> 1) % 20}`, channel: 'voice' } }
      : { specversion: '1.0', id: `${contactId}:a`, source: 'bench-traffic', type: 'contact.answered', time, data: { contactId, agentId: `a${(i >> 1) % 100}` } };
  };
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      const body = Array.from({ length: perTick }, next);
      await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await new Promise((r) => setTimeout(r, Math.max(0, tickMs - (Date.now() - started))));
    }
  })();
  return { async stop() { stopped = true; await loop; return n; } };
}
