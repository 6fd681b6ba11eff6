import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Handover, ShiftLog, ShiftNote } from '@plancia/contracts';
import { useServer } from '../helpers/plancia-server.js';
import { postEvents, queued } from '../helpers/events.js';
import { asPage, login } from '../session/session-client.js';

const ADMIN_PASSWORD = 'admin-password-0123';
const PASSWORD = 'a-long-password-42';
const PRIVACY = { agentDetail: 'named', agreement: 'Accordo sindacale 2026/1' };

describe('the shift log', () => {
  const server = useServer({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_LOGIN_RATE_LIMIT: '100' });
  const cookies: Record<string, string> = {};
  const as = (who: string, path: string, method = 'GET', body?: unknown) => asPage(server().url, path, cookies[who]!, method, body);
  const notesOf = async (who: string, query = '') => ((await (await as(who, `/api/v1/shift-log${query}`)).json()) as ShiftLog).notes;

  it('sets up a tenant with an unscoped and a scoped supervisor, a viewer, and a waiting caller that raises an alert', async () => {
    cookies.admin = (await login(server().url, 'admin', ADMIN_PASSWORD)).cookie;
    expect((await as('admin', '/api/v1/tenants/acme', 'PUT', { name: 'Acme', queues: ['acme-sales', 'acme-care'], teams: [], privacy: PRIVACY })).status).toBe(201);
    const users = [
      { username: 'anna', role: 'supervisor', tenant: 'acme' },
      { username: 'sam', role: 'supervisor', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } },
      { username: 'vic', role: 'viewer', tenant: 'acme' },
    ];
    for (const user of users) {
      expect((await as('admin', '/api/v1/users', 'POST', { ...user, password: PASSWORD })).status).toBe(201);
      cookies[user.username] = (await login(server().url, user.username, PASSWORD)).cookie;
    }
    // Waiting a minute against the default T = 20 s: the default rule raises "Longest wait above 2 × T" on acme-care.
    expect((await postEvents(server().url, JSON.stringify([queued('s1', 'acme-care', Date.now() - 60_000)]))).status).toBe(202);
  });

  it('writes notes under the writer\'s name, tied to a queue or an alert in scope', async () => {
    const general = await as('sam', '/api/v1/shift-log', 'POST', { text: 'Quiet start; two agents late' });
    expect(general.status).toBe(201);
    expect(await general.json()).toMatchObject({ author: 'user:sam', text: 'Quiet start; two agents late', alertId: null, queueId: null });
    expect((await as('sam', '/api/v1/shift-log', 'POST', { text: 'Sales: campaign at 10', queueId: 'acme-sales' })).status).toBe(201);

    const outside = await as('sam', '/api/v1/shift-log', 'POST', { text: 'Care?', queueId: 'acme-care' });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { message: string }).message).toBe('queueId: outside your scope: acme-care');

    const handover = async (who: string) => (await (await as(who, '/api/v1/shift-log/handover?hours=2')).json()) as Handover;
    await expect.poll(async () => (await handover('anna')).openAlerts.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const alert = (await handover('anna')).openAlerts[0]!;
    expect(alert.scope).toMatchObject({ kind: 'queue', id: 'acme-care' });
    const aboutAlert = await as('anna', '/api/v1/shift-log', 'POST', { text: '=Called the care team lead, "on it"', alertId: alert.id });
    expect(aboutAlert.status).toBe(201);
    expect(await aboutAlert.json()).toMatchObject({ alertId: alert.id, author: 'user:anna' });
    // The alert is on a queue outside sam's scope: as unknown to him as one that never was.
    expect((await as('sam', '/api/v1/shift-log', 'POST', { text: 'x', alertId: alert.id })).status).toBe(404);
    expect((await as('sam', '/api/v1/shift-log/handover')).status).toBe(200);
    expect((await handover('sam')).openAlerts).toEqual([]);
  });

  it('lists notes newest first, each reader only what it sees, and refuses viewers and bad input', async () => {
    expect((await notesOf('anna')).map((note) => note.text)).toEqual(['=Called the care team lead, "on it"', 'Sales: campaign at 10', 'Quiet start; two agents late']);
    expect((await notesOf('sam')).map((note) => note.text)).toEqual(['Sales: campaign at 10', 'Quiet start; two agents late']);
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(await notesOf('anna', `?from=${encodeURIComponent(later)}&to=${encodeURIComponent(new Date(Date.now() + 120_000).toISOString())}`)).toEqual([]);
    expect((await as('vic', '/api/v1/shift-log')).status).toBe(403);
    expect((await as('vic', '/api/v1/shift-log', 'POST', { text: 'hi' })).status).toBe(403);
    const long = await as('anna', '/api/v1/shift-log', 'POST', { text: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('/text');
    const range = await as('anna', '/api/v1/shift-log?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z');
    expect(range.status).toBe(400);
    expect(await range.text()).toContain('from');
  });

  it('exports the notes as CSV a spreadsheet reads back, by query or by Accept', async () => {
    const response = await as('anna', '/api/v1/shift-log?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await response.text(), { columns: true }) as Record<keyof ShiftNote, string>[];
    const notes = await notesOf('anna');
    expect(rows.map((row) => row.text)).toEqual(["'=Called the care team lead, \"on it\"", 'Sales: campaign at 10', 'Quiet start; two agents late']);
    expect(rows.map((row) => [row.at, row.author, row.alertId, row.queueId])).toEqual(notes.map((note) => [note.at, note.author, note.alertId ?? '', note.queueId ?? '']));
    const byAccept = await fetch(`${server().url}/api/v1/shift-log`, { headers: { cookie: cookies.anna!, accept: 'text/csv' } });
    expect(byAccept.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('exports the handover file: the alert history and the notes in one CSV, oldest first, each reader its scope', async () => {
    const handoverOf = async (who: string, query = '') => {
      const response = await as(who, `/api/v1/shift-log/export${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      return parse(await response.text(), { columns: true }) as Record<string, string>[];
    };
    // The raise is written to the alert history after the board shows it: the file is read once the history has it.
    const history = async () => ((await (await as('anna', '/api/v1/alerts')).json()) as { alerts: { id: string; raisedAt: string }[] }).alerts;
    await expect.poll(async () => (await history()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const alerts = await history();
    const rows = await handoverOf('anna');
    expect(rows.filter((row) => row.record === 'alert').map((row) => row.alertId).sort()).toEqual(alerts.map((a) => a.id).sort());
    expect(rows.filter((row) => row.record === 'note').map((row) => row.text).reverse()).toEqual((await notesOf('anna')).map((n) => n.text.startsWith('=') ? `'${n.text}` : n.text));
    const times = rows.map((row) => Date.parse(row.at!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const care = rows.find((row) => row.record === 'alert')!;
    expect(care).toMatchObject({ queueId: 'acme-care', state: expect.any(String), severity: expect.any(String) });
    // sam sees neither the care queue's alert nor the note about it.
    const sams = await handoverOf('sam');
    expect(sams.filter((row) => row.record === 'alert')).toEqual([]);
    expect(sams.map((row) => row.text)).toEqual(['Quiet start; two agents late', 'Sales: campaign at 10']);
    expect((await as('vic', '/api/v1/shift-log/export')).status).toBe(403);
    const bad = await as('anna', '/api/v1/shift-log/export?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('from');
  });
});
