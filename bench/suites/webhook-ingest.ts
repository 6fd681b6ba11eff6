import autocannon from 'autocannon';
import { createHmac, randomBytes } from 'node:crypto';
import { expectJournaled, freshDatabase } from '../lib/database.js';
import { cpuMillis, startBaseline, startServer } from '../lib/processes.js';
import { atLeast, measurement, type Measurement } from '../lib/report.js';

const CONNECTIONS = 32;

/** One signed contact.queued per request, each with its own id, as a phone system's webhook sends them. */
function signedRequests(secret: string): autocannon.Request[] {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  let n = 0;
  return [{
    method: 'POST',
    path: '/api/v1/webhooks/events',
    setupRequest(req) {
      n++;
      const id = `wh-${process.pid}-${n}`;
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

async function load(url: string, secret: string, seconds: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: signedRequests(secret) });
  const ok = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`webhook load: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { ok, perSecond: ok / seconds, p99: result.latency.p99 };
}

export async function webhookIngestSuite(quick: boolean): Promise<Measurement[]> {
  const seconds = quick ? 2 : 15;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const bare = await startBaseline('bare-http.ts');
  const ceiling = await load(bare.url, secret, seconds).finally(() => bare.stop());
  const db = await freshDatabase('webhook');
  const server = await startServer({ DATABASE_URL: db.url, PLANCIA_WEBHOOK_SECRETS: secret });
  try {
    const cpu0 = cpuMillis(server.child.pid!);
    const ours = await load(server.url, secret, seconds);
    const serverCores = (cpuMillis(server.child.pid!) - cpu0) / (seconds * 1000);
    await expectJournaled(db.url, ours.ok);
    return [
      measurement({
        suite: 'webhook-ingest', name: `signed webhook, 1 event/request, ${CONNECTIONS} connections`, unit: 'events/s', value: ours.perSecond,
        baseline: { name: 'bare node:http + JSON.parse', value: ceiling.perSecond },
        target: atLeast('≥ 0.6 × the bare-http ceiling', ours.perSecond, 0.6 * ceiling.perSecond),
        notes: `each answered 202 only after the durable commit, all found in the journal; server busy ${serverCores.toFixed(2)} cores`,
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
