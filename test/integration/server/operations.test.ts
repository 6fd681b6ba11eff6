import { describe, expect, it } from 'vitest';
import { useServer } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';

describe('health, metrics, OpenAPI and snapshot', () => {
  const server = useServer({ PLANCIA_VIEW_TOKENS: 'viewer-0123456789abc' });

  it('reports liveness and readiness with the store kind', async () => {
    expect(await (await fetch(`${server().url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server().url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: { kind: 'pglite', reachable: true } });
  });

  it('lists an unhealthy event source in readiness without taking the server out of service', async () => {
    server().app.sourceHealth.set('asterisk', { healthy: false, detail: 'AMI login refused', at: new Date().toISOString() });
    const response = await fetch(`${server().url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', sources: { asterisk: { healthy: false, detail: 'AMI login refused' } } });
    server().app.sourceHealth.delete('asterisk');
  });

  it('counts accepted, duplicate and rejected events and commit latency in Prometheus format', async () => {
    await postEvents(server().url, JSON.stringify([queued('m1'), queued('m1')]));
    await postEvents(server().url, JSON.stringify([{ ...queued('m2'), id: '' }]));
    const response = await fetch(`${server().url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^plancia_events_accepted_total 1$/m);
    expect(text).toMatch(/^plancia_events_duplicate_total 1$/m);
    expect(text).toMatch(/^plancia_events_rejected_total 1$/m);
    expect(text).toMatch(/^plancia_journal_commit_seconds_count 1$/m);
    expect(text).toMatch(/^plancia_event_loop_lag_seconds \d/m);
  });

  it('serves an OpenAPI document generated from the contract schemas', async () => {
    const document = (await (await fetch(`${server().url}/api/v1/openapi.json`)).json()) as {
      openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/events', '/api/v1/snapshot', '/healthz', '/readyz']));
    const content = document.paths['/api/v1/events']!.post!.requestBody!.content;
    expect(Object.keys(content)).toEqual(expect.arrayContaining(['application/cloudevents+json', 'application/x-ndjson']));
    expect(JSON.stringify(content)).toContain('contact.transferred');
  });

  it('requires a view token for the snapshot and filters it to a view', async () => {
    expect((await fetch(`${server().url}/api/v1/snapshot`)).status).toBe(401);
    await postEvents(server().url, JSON.stringify([queued('v1', 'sales'), queued('v2', 'support')]));
    const response = await fetch(`${server().url}/api/v1/snapshot?queues=support`, { headers: { authorization: 'Bearer viewer-0123456789abc' } });
    expect(response.status).toBe(200);
    const snapshot = (await response.json()) as { queues: { queueId: string }[] };
    expect(snapshot.queues.map((q) => q.queueId)).toEqual(['support']);
    const bad = await fetch(`${server().url}/api/v1/snapshot?channels=fax&token=viewer-0123456789abc`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_request', details: [{ path: '/channels' }] });
  });
});
