/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agentState, answered, queued } from '../integration/helpers/events.js';
import { SCREENSHOTS, useBoardSession } from './board-session.js';

const QUEUES = ['q-1', 'q-2', 'q-3', 'q-4', 'q-5', 'q-6', 'q-7', 'q-8', 'q-9', 'q-10'];
const AGENTS = 150;
const SIZES = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }] as const;

/** What the current page shows, and whether anything lies outside the screen or is cut inside its tile. */
function measure(page: Page) {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.sr-only');
    };
    const texts = [...document.querySelectorAll('.tv *')].filter(
      (e) => visible(e) && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
    );
    const tiles = [...document.querySelectorAll('[data-testid^="queue-tile-"]')];
    const pieces = [...document.querySelectorAll('[data-testid^="queue-tile-"], [data-testid="agent-row"], [data-testid="alert-item"]')];
    const tv = document.querySelector('[data-testid="tv-mode"]')!;
    return {
      kind: tv.getAttribute('data-page-kind'),
      count: Number(tv.getAttribute('data-page-count')),
      scrollHeight: document.scrollingElement!.scrollHeight,
      scrollWidth: document.scrollingElement!.scrollWidth,
      smallestText: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
      smallestTextOf: texts.map((e) => `${parseFloat(getComputedStyle(e).fontSize)} ${e.tagName}.${e.className}`).sort()[0],
      headlines: [...document.querySelectorAll('[data-testid="service-level"]')].map((e) => parseFloat(getComputedStyle(e).fontSize)),
      offScreen: pieces.filter((e) => e.getBoundingClientRect().bottom > window.innerHeight).length,
      clippedTiles: tiles.filter((e) => e.scrollHeight > e.clientHeight + 1).length,
      queueIds: tiles.map((e) => e.getAttribute('data-testid')!.replace('queue-tile-', '')),
      agentNames: [...document.querySelectorAll('[data-testid="agent-row"] th')].map((e) => e.textContent),
    };
  });
}

/** The page shown and how many the rotation has now. */
const position = (page: Page) => page.locator('[data-testid="tv-mode"]').evaluate((e) => ({
  at: Number(e.getAttribute('data-page')), count: Number(e.getAttribute('data-page-count')),
}));

/**
 * One walk round the rotation from the page shown, measuring each page; null when the pages were re-cut on the way
 * (a banner such as "data stale" on a loaded machine takes room, so the same queues and agents fall on other pages).
 */
async function walkOnce(page: Page, name: string) {
  const start = await position(page);
  const pages = [await measure(page)];
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-0.png`) });
  for (let i = 1; i < start.count; i += 1) {
    await page.keyboard.press('ArrowRight');
    const next = (start.at + i) % start.count;
    // An agent page is complete once the server has sent its agents (data-page-ready).
    await page.waitForFunction(([at, count]) => {
      const tv = document.querySelector('[data-testid="tv-mode"]');
      return (Number(tv?.getAttribute('data-page')) === at && tv?.getAttribute('data-page-ready') === 'true') || Number(tv?.getAttribute('data-page-count')) !== count;
    }, [next, start.count] as const);
    if ((await position(page)).count !== start.count) return null;
    pages.push(await measure(page));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${i}.png`) });
  }
  return pages.every((shown) => shown.count === start.count) ? pages : null;
}

/** Every page of the rotation, measured, each with a screenshot named after the screen and the page. */
async function visitEveryPage(page: Page, name: string) {
  for (let attempt = 1; ; attempt += 1) {
    const pages = await walkOnce(page, name);
    if (pages) return pages;
    if (attempt === 3) throw new Error(`${name}: the pages were re-cut during each of three walks`);
  }
}

describe('TV mode on a 1920 × 1080 and a 1280 × 720 screen', () => {
  const session = useBoardSession();

  it('never scrolls, pages through every queue and every agent, large type at 1080 lines, alerts page while one is open', async () => {
    // Each queue has had a caller, answered within T: a caller left waiting would cross the default rules' 40 s
    // before a slow machine has walked every page, and the alert banner it brings would re-cut the pages mid-walk.
    const at = Date.now() - 60_000;
    await session().post(QUEUES.flatMap((q, i) => [queued(`tv-${q}`, q, at + i * 1000), answered(`tv-${q}-a`, `c-tv-${q}`, `tv-agent-${i}`, at + i * 1000 + 2000)]));
    await session().post(
      Array.from({ length: AGENTS }, (_, i) => agentState(`tv-agent-${i}`, `tv-agent-${i}`, i % 3 ? 'available' : 'not_ready', [QUEUES[i % QUEUES.length]!])),
    );
    for (const viewport of SIZES) {
      // `rotate` long enough that only the arrow keys turn the pages while measuring.
      const page = await session().openPage('/tv?rotate=600&lang=it', 'it-IT', viewport);
      await page.locator('[data-testid="queue-tile-q-10"], [data-testid="tv-mode"][data-page-count]').first().waitFor();
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="tv-mode"]')?.getAttribute('data-page-count')) > n, 2);
      const pages = await visitEveryPage(page, `tv-${viewport.width}x${viewport.height}`);
      for (const shown of pages) {
        expect(shown.scrollHeight, `${viewport.height} lines, ${shown.kind} page`).toBeLessThanOrEqual(viewport.height);
        expect(shown.scrollWidth).toBeLessThanOrEqual(viewport.width);
        expect(shown.offScreen).toBe(0);
        expect(shown.clippedTiles).toBe(0);
        if (viewport.height === 1080) {
          expect(shown.smallestText, `${shown.kind} page: ${shown.smallestTextOf}`).toBeGreaterThanOrEqual(24);
          shown.headlines.forEach((size) => expect(size).toBeGreaterThanOrEqual(72));
        }
      }
      expect(pages.flatMap((p) => p.queueIds).sort()).toEqual([...QUEUES].sort());
      const names = pages.flatMap((p) => p.agentNames);
      expect(names).toHaveLength(AGENTS);
      expect(new Set(names).size).toBe(AGENTS);
      expect(pages.some((p) => p.kind === 'alerts')).toBe(false);
      await page.context().close();
    }

    // A contact answered after 30 s against a 20 s threshold raises an alert: an alerts page joins the rotation.
    await session().post([queued('tv-slow-q', 'q-1', Date.now() - 60_000), answered('tv-slow-a', 'c-tv-slow-q', 'tv-agent-0', Date.now() - 30_000)]);
    const page = await session().openPage('/tv?rotate=600&lang=en', 'en-GB', SIZES[0]);
    await page.locator('[data-testid="alert-banner"]').waitFor({ timeout: 5000 });
    const pages = await visitEveryPage(page, 'tv-alerts');
    const alerts = pages.filter((p) => p.kind === 'alerts');
    expect(alerts.length).toBeGreaterThan(0);
    for (const shown of pages) {
      expect(shown.scrollHeight, `${shown.kind} page with an alert open`).toBeLessThanOrEqual(1080);
      expect(shown.offScreen).toBe(0);
      expect(shown.clippedTiles).toBe(0);
      expect(shown.smallestText, `${shown.kind} page: ${shown.smallestTextOf}`).toBeGreaterThanOrEqual(24);
    }
    expect(pages.flatMap((p) => p.queueIds).sort()).toEqual([...QUEUES].sort());
    await page.context().close();
  });
});
