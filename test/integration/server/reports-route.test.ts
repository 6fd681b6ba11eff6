import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createEngine } from '@plancia/engine';
import {
  DEFAULT_SETTINGS, defaultQueueConfig, type AbandonPolicyName, type ClosedIntervalEntry, type ContactChannelName,
  type IntervalReport, type MonthlyReport, type QueueConfig, type TimedEvent,
} from '@plancia/contracts';
import { backends, useServer } from '../helpers/plancia-server.js';
import { asPage, login } from '../session/session-client.js';

const VIEW = 'viewer-0123456789abc';
const ADMIN = 'admin-0123456789abcdef';
const PASSWORD = 'a-long-password-42';
const SOURCE = 'urn:test:acd';
const T_MS = 20_000;
const SHORT_MS = 5_000;
// Two Mondays a week apart, from 08:00 in Rome (UTC+1 in November).
const LAST_WEEK = Date.parse('2026-11-02T07:00:00.000Z');
const THIS_WEEK = Date.parse('2026-11-09T07:00:00.000Z');
const DAY_MS = 86_400_000;

const queue = (queueId: string, channel: ContactChannelName, abandonPolicy: AbandonPolicyName, intervalMinutes: 15 | 30): QueueConfig => ({
  ...defaultQueueConfig(queueId, channel),
  intervalMinutes,
  serviceLevel: { ...defaultQueueConfig(queueId).serviceLevel, abandonPolicy },
  firstResponse: [{ seconds: 600, businessHours: false }],
  resolution: [{ seconds: 3_600, businessHours: false }],
});
const QUEUES = [queue('sales', 'voice', 'ignore', 15), queue('care', 'voice', 'negative', 30), queue('mail', 'email', 'ignore', 30)];

interface Contact { queueId: string; at: number; wait: number; answered: boolean; handle: number }
interface Ticket { queueId: string; at: number; reply: number; solve: number }

/** A known, varied day: waits on both sides of T and of the short-abandon time, from `dayStart` + 1 h for three hours. */
function dayOf(dayStart: number, seed: number): { contacts: Contact[]; tickets: Ticket[] } {
  const contacts: Contact[] = [];
  const tickets: Ticket[] = [];
  for (let i = 0; i < 60; i += 1) {
    const n = i * 7 + seed;
    const at = dayStart + 3_600_000 + i * 173_000;
    contacts.push({ queueId: i % 3 === 0 ? 'care' : 'sales', at, wait: (n * 4_111) % 45_000, answered: n % 4 !== 0, handle: 30_000 + (n % 9) * 20_000 });
    if (i % 4 === 0) tickets.push({ queueId: 'mail', at, reply: ((n % 5) + 1) * 180_000, solve: ((n % 7) + 1) * 900_000 });
  }
  return { contacts, tickets };
}

function event(type: string, id: string, atMs: number, data: Record<string, unknown>): TimedEvent {
  return { specversion: '1.0', id: `${id}-${type}`, source: SOURCE, type, time: new Date(atMs).toISOString(), timeMs: atMs, data } as TimedEvent;
}

function eventsOf(day: { contacts: Contact[]; tickets: Ticket[] }, tag: string): TimedEvent[] {
  const events = day.contacts.flatMap((c, i): TimedEvent[] => {
    const id = `${tag}-c${i}`;
    const queued = event('contact.queued', id, c.at, { contactId: id, queueId: c.queueId, channel: 'voice' });
    const end = c.at + c.wait;
    if (!c.answered) return [queued, event('contact.abandoned', id, end, { contactId: id })];
    return [queued, event('contact.answered', id, end, { contactId: id, agentId: `a${i}` }),
      event('contact.ended', id, end + c.handle, { contactId: id }), event('contact.completed', id, end + c.handle, { contactId: id })];
  });
  const tickets = day.tickets.flatMap((t, i) => {
    const id = `${tag}-t${i}`;
    return [event('ticket.created', id, t.at, { ticketId: id, queueId: t.queueId, channel: 'email' }),
      event('ticket.replied', id, t.at + t.reply, { ticketId: id, agentId: 'm' }), event('ticket.solved', id, t.at + t.solve, { ticketId: id })];
  });
  return [...events, ...tickets].sort((a, b) => a.timeMs - b.timeMs);
}

/** The engine walking through one day as the server's clock does, and the intervals it closes. */
function closedIntervals(dayStart: number, events: TimedEvent[]): ClosedIntervalEntry[] {
  const engine = createEngine({ settings: DEFAULT_SETTINGS, queues: QUEUES, calendars: [], alertRules: [], agents: [] }, dayStart);
  let next = 0;
  for (let now = dayStart; now <= dayStart + 12 * 3_600_000; now += 10_000) {
    const due: TimedEvent[] = [];
    while (next < events.length && events[next]!.timeMs <= now) due.push(events[next++]!);
    if (due.length > 0) engine.apply(due, now);
    engine.tick(now);
  }
  engine.tick(dayStart + DAY_MS);
  return engine.drainClosedIntervals();
}

/** The indicators recounted from the contacts themselves. */
function recount(contacts: readonly Contact[], policyOf: (queueId: string) => AbandonPolicyName) {
  const counted = contacts.filter((c) => c.answered || c.wait >= SHORT_MS);
  const answered = counted.filter((c) => c.answered);
  const abandoned = counted.filter((c) => !c.answered);
  const met = answered.filter((c) => c.wait <= T_MS).length;
  const denominator = counted.filter((c) => c.answered || c.wait > T_MS || policyOf(c.queueId) !== 'ignore').length;
  return {
    offered: counted.length, answered: answered.length, abandoned: abandoned.length,
    serviceLevel: met / denominator,
    asa: answered.reduce((sum, c) => sum + c.wait, 0) / 1000 / answered.length,
    abandonRate: abandoned.length / counted.length,
    aht: answered.reduce((sum, c) => sum + c.handle, 0) / 1000 / answered.length,
  };
}

const policyOf = (queueId: string) => QUEUES.find((q) => q.queueId === queueId)!.serviceLevel.abandonPolicy;

describe.each(backends)('GET /api/v1/reports on $name', (backend) => {
  const server = useServer({ PLANCIA_VIEW_TOKENS: VIEW, PLANCIA_ADMIN_TOKENS: ADMIN }, backend);
  const lastWeek = dayOf(LAST_WEEK, 3);
  const thisWeek = dayOf(THIS_WEEK, 11);
  const get = (path: string, token: string | null = VIEW, headers: Record<string, string> = {}) =>
    fetch(`${server().url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  };
  const range = (dayStart: number) => `from=${new Date(dayStart).toISOString()}&to=${new Date(dayStart + DAY_MS).toISOString()}`;

  it('stores two days of intervals computed by the engine, with the queues configured', async () => {
    const document = { queues: QUEUES, calendars: [], alertRules: [], agents: [] };
    const put = await fetch(`${server().url}/api/v1/config`, {
      method: 'PUT', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(document),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    await server().app.store.intervals.save([
      ...closedIntervals(LAST_WEEK, eventsOf(lastWeek, 'w1')), ...closedIntervals(THIS_WEEK, eventsOf(thisWeek, 'w2')),
    ]);
  });

  it('answers one queue\'s stored intervals as JSON, each as the store has it', async () => {
    const stored = await server().app.store.intervals.list('sales', THIS_WEEK, THIS_WEEK + DAY_MS);
    const report = await json<IntervalReport>(`/api/v1/reports/intervals?queueId=sales&${range(THIS_WEEK)}`);
    expect(report.scope).toEqual({ kind: 'queue', id: 'sales', queueIds: ['sales'] });
    expect(report.current.rows.map((r) => [r.start, r.minutes, r.offered, r.answered, r.abandoned]))
      .toEqual(stored.map((i) => [i.intervalStart, 15, i.metrics.offered, i.metrics.answered, i.metrics.abandoned]));
    report.current.rows.forEach((row, i) => {
      expect(row.serviceLevel).toBe(stored[i]!.metrics.serviceLevel);
      if (row.asa !== null) expect(row.asa).toBeCloseTo(stored[i]!.metrics.asa!, 9);
    });
  });

  it('sums a day, half-hours and a channel from the stored intervals, equal to a recount of the contacts', async () => {
    const sales = thisWeek.contacts.filter((c) => c.queueId === 'sales');
    const byDay = await json<IntervalReport>(`/api/v1/reports/intervals?queueId=sales&granularity=day&${range(THIS_WEEK)}`);
    expect(byDay.current.rows).toHaveLength(1);
    expect(byDay.current.rows[0]).toMatchObject({ day: '2026-11-09', minutes: 24 * 60, start: '2026-11-08T23:00:00.000Z' });
    const expected = recount(sales, policyOf);
    expect(byDay.current.rows[0]).toMatchObject({ offered: expected.offered, answered: expected.answered, abandoned: expected.abandoned });
    for (const key of ['serviceLevel', 'asa', 'abandonRate', 'aht'] as const) expect(byDay.current.rows[0]![key]).toBeCloseTo(expected[key], 9);

    const halves = await json<IntervalReport>(`/api/v1/reports/intervals?queueId=sales&granularity=30&${range(THIS_WEEK)}`);
    expect(halves.current.rows.every((r) => r.minutes === 30 && new Date(r.start).getUTCMinutes() % 30 === 0)).toBe(true);
    expect(halves.current.rows.reduce((sum, r) => sum + r.offered, 0)).toBe(expected.offered);
    expect(halves.current.total.serviceLevel).toBeCloseTo(expected.serviceLevel, 9);

    // The channel mixes two abandon policies: the sum of each queue's own numerators and denominators.
    const voice = await json<IntervalReport>(`/api/v1/reports/intervals?channel=voice&granularity=day&${range(THIS_WEEK)}`);
    expect(voice.scope.queueIds).toEqual(['care', 'sales']);
    const both = recount(thisWeek.contacts, policyOf);
    expect(voice.current.total.offered).toBe(both.offered);
    expect(voice.current.total.serviceLevel).toBeCloseTo(both.serviceLevel, 9);
    expect(voice.current.total.asa).toBeCloseTo(both.asa, 9);
  });

  it('puts the same weekday of last week beside today', async () => {
    const report = await json<IntervalReport>(`/api/v1/reports/intervals?queueId=care&granularity=day&compare=lastWeek&${range(THIS_WEEK)}`);
    expect(report.lastWeek?.from).toBe(new Date(LAST_WEEK).toISOString());
    expect(report.lastWeek?.rows.map((r) => r.day)).toEqual(['2026-11-02']);
    const care = recount(lastWeek.contacts.filter((c) => c.queueId === 'care'), policyOf);
    expect(report.lastWeek?.total.offered).toBe(care.offered);
    expect(report.lastWeek?.total.serviceLevel).toBeCloseTo(care.serviceLevel, 9);
  });

  it('downloads the same rows as CSV (format or Accept) and XLSX, in English and Italian', async () => {
    const path = `/api/v1/reports/intervals?queueId=sales&granularity=30&compare=lastWeek&${range(THIS_WEEK)}`;
    const report = await json<IntervalReport>(path);
    const rows = [...report.current.rows, ...report.lastWeek!.rows];

    const csvResponse = await get(`${path}&format=csv`);
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csvResponse.headers.get('content-disposition')).toMatch(/attachment; filename="plancia-intervals-sales-.*\.csv"/);
    const csv = parse(await csvResponse.text(), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.series, r.start, Number(r.offered), Number(r.answered)]))
      .toEqual(rows.map((r, i) => [i < report.current.rows.length ? 'current' : 'lastWeek', r.start, r.offered, r.answered]));
    const fourDecimals = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);
    expect(csv.map((r) => (r.serviceLevel === '' ? null : Number(r.serviceLevel)))).toEqual(rows.map((r) => fourDecimals(r.serviceLevel)));
    expect(await (await get(path, VIEW, { accept: 'text/csv' })).text()).toBe(await (await get(`${path}&format=csv`)).text());

    const italian = parse(await (await get(`${path}&format=csv&lang=it`)).text(), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(Object.keys(italian[0]!)).toEqual(expect.arrayContaining(['Serie', 'Inizio', 'Offerti', 'Livello di servizio', 'Tempo medio di risposta (s)']));
    expect(italian.at(-1)!.Serie).toBe('settimana precedente');

    const xlsxResponse = await get(`${path}&format=xlsx&lang=it`);
    expect(xlsxResponse.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
    const sheet = workbook.getWorksheet('Intervalli')!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (heading: string) => headings.indexOf(heading) + 1;
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((row, i) => {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(column('Inizio')).value).toBe(row.start);
      expect(cells.getCell(column('Offerti')).value).toBe(row.offered);
      expect(cells.getCell(column('Livello di servizio')).value).toBe(row.serviceLevel);
    });
  });

  it('exports the Carta dei Servizi indicators per month, queue and channel, equal to a recount', async () => {
    const report = await json<MonthlyReport>('/api/v1/reports/monthly?from=2026-11');
    const all = [...lastWeek.contacts, ...thisWeek.contacts];
    const row = (kind: string, id: string) => report.rows.find((r) => r.kind === kind && r.id === id)!;
    for (const [kind, id, contacts] of [
      ['queue', 'sales', all.filter((c) => c.queueId === 'sales')], ['queue', 'care', all.filter((c) => c.queueId === 'care')], ['channel', 'voice', all],
    ] as const) {
      const expected = recount(contacts, policyOf);
      expect(row(kind, id)).toMatchObject({ month: '2026-11', offered: expected.offered, answered: expected.answered, abandoned: expected.abandoned });
      for (const key of ['serviceLevel', 'asa', 'abandonRate'] as const) expect(row(kind, id)[key], `${id} ${key}`).toBeCloseTo(expected[key], 9);
    }
    const tickets = [...lastWeek.tickets, ...thisWeek.tickets];
    expect(row('queue', 'mail')).toMatchObject({
      firstResponses: tickets.length, firstResponsesInTarget: tickets.filter((t) => t.reply <= 600_000).length,
      solved: tickets.length, solvedInTarget: tickets.filter((t) => t.solve <= 3_600_000).length,
    });
    expect(row('channel', 'email').resolutionAttainment).toBeCloseTo(tickets.filter((t) => t.solve <= 3_600_000).length / tickets.length, 9);

    const xlsx = await get('/api/v1/reports/monthly?from=2026-11&format=xlsx&lang=it');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Carta dei servizi')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Mese', 'Tipo', 'Codice', 'Nome']);
    expect(sheet.rowCount).toBe(report.rows.length + 1);
    const csv = parse(await (await get('/api/v1/reports/monthly?from=2026-11&format=csv')).text(), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.kind, r.id, Number(r.offered)])).toEqual(report.rows.map((r) => [r.kind, r.id, r.offered]));
  });

  it('refuses bad input naming the field, and a viewer without a token', async () => {
    const expectBad = async (path: string, field: string) => {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(field);
    };
    await expectBad(`/api/v1/reports/intervals?${range(THIS_WEEK)}`, 'queueId');
    await expectBad(`/api/v1/reports/intervals?queueId=sales&channel=voice`, 'queueId');
    await expectBad(`/api/v1/reports/intervals?queueId=sales&granularity=7`, 'granularity');
    await expectBad(`/api/v1/reports/intervals?queueId=sales&from=2026-11-09T10:00:00Z&to=2026-11-09T09:00:00Z`, 'from');
    await expectBad(`/api/v1/reports/intervals?queueId=sales&from=2026-01-01T00:00:00Z&to=2026-03-09T09:00:00Z`, 'from');
    await expectBad(`/api/v1/reports/monthly?from=2026-13`, 'from');
    await expectBad(`/api/v1/reports/monthly?from=2026-11&to=2026-10`, 'to');
    expect((await get(`/api/v1/reports/intervals?queueId=sales`, null)).status).toBe(401);
  });

  it('answers 403 naming the field for a queue outside a scoped user\'s reach, and leaves it out of a channel and a month', async () => {
    const created = await fetch(`${server().url}/api/v1/users`, {
      method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sam', role: 'supervisor', password: PASSWORD, scope: { queues: ['sales'], teams: [] } }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { cookie } = await login(server().url, 'sam', PASSWORD);
    const refused = await asPage(server().url, '/api/v1/reports/intervals?queueId=care', cookie);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'forbidden', message: expect.stringMatching(/^queueId: /) });
    expect((await asPage(server().url, '/api/v1/reports/monthly?from=2026-11&queueId=care', cookie)).status).toBe(403);
    const voice = (await (await asPage(server().url, `/api/v1/reports/intervals?channel=voice&granularity=day&${range(THIS_WEEK)}`, cookie)).json()) as IntervalReport;
    expect(voice.scope.queueIds).toEqual(['sales']);
    expect(voice.current.total.offered).toBe(recount(thisWeek.contacts.filter((c) => c.queueId === 'sales'), policyOf).offered);
    const month = (await (await asPage(server().url, '/api/v1/reports/monthly?from=2026-11', cookie)).json()) as MonthlyReport;
    expect(month.rows.map((r) => `${r.kind}:${r.id}`)).toEqual(['queue:sales', 'channel:voice']);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await (await fetch(`${server().url}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/reports/intervals', '/api/v1/reports/monthly']));
  });
});
