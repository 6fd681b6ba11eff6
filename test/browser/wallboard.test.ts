/// <reference lib="dom" />
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentState, answered, queued } from '../integration/helpers/events.js';
import { SCREENSHOTS, useBoardSession, waitForText } from './board-session.js';

const tile = (queueId: string, field: string) => `[data-testid="queue-tile-${queueId}"] [data-testid="${field}"]`;

/** A contact answered after 30 s against a 20 s threshold: the queue's service level drops to 0 % and alerts fire. */
function slowAnswer(queueId: string, id: string) {
  const now = Date.now();
  return [queued(`${id}-q`, queueId, now - 60_000), answered(`${id}-a`, `c-${id}-q`, `agent-${id}`, now - 30_000)];
}

describe('the wallboard in Chromium', () => {
  const session = useBoardSession();

  it('shows events posted to the ingest API on the tiles within a second', async () => {
    const page = await session().openPage('/?lang=en', 'en-GB');
    const states = ['available', 'on_contact', 'wrap_up', 'not_ready', 'available', 'on_contact'] as const;
    await session().post(states.map((state, i) => agentState(`t-agent-${i}`, `agent-${i + 1}`, state, i % 2 ? ['care'] : ['sales', 'care'])));
    await session().post([queued('t1', 'sales'), queued('t2', 'sales'), queued('t3', 'care')]);
    await waitForText(page, tile('sales', 'waiting'), '2', 1000);
    await waitForText(page, tile('care', 'waiting'), '1', 1000);
    await session().post([queued('t4', 'sales')]);
    await waitForText(page, tile('sales', 'waiting'), '3', 1000);
    await waitForText(page, '[data-testid="centre-waiting"]', '4', 1000);
    // The longest wait ticks in the browser without any message from the server.
    const first = await page.textContent(tile('sales', 'longest-wait'));
    await page.waitForFunction(([s, before]) => document.querySelector(s!)?.textContent !== before, [tile('sales', 'longest-wait'), first], { timeout: 3000 });
    await page.context().close();
  });

  it('raises a threshold alert, and an acknowledgement with a note shows on every board', async () => {
    const supervisor = await session().openPage('/?lang=en', 'en-GB');
    const wall = await session().openPage('/?lang=it', 'it-IT');
    await session().post(slowAnswer('sales', 'slow1'));
    await supervisor.locator('[data-testid="alert-banner"]').waitFor({ timeout: 5000 });
    expect(await supervisor.getAttribute('[data-testid="queue-tile-sales"]', 'data-sl-status')).toBe('bad');
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'board-en.png'), fullPage: true });
    await wall.screenshot({ path: join(SCREENSHOTS, 'board-it.png'), fullPage: true });

    const critical = supervisor.locator('[data-testid="alert-item"][data-state="raised"]').first();
    await critical.locator('[data-testid="acknowledge"]').click();
    await supervisor.fill('[data-testid="acknowledge-note"]', 'Calling in two agents from the back office');
    await supervisor.click('[data-testid="acknowledge-confirm"]');
    for (const page of [supervisor, wall]) {
      await page.locator('[data-testid="alert-acknowledged"]', { hasText: 'Calling in two agents' }).waitFor({ timeout: 5000 });
    }
    await supervisor.context().close();
    await wall.context().close();
  });

  it('warns that the data is stale when the connection drops, then resyncs from a fresh snapshot', async () => {
    const page = await session().openPage('/?lang=en', 'en-GB');
    const before = Number(await page.textContent(tile('sales', 'waiting')));
    session().proxy.cut();
    try {
      await page.locator('[data-testid="stale-banner"]').waitFor({ timeout: 8000 });
      expect(await page.textContent('[data-testid="stale-banner"]')).toMatch(/stale.*last update \d{2}:\d{2}:\d{2}/);
      await session().post([queued('while-down-1', 'sales'), queued('while-down-2', 'sales')]);
    } finally {
      session().proxy.restore();
    }
    await page.locator('[data-testid="stale-banner"]').waitFor({ state: 'detached', timeout: 20_000 });
    await waitForText(page, tile('sales', 'waiting'), String(before + 2), 5000);
    await page.context().close();
  });

  it('keeps the board on the screen when the code of its chart cannot load, and draws the chart once it can', async () => {
    const context = await session().browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Rome', viewport: { width: 1600, height: 1000 } });
    let offline = true;
    let refused = 0;
    // The network drops just as the board asks for the code it loads after its first paint.
    await context.route(/\/assets\/trend-panel-[^/]+\.js$/, (route) => {
      if (!offline) return route.continue();
      refused += 1;
      return route.abort('internetdisconnected');
    });
    const page = await session().openIn(context, '/?lang=en');
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="queue-tile-sales"]').count()).toBe(1);
    expect(await page.locator('#trend-title').count()).toBe(0);
    offline = false;
    await page.locator('#trend-title').waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('opens TV mode straight from a link, filtered, in large type, rotating its pages', async () => {
    for (const [lang, language] of [['it', 'it-IT'], ['en', 'en-GB']] as const) {
      const page = await session().openPage(`/tv?queues=sales&rotate=5&lang=${lang}`, language, { width: 1920, height: 1080 });
      await page.locator('[data-testid="tv-mode"][data-page="0"]').waitFor();
      await page.locator('[data-testid="queue-tile-sales"]').waitFor();
      expect(await page.locator('[data-testid^="queue-tile-"]').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, `tv-${lang}.png`) });
      if (lang === 'en') {
        await page.locator('[data-testid="tv-mode"][data-page="1"]').waitFor({ timeout: 8000 });
        // Over 5 s without a change: the heartbeat alone keeps a quiet board from calling itself stale.
        await page.waitForTimeout(1500);
        expect(await page.locator('[data-testid="stale-banner"]').count()).toBe(0);
      }
      await page.context().close();
    }
  });
});
