import { describe, expect, it } from 'vitest';
import { backends, useServer } from '../helpers/plancia-server.js';
import { calendar, call, rule } from './fixtures.js';

describe.each(backends)('configuration API on $name', (backend) => {
  const server = useServer({}, backend);

  it('merges a partial queue body onto the defaults, answers the whole config with an ETag, and reads it back', async () => {
    const put = await call(server(), {
      method: 'PUT', url: '/api/v1/queues/sales',
      body: { name: 'Vendite', serviceLevel: { thresholdSeconds: 30, target: 0.9 } },
    });
    expect(put.status).toBe(200);
    expect(put.headers.etag).toBe('"1"');
    expect(put.headers['plancia-replayed']).toBe('0');
    expect(put.body).toMatchObject({
      queueId: 'sales', name: 'Vendite', rollingMinutes: 15,
      serviceLevel: { thresholdSeconds: 30, target: 0.9, shortAbandonSeconds: 5, abandonPolicy: 'ignore' },
    });
    const get = await call(server(), { method: 'GET', url: '/api/v1/queues/sales' });
    expect(get.headers.etag).toBe('"1"');
    expect(get.body).toEqual(put.body);
    const list = await call(server(), { method: 'GET', url: '/api/v1/queues' });
    expect(list.body).toEqual([{ config: put.body, version: 1, configured: true }]);
  });

  it('answers 400 naming the bad field and leaves the stored config alone', async () => {
    const bad = await call(server(), { method: 'PUT', url: '/api/v1/queues/sales', body: { serviceLevel: { target: 1.5 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_config');
    expect(bad.body.details).toContainEqual(expect.objectContaining({ path: '/serviceLevel/target' }));
    expect((await call(server(), { method: 'GET', url: '/api/v1/queues/sales' })).body.serviceLevel.target).toBe(0.9);
  });

  it('refuses a write with a stale If-Match with 412 and accepts the current one', async () => {
    const stale = await call(server(), { method: 'PUT', url: '/api/v1/queues/sales', body: { name: 'X' }, headers: { 'if-match': '"7"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toBe('stale_write');
    const fresh = await call(server(), { method: 'PUT', url: '/api/v1/queues/sales', body: { name: 'Sales' }, headers: { 'if-match': '"1"' } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).toBe('"2"');
  });

  it('answers 404 for an unknown id on every resource', async () => {
    for (const path of ['queues', 'calendars', 'alert-rules', 'agents']) {
      expect((await call(server(), { method: 'GET', url: `/api/v1/${path}/nope` })).status).toBe(404);
      expect((await call(server(), { method: 'DELETE', url: `/api/v1/${path}/nope` })).status).toBe(404);
    }
  });

  it('creates, lists, changes and deletes calendars, alert rules and agents', async () => {
    const cases = [
      { path: 'calendars', id: calendar.id, body: calendar, change: { name: 'Milano centro' } },
      { path: 'alert-rules', id: rule.id, body: rule, change: { threshold: 0.6 } },
      { path: 'agents', id: 'a1', body: { name: 'Giulia Rossi', teamId: 'north' }, change: { name: 'Giulia R.' } },
    ];
    for (const { path, id, body, change } of cases) {
      expect((await call(server(), { method: 'PUT', url: `/api/v1/${path}/${id}`, body })).status).toBe(200);
      const changed = await call(server(), { method: 'PUT', url: `/api/v1/${path}/${id}`, body: change, headers: { 'if-match': '"1"' } });
      expect(changed.body).toMatchObject(change);
      expect((await call(server(), { method: 'GET', url: `/api/v1/${path}` })).body).toEqual([changed.body]);
      expect((await call(server(), { method: 'DELETE', url: `/api/v1/${path}/${id}`, headers: { 'if-match': '"2"' } })).status).toBe(204);
      expect((await call(server(), { method: 'GET', url: `/api/v1/${path}/${id}` })).status).toBe(404);
    }
  });

  it('rejects an incomplete new calendar and a rule with an unknown metric naming the field', async () => {
    const calendarErrors = await call(server(), { method: 'PUT', url: '/api/v1/calendars/x', body: { name: 'X' } });
    expect(calendarErrors.status).toBe(400);
    expect(calendarErrors.body.details.map((d: { path: string }) => d.path)).toContain('/timeZone');
    const ruleErrors = await call(server(), { method: 'PUT', url: '/api/v1/alert-rules/x', body: { ...rule, metric: 'mood' } });
    expect(ruleErrors.body.details.map((d: { path: string }) => d.path)).toContain('/metric');
  });

  it('records every change in the audit log with who, before and after', async () => {
    const audit = await call(server(), { method: 'GET', url: '/api/v1/audit?limit=1000' });
    expect(audit.status).toBe(200);
    const salesChanges = audit.body.filter((e: { resource: string }) => e.resource === 'queues/sales');
    expect(salesChanges).toHaveLength(2);
    expect(salesChanges[0]).toMatchObject({ actor: 'loopback', action: 'queues.put', before: { name: 'Vendite' }, after: { name: 'Sales' } });
    expect(salesChanges[1]).toMatchObject({ before: null, after: { name: 'Vendite' } });
  });

  it('allows writes from loopback only while no admin token is configured', async () => {
    const remote = await call(server(), { method: 'PUT', url: '/api/v1/queues/sales', body: { name: 'R' }, remoteAddress: '10.1.2.3' });
    expect(remote.status).toBe(403);
    expect((await call(server(), { method: 'GET', url: '/api/v1/queues/sales', remoteAddress: '10.1.2.3' })).status).toBe(200);
  });

  it('treats a request relayed by a proxy on this machine as remote', async () => {
    const relays: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }];
    for (const headers of relays) {
      const relayed = await call(server(), { method: 'PUT', url: '/api/v1/queues/sales', body: { name: 'R' }, headers });
      expect(relayed.status).toBe(403);
    }
  });
});
