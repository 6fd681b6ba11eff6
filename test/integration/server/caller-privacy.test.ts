import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimedEvent } from '@plancia/contracts';
import { openStore } from '@plancia/store';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../helpers/plancia-server.js';
import { postEvents, wireEvent } from '../helpers/events.js';
import { dumpDatabase } from '../helpers/database-dump.js';
import { asPage, login } from '../session/session-client.js';
import { decodeSecret, sign } from '../../../apps/server/src/ingest/webhook-signature.js';

const NUMBER = '+390612345678';
/** The digits any copy of the number would show, with or without its prefixes. */
const DIGITS = /0612345678/;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const CONNECT_TOKEN = 'connect-forwarder-token-0123456789';
const PASSWORD = 'correct horse battery staple';
const SOURCE = 'urn:test:acd';

function signed(body: string): Record<string, string> {
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${sign(decodeSecret(SECRET), id, timestamp, body)}`,
  };
}

/** An Amazon Connect contact disconnected while queued: queued and abandoned, the caller in customerEndpoint. */
function connectAbandon(contactId: string) {
  const now = Date.now();
  return {
    'detail-type': 'Amazon Connect Contact Event',
    detail: {
      eventType: 'DISCONNECTED', contactId, channel: 'VOICE', initiationMethod: 'INBOUND',
      disconnectTimestamp: new Date(now).toISOString(),
      customerEndpoint: { address: NUMBER, type: 'TELEPHONE_NUMBER' },
      queueInfo: { queueArn: 'arn:aws:connect:eu-south-1:1:instance/i/queue/sales', enqueueTimestamp: new Date(now - 30_000).toISOString() },
    },
  };
}

async function journal(server: TestServer): Promise<TimedEvent[]> {
  const events: TimedEvent[] = [];
  await server.app.store.journal.readSince(0, (chunk) => {
    events.push(...chunk);
  });
  return events;
}

const callerOf = (events: TimedEvent[], contactId: string) =>
  events.filter((e) => (e.data as { contactId?: string }).contactId === contactId).map((e) => (e.data as { caller?: string }).caller);

describe.each(backends)('caller identifiers on $name', (backend) => {
  const env = {
    PLANCIA_CALLBACK_KEY: randomBytes(32).toString('base64'),
    PLANCIA_WEBHOOK_SECRETS: SECRET,
    PLANCIA_CONNECT_TOKENS: CONNECT_TOKEN,
    PLANCIA_ADMIN_PASSWORD: PASSWORD,
  };
  // Set by beforeAll; afterAll still runs when it failed halfway.
  let database!: TestDatabase;
  let server!: TestServer;
  const cookies: Record<string, string> = {};
  /** Every GET answer read by the suite, to be searched for the number at the end. */
  const answers: string[] = [];
  const get = async (who: string, path: string) => {
    const response = await asPage(server.url, path, cookies[who]!);
    const text = await response.text();
    answers.push(`${path} ${text}`);
    return { status: response.status, text };
  };

  beforeAll(async () => {
    database = await backend.create();
    server = await startTestServer(database, env);
  });
  afterAll(async () => {
    await (server as TestServer | undefined)?.stop().catch(() => undefined);
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('accepts data.caller over HTTP, the signed webhook and a vendor adapter, and journals only pseudonyms', { timeout: 120_000 }, async () => {
    const now = Date.now();
    const http = [
      wireEvent('contact.queued', 'cp-1', { contactId: 'c-1', queueId: 'sales', channel: 'voice', caller: NUMBER }, now - 20_000),
      wireEvent('contact.answered', 'cp-2', { contactId: 'c-1', agentId: 'ada', caller: NUMBER }, now - 10_000),
    ];
    expect((await postEvents(server.url, JSON.stringify(http))).status).toBe(202);

    const webhook = JSON.stringify([
      wireEvent('contact.queued', 'cp-3', { contactId: 'c-2', queueId: 'sales', channel: 'voice', caller: NUMBER }, now - 20_000),
      wireEvent('contact.abandoned', 'cp-4', { contactId: 'c-2', caller: NUMBER }, now - 5_000),
    ]);
    expect((await fetch(`${server.url}/api/v1/webhooks/events`, { method: 'POST', headers: signed(webhook), body: webhook })).status).toBe(202);

    const vendor = await fetch(`${server.url}/api/v1/adapters/amazon-connect`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${CONNECT_TOKEN}` }, body: JSON.stringify(connectAbandon('c-3')),
    });
    expect(vendor.status).toBeLessThan(300);

    const events = await journal(server);
    expect(events).toHaveLength(6);
    expect(JSON.stringify(events)).not.toMatch(DIGITS);
    const pseudonyms = new Set([...callerOf(events, 'c-1'), ...callerOf(events, 'c-2'), ...callerOf(events, 'c-3').filter(Boolean)]);
    // One caller, one pseudonym, whichever way the number came in; the key was generated and kept in the database.
    expect(pseudonyms.size).toBe(1);
    expect([...pseudonyms][0]).toMatch(/^cp1:db1:[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a caller the contract does not accept, without echoing it', async () => {
    const bad = `${NUMBER} ext. 12`;
    const response = await postEvents(server.url, JSON.stringify(wireEvent('contact.queued', 'cp-bad', { contactId: 'c-9', queueId: 'sales', channel: 'voice', caller: bad })));
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(DIGITS);
  });

  it('reveals a kept number to a supervisor in scope, audited, and refuses a viewer and a supervisor of other queues', async () => {
    cookies.admin = (await login(server.url, 'admin', PASSWORD)).cookie;
    for (const [username, role, queues] of [['sara', 'supervisor', []], ['vera', 'viewer', []], ['otto', 'supervisor', ['support']]] as const) {
      const created = await asPage(server.url, '/api/v1/users', cookies.admin, 'POST', { username, password: PASSWORD, role, scope: { queues, teams: [] } });
      expect(created.status).toBe(201);
      cookies[username] = (await login(server.url, username, PASSWORD)).cookie;
    }

    const path = (contactId: string, source = SOURCE) => `/api/v1/contacts/${contactId}/caller?source=${encodeURIComponent(source)}`;
    const refused = await asPage(server.url, path('c-2'), cookies.vera!);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toMatch(DIGITS);
    const outOfScope = await asPage(server.url, path('c-2'), cookies.otto!);
    expect(outOfScope.status).toBe(403);
    expect(await outOfScope.text()).not.toMatch(DIGITS);

    const revealed = await asPage(server.url, path('c-2'), cookies.sara!);
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    const body = (await revealed.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ source: SOURCE, contactId: 'c-2', caller: NUMBER, queueId: 'sales', pseudonym: expect.stringMatching(/^cp1:db1:/) });
    expect(Date.parse(body.expiresAt as string)).toBeGreaterThan(Date.now() + 71 * 3_600_000);

    // The adapter's contact too; an answered contact's number was kept from its queued event.
    expect((await asPage(server.url, path('c-3', 'amazon-connect'), cookies.sara!)).status).toBe(200);
    expect((await asPage(server.url, path('c-1'), cookies.sara!)).status).toBe(200);
    expect((await asPage(server.url, path('c-404'), cookies.sara!)).status).toBe(404);

    const audit = await get('admin', '/api/v1/audit');
    expect(audit.status).toBe(200);
    const reveals = (JSON.parse(audit.text) as Record<string, unknown>[]).filter((entry) => entry.action === 'caller.reveal');
    expect(reveals.map((entry) => [entry.actor, entry.resource])).toEqual([
      ['user:sara', 'contacts/c-1'], ['user:sara', 'contacts/c-3'], ['user:sara', 'contacts/c-2'],
    ]);
  });

  it('shows the number in no GET answer', async () => {
    const paths = ['/api/v1/snapshot', '/api/v1/audit', '/api/v1/config', '/api/v1/queues', '/api/v1/users', '/api/v1/session',
      '/api/v1/intervals?queue=sales', '/api/v1/openapi.json', '/healthz', '/readyz', '/metrics'];
    for (const path of paths) {
      const answer = await get('admin', path);
      expect(answer.status, path).toBeLessThan(500);
    }
    const snapshot = answers.find((answer) => answer.startsWith('/api/v1/snapshot '))!;
    expect(snapshot).toContain('sales');
    for (const answer of answers) expect(answer.match(DIGITS), answer.slice(0, 40)).toBeNull();
  });

  it('gives the same pseudonym after a restart, and no copy of the database holds the number', { timeout: 120_000 }, async () => {
    const before = callerOf(await journal(server), 'c-1')[0];
    await server.stop();
    // A number whose retention ran out while the server was down: the retention job deletes it at start.
    const offline = await openStore(database.options);
    await offline.callers.keepCallbacks([{
      source: SOURCE, contactId: 'c-old', tenant: 'default', queueId: 'sales', pseudonym: before!, sealed: 'cb1:expired', expiresAtMs: Date.now() - 1_000,
    }]);
    await offline.close();
    server = await startTestServer(database, env);
    const later = wireEvent('contact.queued', 'cp-5', { contactId: 'c-5', queueId: 'sales', channel: 'voice', caller: NUMBER });
    expect((await postEvents(server.url, JSON.stringify(later))).status).toBe(202);
    expect(callerOf(await journal(server), 'c-5')).toEqual([before]);
    await server.stop();

    const dump = await dumpDatabase(database);
    expect(Object.keys(dump)).toEqual(expect.arrayContaining(['event_journal', 'caller_callback', 'caller_key', 'audit_log']));
    for (const [table, rows] of Object.entries(dump)) expect(rows, table).not.toMatch(DIGITS);
    // The dump did read the rows: the journal's events are there, with their pseudonyms.
    expect(dump.event_journal).toContain(before);
    expect(dump.audit_log).toContain('caller.reveal');
    // The callbacks are there, sealed: three contacts queued or abandoned before the restart, one after; the expired
    // one is gone (the server waits for the retention job when it closes).
    expect((JSON.parse(dump.caller_callback!) as unknown[]).length).toBe(4);
    expect(dump.caller_callback).toMatch(/"sealed":"cb1:/);
    expect(dump.caller_callback).not.toContain('c-old');
    server = await startTestServer(database, env);
  });
});
