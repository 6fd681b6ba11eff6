/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { agentState, answered, queued, wireEvent } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

/** m:ss or h:mm:ss as seconds. */
const seconds = (text: string) => text.replace(/[^\d:]/g, '').split(':').reduce((total, part) => total * 60 + Number(part), 0);

/** The text of one agent's cell of the day. */
const cell = (page: Page, name: string, key: string) =>
  page.locator('[data-testid="agent-row"]', { has: page.locator('th', { hasText: name }) }).locator(`td[data-today="${key}"]`);
const names = (page: Page) => page.locator('[data-testid="agent-row"] th').allTextContents();

describe('agents today on the board', () => {
  const session = useBoardSession();

  it('shows each agent\'s day, ticks the running state, sorts by a figure, and has a compact grid, in English and Italian', async () => {
    const now = Date.now();
    const min = (m: number) => now - m * 60_000;
    await session().post([
      agentState('today-1', 'Alba', 'available', ['sales'], min(10)),
      agentState('today-2', 'Bruno', 'available', ['sales'], min(10)),
      // Alba: one call, answered 9 min ago, 2 min of talk and 1 of wrap-up; then a pause she is still in.
      queued('today-c1', 'sales', min(9.5)), answered('today-a1', 'c-today-c1', 'Alba', min(9)),
      wireEvent('contact.ended', 'today-e1', { contactId: 'c-today-c1' }, min(7)),
      wireEvent('contact.completed', 'today-k1', { contactId: 'c-today-c1' }, min(6)),
      wireEvent('agent.state', 'today-p1', { agentId: 'Alba', state: 'not_ready', reason: 'Pausa' }, min(5)),
      // Bruno: a missed offer, then on a call since a minute ago.
      wireEvent('agent.state', 'today-m1', { agentId: 'Bruno', state: 'available', offer: 'missed' }, min(4)),
      queued('today-c2', 'sales', min(1.5)), answered('today-a2', 'c-today-c2', 'Bruno', min(1)),
    ]);
    const page = await session().openPage('/?lang=en', 'en-GB');
    await cell(page, 'Alba', 'answered').waitFor();
    expect(await cell(page, 'Alba', 'answered').textContent()).toBe('1');
    expect(await cell(page, 'Alba', 'aht').textContent()).toBe('3:00');
    expect(await cell(page, 'Alba', 'wrapUp').textContent()).toBe('1:00');
    expect(seconds((await cell(page, 'Alba', 'notReady').textContent())!)).toBeGreaterThanOrEqual(300);
    expect(await cell(page, 'Alba', 'notReady').getAttribute('title')).toContain('Pausa');
    expect(await cell(page, 'Bruno', 'missed').textContent()).toBe('1');
    expect(await cell(page, 'Bruno', 'aht').textContent()).toBe('—');

    // Bruno's call runs: the talk time climbs on the board's clock with no event sent.
    const talk = seconds((await cell(page, 'Bruno', 'talk').textContent())!);
    expect(talk).toBeGreaterThanOrEqual(60);
    await page.waitForFunction(([before]) => {
      const row = [...document.querySelectorAll('[data-testid="agent-row"]')].find((r) => r.querySelector('th')?.textContent?.includes('Bruno'));
      const text = row?.querySelector('td[data-today="talk"]')?.textContent ?? '';
      return text.split(':').reduce((t, p) => t * 60 + Number(p), 0) > before!;
    }, [talk], { timeout: 5000 });

    // Sorted by missed offers, smallest on top, then largest on top; then by wrap-up time.
    const missedHeader = page.locator('[data-testid="agent-grid"] th[data-column="missed"]');
    await missedHeader.locator('button').click();
    expect(await missedHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await names(page)).toEqual(['Alba', 'Bruno']);
    await missedHeader.locator('button').click();
    expect(await missedHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await names(page)).toEqual(['Bruno', 'Alba']);
    await page.locator('[data-testid="agent-grid"] th[data-column="wrapUp"] button').click();
    expect(await names(page)).toEqual(['Bruno', 'Alba']);

    // Compact: one button, pressed, the same rows in smaller type.
    const compact = page.locator('[data-testid="agent-grid-compact"]');
    await compact.focus();
    await page.keyboard.press('Enter');
    expect(await compact.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-testid="agent-grid"]').getAttribute('class')).toContain('agent-grid--compact');
    expect(await page.locator('[data-testid="agent-row"]').count()).toBe(2);
    await page.context().close();

    const italian = await session().openPage('/?lang=it', 'it-IT');
    await cell(italian, 'Alba', 'answered').waitFor();
    const headers = await italian.locator('[data-testid="agent-grid"] th.agent__today').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(['Risposte', 'Perse', 'TMG', 'Conversazione', 'Post-chiamata', 'Libero', 'Non pronto', 'Occupazione']);
    await italian.context().close();
  });

  it('shows the few figures of the day read across a room on the TV\'s agents page', async () => {
    await session().post([agentState('today-tv', 'Carla', 'available', ['sales'])]);
    const page = await session().openPage('/tv?rotate=600&lang=en', 'en-GB', { width: 1920, height: 1080 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="tv-mode"]')?.getAttribute('data-page-count')) > 1);
    for (let i = 0; i < 10 && (await page.locator('[data-testid="tv-mode"]').getAttribute('data-page-kind')) !== 'agents'; i++) {
      await page.keyboard.press('ArrowRight');
    }
    expect(await page.locator('[data-testid="tv-mode"]').getAttribute('data-page-kind')).toBe('agents');
    const headers = await page.locator('[data-testid="agent-grid"] th.agent__today').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(['Answered', 'AHT', 'Not ready', 'Occupancy']);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1920);
    await page.context().close();
  });
});
