/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { createEngine } from '@plancia/engine';
import type { TimedEvent } from '@plancia/contracts';
import { engineConfigOf } from '../../apps/server/src/config-api/engine-config.js';
import { answered, queued } from '../integration/helpers/events.js';
import { useBoardSession, type BoardSession } from './board-session.js';

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;

/** Four contacts in the interval starting at `startMs`: the first `late` of them answered after 60 s, the rest after 5 s (T is 20 s). */
function contacts(prefix: string, startMs: number, late: number) {
  return Array.from({ length: 4 }, (_, i) => {
    const at = startMs + 5 * MINUTE + i * MINUTE;
    return [queued(`${prefix}${i}-q`, 'sales', at), answered(`${prefix}${i}-a`, `c-${prefix}${i}-q`, `agent-${prefix}${i}`, at + (i < late ? 60_000 : 5_000))];
  }).flat();
}

/**
 * What a server running through those half-hours would have stored: the journal replayed by the engine with its clock
 * walking in event time, the intervals it closes saved through the store. (A server started now replays at the
 * current time, so half-hours it did not live through never close in it.)
 */
async function storeIntervalsAsLived(session: BoardSession, fromMs: number) {
  const { store } = session.server.app;
  const journal: TimedEvent[] = [];
  await store.journal.readSince(fromMs, (events) => void journal.push(...events));
  const engine = createEngine(engineConfigOf(await store.config.exportAll()).config, fromMs);
  for (const event of journal.sort((a, b) => a.timeMs - b.timeMs)) {
    engine.tick(event.timeMs);
    engine.apply([event], event.timeMs);
  }
  engine.tick(Date.now());
  const closed = engine.drainClosedIntervals().filter((interval) => interval.queueId === 'sales');
  await store.intervals.save(closed);
  return closed;
}

describe('the trend chart', () => {
  const session = useBoardSession();

  it('shows the closed intervals the server has as soon as the page loads, with no time label twice', async () => {
    const now = Date.now();
    const current = Math.floor(now / HALF_HOUR) * HALF_HOUR;
    // Two half-hours that closed well over the grace period ago, both inside the chart's two hours.
    const first = current - 3 * HALF_HOUR;
    const second = current - 2 * HALF_HOUR;
    await session().post([...contacts('h1-', first, 0), ...contacts('h2-', second, 2)]);
    const closed = await storeIntervalsAsLived(session(), first - HALF_HOUR);
    expect(closed.map((i) => [Date.parse(i.intervalStart), i.metrics.serviceLevel])).toEqual([[first, 1], [second, 0.5]]);

    const page = await session().openPage('/?lang=en', 'en-GB');
    const chart = page.locator('[data-testid="trend-chart"]');
    // No live sample needed: the history is there within moments of the board connecting.
    await page.locator('[data-testid="trend-chart"][data-intervals="2"]').waitFor({ timeout: 3000 });
    expect(await chart.locator('[data-testid="trend-intervals"] li').allTextContents()).toEqual([
      expect.stringMatching(/^\d\d:\d\d–\d\d:\d\d: 100%$/), expect.stringMatching(/^\d\d:\d\d–\d\d:\d\d: 50%$/),
    ]);
    expect(await chart.locator('.trend__intervals path.recharts-line-curve').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);

    const labels = await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(new Set(labels).size).toBe(labels.length);
    await page.context().close();
  });
});
