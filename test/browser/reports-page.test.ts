/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createEngine } from '@plancia/engine';
import { DEFAULT_SETTINGS, type ClosedIntervalEntry, type TimedEvent } from '@plancia/contracts';
import { queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const SOURCE = 'urn:test:acd';
const DAY_MS = 86_400_000;
// Two Mondays a week apart, from 08:00 in Rome.
const LAST_WEEK = Date.parse('2026-11-02T07:00:00.000Z');
const THIS_WEEK = Date.parse('2026-11-09T07:00:00.000Z');

function event(type: string, id: string, atMs: number, data: Record<string, unknown>): TimedEvent {
  return { specversion: '1.0', id: `${id}-${type}`, source: SOURCE, type, time: new Date(atMs).toISOString(), timeMs: atMs, data } as TimedEvent;
}

/** `count` contacts of `sales` from 09:00 Rome, one every 4 minutes, every third answered after T (20 s). */
function day(dayStart: number, count: number, tag: string): TimedEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `${tag}${i}`;
    const at = dayStart + 3_600_000 + i * 240_000;
    const answer = at + (i % 3 === 0 ? 45_000 : 8_000);
    return [
      event('contact.queued', id, at, { contactId: id, queueId: 'sales', channel: 'voice' }),
      event('contact.answered', id, answer, { contactId: id, agentId: 'a' }),
      event('contact.ended', id, answer + 90_000, { contactId: id }),
      event('contact.completed', id, answer + 120_000, { contactId: id }),
    ];
  }).flat();
}

/** The intervals a server living through the day would have stored: the engine's clock walking every 10 s. */
function closedIntervals(dayStart: number, events: TimedEvent[]): ClosedIntervalEntry[] {
  const engine = createEngine({ settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] }, dayStart);
  let next = 0;
  for (let now = dayStart; now <= dayStart + 8 * 3_600_000; now += 10_000) {
    const due: TimedEvent[] = [];
    while (next < events.length && events[next]!.timeMs <= now) due.push(events[next++]!);
    if (due.length > 0) engine.apply(due, now);
    engine.tick(now);
  }
  engine.tick(dayStart + DAY_MS);
  return engine.drainClosedIntervals().filter((i) => i.queueId === 'sales');
}

describe('the reports page', () => {
  const session = useBoardSession();

  it('draws the stored intervals beside last week, and downloads them as CSV and XLSX', async () => {
    const { store } = session().server.app;
    const today = closedIntervals(THIS_WEEK, day(THIS_WEEK, 30, 'n'));
    await store.intervals.save([...closedIntervals(LAST_WEEK, day(LAST_WEEK, 20, 'w')), ...today]);
    // A live contact puts the queue on the board, and so in the page's list.
    await session().post([queued('live-q', 'sales', Date.now())]);

    const page = await session().openPage('/?lang=en', 'en-GB');
    await page.locator('[data-testid="reports-link"]').click();
    await page.waitForURL(/\/reports\?lang=en$/);
    await page.locator('[data-testid="report-target"] option[value="queue:sales"]').waitFor({ state: 'attached', timeout: 10_000 });
    await page.locator('[data-testid="report-date"]').fill('2026-11-09');
    await page.locator('[data-testid="report-result"][data-status="loaded"]').waitFor({ timeout: 10_000 });

    // One point per stored half-hour of the day (last week's fall on the same times of day).
    const sl = page.locator('[data-testid="report-chart-service-level"]');
    await page.locator(`[data-testid="report-chart-service-level"][data-points="${today.length}"]`).waitFor({ timeout: 5_000 });
    expect(await sl.getAttribute('data-series')).toBe('serviceLevel,lastWeekServiceLevel');
    expect(await sl.locator('.report-line--current path.recharts-line-curve').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await sl.locator('.report-line--last-week path.recharts-line-curve').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await page.locator('[data-testid="report-chart-volumes"]').getAttribute('data-series')).toBe('offered,answered,abandoned,lastWeekOffered');
    expect(await page.locator('[data-testid="report-chart-times"]').getAttribute('data-series')).toBe('asa,aht,lastWeekAsa,lastWeekAht');
    expect(await page.locator('[data-testid="report-totals"] tr[data-figure="offered"] td').allTextContents()).toEqual(['30', '20']);
    // Every third answered after T: 20 of 30 met today, 13 of 20 last week.
    expect(await page.locator('[data-testid="report-totals"] tr[data-figure="serviceLevel"] td').allTextContents()).toEqual(['67%', '65%']);

    // By keyboard: focus the CSV button and press Enter.
    await page.locator('[data-testid="report-download-csv"]').focus();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(csvDownload.suggestedFilename()).toBe('plancia-intervals-sales-2026-11-08.csv');
    const csv = parse(await readFile((await csvDownload.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(csv.filter((r) => r.series === 'current').map((r) => Number(r.offered)).reduce((a, b) => a + b, 0)).toBe(30);
    expect(csv.filter((r) => r.series === 'lastWeek').map((r) => Number(r.offered)).reduce((a, b) => a + b, 0)).toBe(20);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="report-download-xlsx"]').click()]);
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile((await xlsxDownload.path())!);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(workbook.getWorksheet('Intervals')!.rowCount).toBe(csv.length + 1);

    await page.locator('[data-testid="monthly-month"]').fill('2026-11');
    await page.locator('[data-testid="monthly-lang"]').selectOption('it');
    const [monthly] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="monthly-csv"]').click()]);
    expect(monthly.suggestedFilename()).toBe('plancia-carta-dei-servizi-2026-11.csv');
    const rows = parse(await readFile((await monthly.path())!, 'utf8'), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.map((r) => [r.Mese, r.Tipo, r.Codice, r.Offerti])).toEqual([['2026-11', 'coda', 'sales', '50']]);
    await page.context().close();
  });

  it('speaks Italian and shows days', async () => {
    const page = await session().openPage('/reports?lang=it', 'it-IT');
    await page.locator('[data-testid="report-target"] option[value="queue:sales"]').waitFor({ state: 'attached', timeout: 10_000 });
    await page.locator('[data-testid="report-granularity"]').selectOption('day');
    await page.locator('[data-testid="report-date"]').fill('2026-11-09');
    await page.locator('[data-testid="report-chart-volumes"][data-points="2"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('h1').textContent()).toBe('Report');
    expect(await page.locator('[data-testid="report-chart-service-level"] figcaption').textContent()).toBe('Livello di servizio');
    // The 14 days up to the 9th hold both Mondays; the 14 days a week earlier only the 2nd.
    expect(await page.locator('[data-testid="report-totals"] tr[data-figure="offered"] td').allTextContents()).toEqual(['50', '20']);
    await page.context().close();
  });
});
