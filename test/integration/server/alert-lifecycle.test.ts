import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Alert, AlertEvent, AlertStats, LiveMessage, Silence } from '@plancia/contracts';
import { backends, type TestDatabase, databaseEnv } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const TEN_MINUTES = 600_000;
const RULE = 'sales:longest-wait';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openAlerts(url: string): Promise<Alert[]> {
  return ((await (await fetch(`${url}/api/v1/snapshot`)).json()) as { alerts: Alert[] }).alerts;
}

async function post(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** A board on the plain WebSocket feed: every alert event it receives, in order. */
async function board(url: string): Promise<{ events: AlertEvent[]; close: () => void }> {
  const events: AlertEvent[] = [];
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/live`);
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as LiveMessage;
    if (message.type === 'alert') events.push(message.event);
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { events, close: () => socket.close() };
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** A caller waiting ten minutes on sales raises "Longest wait" on that queue; answers the open alert. */
async function longWait(url: string, contact: string): Promise<Alert> {
  expect((await postEvents(url, JSON.stringify([queued(contact, 'sales', Date.now() - TEN_MINUTES)]))).status).toBe(202);
  for (let i = 0; i < 50; i += 1) {
    const raised = (await openAlerts(url)).find((a) => a.ruleId === RULE);
    if (raised) return raised;
    await sleep(100);
  }
  throw new Error('no alert raised');
}

describe.each(backends)('the alert lifecycle over HTTP on $name', (backend) => {
  const servers: ServerProcess[] = [];
  let database: TestDatabase;
  afterAll(async () => {
    servers.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
    await database?.dispose();
  });
  const start = async () => {
    const server = await startServerProcess(databaseEnv(database));
    servers.push(server);
    return server;
  };
  const path = (alert: Alert, action: string) => `/api/v1/alerts/${encodeURIComponent(alert.id)}/${action}`;

  it('assigns, comments and snoozes; a restart keeps all of it; a silence marks the alert and ends', async () => {
    database = await backend.create();
    let server = await start();
    const alert = await longWait(server.url, 'w1');
    const watching = await board(server.url);

    const assigned = await post(server.url, path(alert, 'assign'), { to: 'marta', note: 'calling back' });
    expect(assigned.status).toBe(200);
    expect(((await assigned.json()) as AlertEvent)).toMatchObject({ kind: 'assigned', alert: { state: 'assigned', assignedTo: 'marta' } });
    for (const text of ['first look', 'vendor called']) expect((await post(server.url, path(alert, 'comments'), { text })).status).toBe(200);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await post(server.url, path(alert, 'snooze'), { until })).status).toBe(200);

    const tooLong = await post(server.url, path(alert, 'snooze'), { until: new Date(Date.now() + 25 * 3_600_000).toISOString() });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { message: string }).message).toMatch(/^until: /);
    expect((await post(server.url, path(alert, 'comments'), { text: '' })).status).toBe(400);
    expect((await post(server.url, '/api/v1/alerts/nope/resolve', {})).status).toBe(404);

    const silenced = await post(server.url, '/api/v1/silences', { match: { queueId: 'sales' }, endsAt: until, reason: 'maintenance' });
    expect(silenced.status).toBe(201);
    const silence = (await silenced.json()) as Silence;
    expect((await openAlerts(server.url)).find((a) => a.id === alert.id)?.silencedBy).toBe(silence.id);
    // The board heard every transition at once, then the silence's mark.
    for (let i = 0; i < 30 && !watching.events.some((e) => e.alert.silencedBy === silence.id); i += 1) await sleep(100);
    const heard = watching.events.filter((e) => e.alert.id === alert.id && e.kind !== 'updated').map((e) => e.kind);
    expect(heard, JSON.stringify(heard)).toEqual(['assigned', 'commented', 'commented', 'snoozed']);
    expect(watching.events.some((e) => e.alert.id === alert.id && e.kind === 'updated' && e.alert.silencedBy === silence.id)).toBe(true);
    watching.close();

    const before = (await openAlerts(server.url)).find((a) => a.id === alert.id)!;
    expect(before).toMatchObject({ state: 'assigned', assignedTo: 'marta', snoozedUntil: new Date(until).toISOString() });
    expect(before.comments!.map((c) => c.text)).toEqual(['calling back', 'first look', 'vendor called', expect.stringMatching(/^snoozed until /)]);
    await stop(server);

    server = await start();
    const after = (await openAlerts(server.url)).find((a) => a.id === alert.id)!;
    const { value: _v1, ...keptBefore } = before;
    const { value: _v2, ...keptAfter } = after;
    expect(keptAfter).toEqual(keptBefore);
    const listed = (await (await fetch(`${server.url}/api/v1/silences`)).json()) as { silences: Silence[] };
    expect(listed.silences.map((s) => s.id)).toEqual([silence.id]);

    const removed = await fetch(`${server.url}/api/v1/silences/${silence.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await openAlerts(server.url)).find((a) => a.id === alert.id)?.silencedBy).toBeNull();
    expect((await fetch(`${server.url}/api/v1/silences/${silence.id}`, { method: 'DELETE' })).status).toBe(404);
    await stop(server);
  }, 180_000);

  it('resolves by hand without raising the held condition again, even after a restart; history, CSV and stats tell it', async () => {
    let server = await start();
    const [alert] = (await openAlerts(server.url)).filter((a) => a.ruleId === RULE);
    const resolved = await post(server.url, path(alert!, 'resolve'), { note: 'known outage' });
    expect(resolved.status).toBe(200);
    const closed = ((await resolved.json()) as AlertEvent).alert;
    expect(closed).toMatchObject({ state: 'resolved', resolvedBy: 'anonymous', resolutionNote: 'known outage' });
    await sleep(2500);
    expect((await openAlerts(server.url)).filter((a) => a.ruleId === RULE)).toEqual([]);
    await stop(server);
    server = await start();
    await sleep(1500);
    expect((await openAlerts(server.url)).filter((a) => a.ruleId === RULE)).toEqual([]);

    const history = (await (await fetch(`${server.url}/api/v1/alerts?state=resolved&queueId=sales`)).json()) as { alerts: Alert[] };
    expect(history.alerts.map((a) => a.id)).toEqual([alert!.id]);
    expect(((await (await fetch(`${server.url}/api/v1/alerts?queueId=support`)).json()) as { alerts: Alert[] }).alerts).toEqual([]);
    expect((await fetch(`${server.url}/api/v1/alerts?state=closed`)).status).toBe(400);

    const csv = await fetch(`${server.url}/api/v1/alerts?ruleId=${RULE}`, { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).split('\n');
    const cells = lines[0]!.split(',');
    // The row's first line: every column but the last (comments, one a line) holds no comma or line break here.
    const line = lines.find((l) => l.startsWith(`${alert!.id},`))!.split(',');
    const cell = (name: string) => line[cells.indexOf(name)];
    expect(cell('id')).toBe(alert!.id);
    expect(cell('assignedTo')).toBe('marta');
    expect(cell('resolvedBy')).toBe('anonymous');
    expect(Number(cell('secondsToResolve'))).toBe(Math.round((Date.parse(closed.resolvedAt!) - Date.parse(closed.raisedAt)) / 1000));

    const stats = (await (await fetch(`${server.url}/api/v1/alerts/stats?by=rule&from=${encodeURIComponent(closed.raisedAt)}`)).json()) as AlertStats;
    const sales = stats.groups.find((g) => g.key === RULE)!;
    expect(sales).toMatchObject({ count: 1, acknowledged: 1, resolved: 1 });
    expect(sales.mttaSeconds).toBeCloseTo((Date.parse(closed.acknowledgedAt!) - Date.parse(closed.raisedAt)) / 1000, 3);
    expect(sales.mttrSeconds).toBeCloseTo((Date.parse(closed.resolvedAt!) - Date.parse(closed.raisedAt)) / 1000, 3);
    await stop(server);
  }, 180_000);
});
