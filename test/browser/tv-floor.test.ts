/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '@plancia/contracts';
import { agentState, wireEvent } from '../integration/helpers/events.js';
import { SCREENSHOTS, useBoardSession } from './board-session.js';
import { customerVoice, greenQueue, redQueue } from './floor-events.js';

const GREEN = ['q-a', 'q-b', 'q-c', 'q-d', 'q-e', 'q-f', 'q-g'];

/** The page on screen: its kind, whether anything scrolls, lies off screen or is cut, and the smallest type. */
function measure(page: Page) {
  return page.evaluate(() => {
    const tv = document.querySelector('[data-testid="tv-mode"]')!;
    const shown = (e: Element) => e.getBoundingClientRect().height > 0 && !e.closest('.sr-only');
    const texts = [...document.querySelectorAll('.tv *')].filter(
      (e) => shown(e) && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
    );
    const pieces = [...document.querySelectorAll('[data-testid^="queue-tile-"], [data-testid="agent-row"], [data-testid^="kpi-"]')];
    const cut = (e: Element) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1;
    const em = parseFloat(getComputedStyle(tv).fontSize);
    return {
      kind: tv.getAttribute('data-page-kind'),
      count: Number(tv.getAttribute('data-page-count')),
      scrollHeight: document.scrollingElement!.scrollHeight,
      scrollWidth: document.scrollingElement!.scrollWidth,
      smallestText: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
      offScreen: pieces.filter((e) => e.getBoundingClientRect().bottom > window.innerHeight).length,
      cutTiles: [...document.querySelectorAll('[data-testid^="queue-tile-"]')].filter(cut).map((e) => e.getAttribute('data-testid')),
      cutKpis: [...document.querySelectorAll('[data-testid="kpi-table"] td')].filter(cut).map((e) => e.getAttribute('data-testid')),
      // Rows are planned 1.85 em tall (tv-pages.ts): one taller would push the last off the page.
      tallRows: [...document.querySelectorAll('[data-testid="agent-row"]')].filter((e) => e.getBoundingClientRect().height > 1.85 * em).length,
      cutNames: [...document.querySelectorAll('[data-testid="agent-row"] th, [data-testid="agent-grid"] thead th')].filter(cut).map((e) => e.textContent),
      agentNames: [...document.querySelectorAll('[data-testid="agent-row"] th')].map((e) => e.textContent),
      kpiCells: [...document.querySelectorAll('[data-testid="kpi-table"] td')].map((e) => `${e.getAttribute('data-testid')} ${e.getAttribute('data-band')}`),
    };
  });
}

/** Every page of the rotation, measured; `name` names its screenshots. */
async function everyPage(page: Page, name: string, onPage?: (kind: string | null) => Promise<void>) {
  const first = await measure(page);
  const pages = [first];
  await onPage?.(first.kind);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-0.png`) });
  for (let i = 1; i < first.count; i += 1) {
    await page.keyboard.press('ArrowRight');
    // An agent page is complete once the server has sent its agents.
    await page.locator(`[data-testid="tv-mode"][data-page="${i}"][data-page-ready="true"]`).waitFor();
    const shown = await measure(page);
    pages.push(shown);
    await onPage?.(shown.kind);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${i}.png`) });
  }
  return pages;
}

function expectNoScrolling(pages: Awaited<ReturnType<typeof measure>>[], viewport: { width: number; height: number }) {
  for (const shown of pages) {
    expect(shown.scrollHeight, `${shown.kind} page`).toBeLessThanOrEqual(viewport.height);
    expect(shown.scrollWidth, `${shown.kind} page`).toBeLessThanOrEqual(viewport.width);
    expect(shown.offScreen, `${shown.kind} page`).toBe(0);
    expect(shown.cutTiles, `${shown.kind} page`).toEqual([]);
    expect(shown.cutKpis, `${shown.kind} page`).toEqual([]);
    expect(shown.tallRows, `${shown.kind} page`).toBe(0);
    expect(shown.cutNames, `${shown.kind} page`).toEqual([]);
    if (viewport.height === 1080) expect(shown.smallestText, `${shown.kind} page`).toBeGreaterThanOrEqual(24);
  }
}

async function openTv(path: string, language: 'it-IT' | 'en-GB', viewport: { width: number; height: number }, open: (p: string, l: 'it-IT' | 'en-GB', v: { width: number; height: number }) => Promise<Page>) {
  const page = await open(path, language, viewport);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="tv-mode"]')?.getAttribute('data-page-count')) > 2);
  return page;
}

describe('TV mode: the projection on tiles, the KPI pages and hundreds of agents', () => {
  const session = useBoardSession();
  const snapshotQueue = async (queueId: string) => {
    const snapshot = await (await fetch(`${session().server.url}/api/v1/snapshot`)).json() as { queues: QueueSnapshot[] };
    return snapshot.queues.find((q) => q.queueId === queueId)!;
  };

  it('shows where the interval is going on the tile of a queue that is not ok, two cells wide, without scrolling', async () => {
    const now = Date.now();
    await session().post([...redQueue('care', now), ...GREEN.flatMap((q) => greenQueue(q, now))]);
    const screens = [
      { viewport: { width: 1920, height: 1080 }, span: 'columns', language: 'en-GB' as const },
      { viewport: { width: 1280, height: 720 }, span: 'columns', language: 'it-IT' as const },
    ];
    for (const { viewport, span, language } of screens) {
      const page = await openTv(`/tv?rotate=600&lang=${language.slice(0, 2)}`, language, viewport, session().openPage);
      const care = page.locator('[data-testid="queue-tile-care"]');
      let seen = false;
      const pages = await everyPage(page, `tv-projection-${viewport.width}x${viewport.height}`, async () => {
        if (seen || (await care.count()) === 0) return;
        seen = true;
        expect(await care.getAttribute('class')).toContain(`tile--span-${span}`);
        await care.locator('[data-testid="projection"]').waitFor({ timeout: 5000 });
        const projection = (await snapshotQueue('care')).projection!;
        const none = language === 'en-GB' ? 'none: on target' : 'nessuna: in obiettivo';
        expect(await care.locator('[data-testid="answers-needed"]').textContent()).toBe(projection.answersNeeded === 0 ? none : String(projection.answersNeeded));
        expect(await care.locator('[data-testid="agents-needed"]').textContent()).toContain(`/ ${projection.agentsStaffed}`);
        expect(await care.locator('[data-testid="projection"]').isVisible()).toBe(true);
        for (const green of GREEN) {
          const tile = page.locator(`[data-testid="queue-tile-${green}"]`);
          if ((await tile.count()) > 0) expect(await tile.locator('[data-testid="projection"]').count()).toBe(0);
        }
      });
      expect(seen, `${viewport.width}×${viewport.height}: the care tile was on a page`).toBe(true);
      expectNoScrolling(pages, viewport);
      await page.context().close();
    }
  });

  it('pages the KPI table, every KPI of every queue with the board\'s bands, in Italian', async () => {
    await session().post(customerVoice('help', Date.now()));
    const board = await session().openPage('/?lang=it', 'it-IT');
    await board.locator('[data-testid="kpi-help-repeatRate"][data-band="warning"]').waitFor({ timeout: 5000 });
    const onBoard = await board.locator('[data-testid="kpi-table"] td').evaluateAll((cells) => cells.map((e) => `${e.getAttribute('data-testid')} ${e.getAttribute('data-band')}`));
    await board.context().close();

    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
      const page = await openTv('/tv?rotate=600&lang=it', 'it-IT', viewport, session().openPage);
      const pages = await everyPage(page, `tv-kpis-${viewport.width}x${viewport.height}`, async (kind) => {
        if (kind !== 'kpis') return;
        expect(await page.getByRole('heading', { name: /^Qualità ed efficienza/ }).count()).toBe(1);
      });
      expectNoScrolling(pages, viewport);
      expect(pages.flatMap((p) => p.kpiCells).sort()).toEqual([...onBoard].sort());
      const help = pages.find((p) => p.kpiCells.includes('kpi-help-csat warning'));
      expect(help?.kind).toBe('kpis');
      await page.context().close();
    }
  });

  it('pages 300 agents, some paused in one queue only or long in state, every one shown and none scrolling', async () => {
    const agents = 300;
    const at = Date.now() - 20 * 60_000;
    await session().post(Array.from({ length: agents }, (_, i) => {
      const id = `floor-agent-${String(i).padStart(3, '0')}`;
      // Every seventh agent is paused in one of its two queues only: the row lists that queue under the reason.
      if (i % 7 === 0) {
        return wireEvent('agent.state', `fa-${i}`, {
          agentId: id, state: 'available', queueIds: ['care', 'q-a'],
          memberships: [{ queueId: 'care', state: 'not_ready', reason: 'Solo care, formazione lunga' }, { queueId: 'q-a', state: 'available' }],
        }, at);
      }
      return i % 3 === 0
        ? wireEvent('agent.state', `fa-${i}`, { agentId: id, state: 'not_ready', reason: 'Pausa pranzo', queueIds: ['care'] }, at)
        : agentState(`fa-${i}`, id, 'available', [GREEN[i % GREEN.length]!], at);
    }));
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
      const page = await openTv('/tv?rotate=600&lang=en', 'en-GB', viewport, session().openPage);
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="tv-mode"]')!.getAttribute('data-page-count')) > n, 10);
      const pages = await everyPage(page, `tv-agents-${viewport.width}x${viewport.height}`);
      expectNoScrolling(pages, viewport);
      const names = pages.flatMap((p) => p.agentNames).filter((n) => n?.startsWith('floor-agent-'));
      expect(new Set(names).size).toBe(agents);
      // The server cuts the pages in name order: page after page, the names run A→Z.
      expect(names).toEqual([...names].sort());
      await page.context().close();
    }
  });

  it('fills the page it stops on with its agents when paged faster than the server takes requests (a key held down)', async () => {
    // The 300 agents of the test before: over thirty pages at 1280 × 720, each a request for its agents; twice round.
    const page = await openTv('/tv?rotate=600&lang=en', 'en-GB', { width: 1280, height: 720 }, session().openPage);
    const tv = page.locator('[data-testid="tv-mode"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="tv-mode"]')!.getAttribute('data-page-count')) > 30);
    let presses = 0;
    while (presses < 60 || (await tv.getAttribute('data-page-kind')) !== 'agents') {
      await page.keyboard.press('ArrowRight');
      presses += 1;
    }
    const stoppedOn = await tv.getAttribute('data-page');
    await page.locator(`[data-testid="tv-mode"][data-page="${stoppedOn}"][data-page-ready="true"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="agent-row"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
