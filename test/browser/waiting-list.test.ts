/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answered, wireEvent } from '../integration/helpers/events.js';
import { useBoardSession, waitForText } from './board-session.js';

/** m:ss or h:mm:ss as seconds. */
const seconds = (text: string) => text.replace(/[^\d:]/g, '').split(':').reduce((total, part) => total * 60 + Number(part), 0);
const rows = (page: Page) => page.locator('[data-testid="waiting-row"]');
const column = (page: Page, testId: string) => page.locator(`[data-testid="waiting-row"] [data-testid="${testId}"]`).allTextContents();
const waiting = (id: string, queueId: string, atMs: number, extra: Record<string, unknown> = {}) =>
  wireEvent('contact.queued', id, { contactId: `c-${id}`, queueId, channel: 'voice', ...extra }, atMs);

describe('the waiting list', () => {
  const session = useBoardSession();

  it('lists who waits, the longest on top, with the order of service, the VIP flag and a caller tag; waits tick; leaving removes a row', async () => {
    const now = Date.now();
    const number = '+390612345678';
    await session().post([
      waiting('wl-1', 'sales', now - 90_000, { caller: number }),
      waiting('wl-2', 'sales', now - 30_000, { priority: 5, vip: true }),
      waiting('wl-3', 'care', now - 10_000),
    ]);
    const page = await session().openPage('/?lang=en', 'en-GB');
    await page.locator('[data-testid="waiting-row"][data-contact="c-wl-3"]').waitFor();
    expect(await rows(page).evaluateAll((list) => list.map((r) => r.getAttribute('data-contact')))).toEqual(['c-wl-1', 'c-wl-2', 'c-wl-3']);
    // In sales the VIP with priority 5 is served first although it waited less.
    expect(await column(page, 'waiting-position')).toEqual(['2', '1', '1']);
    expect(await page.locator('[data-testid="waiting-row"][data-contact="c-wl-2"] [data-testid="waiting-vip"]').count()).toBe(1);
    expect(await page.locator('[data-testid="waiting-vip"]').count()).toBe(1);
    // The caller shows as a short tag of its pseudonym, never as the number.
    const text = await page.locator('[data-testid="waiting-list"]').textContent();
    expect(text).not.toContain('0612345678');
    expect((await page.locator('[data-testid="waiting-row"][data-contact="c-wl-1"] .waiting-list__caller').textContent())!.length).toBe(8);

    const waits = (await column(page, 'waiting-wait')).map(seconds);
    expect(waits[0]).toBeGreaterThanOrEqual(90);
    expect(waits).toEqual([...waits].sort((a, b) => b - a));
    await page.waitForFunction(([before]) => {
      const first = document.querySelector('[data-testid="waiting-row"] [data-testid="waiting-wait"]')?.textContent ?? '';
      return first.split(':').reduce((t, p) => t * 60 + Number(p), 0) > before!;
    }, [waits[0]], { timeout: 5000 });

    await session().post([answered('wl-a2', 'c-wl-2', 'agent-wl')]);
    await page.locator('[data-testid="waiting-row"][data-contact="c-wl-2"]').waitFor({ state: 'detached' });
    expect(await column(page, 'waiting-position')).toEqual(['1', '1']);
    await waitForText(page, '[data-testid="waiting-count"]', '(2 waiting)');
    await page.context().close();

    const italian = await session().openPage('/?lang=it', 'it-IT');
    await italian.locator('[data-testid="waiting-row"]').first().waitFor();
    expect(await italian.locator('#waiting-title').textContent()).toContain('In attesa ora');
    expect(await italian.locator('[data-testid="waiting-list"] thead th').allTextContents()).toEqual(['Attesa', 'Coda', 'Canale', 'Posizione', 'Priorità', 'Chiamante']);
    await italian.context().close();

    // On a TV the waiting list has a page of its own after the tiles, while someone waits.
    const tv = await session().openPage('/tv?rotate=600&lang=en', 'en-GB', { width: 1920, height: 1080 });
    await tv.waitForFunction(() => Number(document.querySelector('[data-testid="tv-mode"]')?.getAttribute('data-page-count')) > 1);
    for (let i = 0; i < 10 && (await tv.locator('[data-testid="tv-mode"]').getAttribute('data-page-kind')) !== 'waiting'; i++) {
      await tv.keyboard.press('ArrowRight');
    }
    expect(await tv.locator('[data-testid="tv-mode"]').getAttribute('data-page-kind')).toBe('waiting');
    expect(await tv.locator('[data-testid="waiting-row"]').count()).toBe(2);
    expect(await tv.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
    await tv.context().close();
  });
});
