import autocannon from 'autocannon';
import { createHmac, randomBytes } from 'node:crypto';
import { freshDatabase } from './lib/database.js';
import { startServer } from './lib/processes.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
let n = 0;
const db = await freshDatabase('whprof');
const server = await startServer({ DATABASE_URL: db.url, PLANCIA_WEBHOOK_SECRETS: secret }, 120_000, ['--cpu-prof', '--cpu-prof-dir=/work/main/.prof/wh']);
const result = await autocannon({ url: server.url, connections: 32, duration: Number(process.argv[2] ?? 10), requests: [{
  method: 'POST', path: '/api/v1/webhooks/events',
  setupRequest(req) {
    n++;
    const id = `wh-${process.pid}-${n}`;
    const lean = process.env.LEAN === '1' && n % 2 === 0;
    const body = JSON.stringify(lean ? { specversion: '1.0', id, source: 'bench-webhook', type: 'contact.abandoned', time: new Date().toISOString(), data: { contactId: `wh-${process.pid}-${n - 1}` } } : { specversion: '1.0', id, source: 'bench-webhook', type: 'contact.queued', time: new Date().toISOString(), data: { contactId: id, queueId: `q${n % 20}`, channel: 'voice' } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
    return { ...req, body, headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` } };
  },
}] });
console.log('2xx', result['2xx'], 'non2xx', result.non2xx, 'rps', result['2xx'] / Number(process.argv[2] ?? 10), 'p99', result.latency.p99);
await server.stop();
await db.drop();
