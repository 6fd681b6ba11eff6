import autocannon from 'autocannon';
import { createHmac, randomBytes } from 'node:crypto';
import { expectJournaled, freshDatabase } from '../lib/database.js';
import { coresNote, cpuMeter, startBaseline, startServer } from '../lib/processes.js';
import { atLeast, measurement, type Measurement } from '../lib/report.js';

const CONNECTIONS = 32;

/** One signed contact.queued per request, each with its own id, as a phone system's webhook sends them. */
function signedRequests(secret: string, label: string): autocannon.Request[] {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  let n = 0;
  return [{
    method: 'POST',
    path: '/api/v1/webhooks/events',
    setupRequest(req) {
      n++;
      const id = `wh-${label}-${process.pid}-${n}`;
      const body = JSON.stringify({
        specversion: '1.0', id, source: 'bench-webhook', type: 'contact.queued', time: new Date().toISOString(),
        data: { contactId: id, queueId: `q${n % 20}`, channel: 'voice' },
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
      return { ...req, body, headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` } };
    },
  }];
}

async function load(url: string, secret: string, seconds: number, label: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: signedRequests(secret, label) });
  const ok = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`webhook load: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { ok, perSecond: ok / seconds, p99: result.latency.p99 };
}

/**
 * The same load against a bare server whose only work besides parsing is Plancia's journal append (its own database):
 * how much of the gap to the bare ceiling the durable commit itself takes on this machine.
 */
async function commitFloor(secret: string, seconds: number) {
  const db = await freshDatabase('webhook_floor');
  const floor = await startBaseline('bare-commit.ts', { DATABASE_URL: db.url });
  try {
    const meter = cpuMeter(floor.child.pid!);
    const result = await load(floor.url, secret, seconds, 'floor');
    const cores = meter.cores(seconds * 1000);
    await expectJournaled(db.url, result.ok);
    return { ...result, cores };
  } finally {
    await floor.stop();
    await db.drop();
  }
}

export async function webhookIngestSuite(quick: boolean): Promise<Measurement[]> {
  const seconds = quick ? 2 : 15;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const bare = await startBaseline('bare-http.ts');
  const ceiling = await load(bare.url, secret, seconds, 'bare').finally(() => bare.stop());
  const floor = await commitFloor(secret, seconds);
  const db = await freshDatabase('webhook');
  const server = await startServer({ DATABASE_URL: db.url, PLANCIA_WEBHOOK_SECRETS: secret });
  try {
    const meter = cpuMeter(server.child.pid!);
    const ours = await load(server.url, secret, seconds, 'ours');
    const cores = meter.cores(seconds * 1000);
    await expectJournaled(db.url, ours.ok);
    return [
      measurement({
        suite: 'webhook-ingest', name: `signed webhook, 1 event/request, ${CONNECTIONS} connections`, unit: 'events/s', value: ours.perSecond,
        baseline: { name: 'bare node:http + JSON.parse', value: ceiling.perSecond },
        target: atLeast('≥ 0.6 × the bare-http ceiling', ours.perSecond, 0.6 * ceiling.perSecond),
        notes: `each answered 202 only after the durable commit, all found in the journal; ${coresNote(cores)}`,
      }),
      measurement({
        suite: 'webhook-ingest', name: `signed webhook against the durable commit alone`, unit: 'events/s', value: ours.perSecond,
        baseline: { name: 'bare node:http + JSON.parse + the journal\'s append', value: floor.perSecond },
        notes: `what Plancia adds to the commit (fastify, signature, validation, engine, push); the commit alone reaches ${(floor.perSecond / ceiling.perSecond).toFixed(2)} × the bare ceiling, p99 ${floor.p99} ms, ${coresNote(floor.cores, 'floor server')}`,
      }),
      measurement({
        suite: 'webhook-ingest', name: 'p99 latency', unit: 'ms', value: ours.p99,
        baseline: { name: 'bare node:http + JSON.parse', value: ceiling.p99 },
      }),
    ];
  } finally {
    await server.stop();
    await db.drop();
  }
}
