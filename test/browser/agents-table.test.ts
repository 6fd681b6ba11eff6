/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { agentState } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

/** m:ss or h:mm:ss as seconds. */
const seconds = (text: string) => text.replace(/[^\d:]/g, '').split(':').reduce((total, part) => total * 60 + Number(part), 0);

async function column(page: Page, key: string) {
  const header = page.locator(`[data-testid="agent-grid"] th[data-column="${key}"]`);
  const arrow = header.locator('[data-testid="sort-arrow"]');
  return { header, ariaSort: await header.getAttribute('aria-sort'), arrow: (await arrow.count()) > 0 ? await arrow.textContent() : null };
}

/** The order the column's values must be in, by what aria-sort says. */
function expectOrdered<T>(values: T[], ariaSort: string | null, compare: (a: T, b: T) => number) {
  const sorted = [...values].sort(compare);
  expect(values).toEqual(ariaSort === 'descending' ? sorted.reverse() : sorted);
}

describe('the agents table', () => {
  const session = useBoardSession();

  it('points its sort arrow and aria-sort the way the rows are actually ordered', async () => {
    const now = Date.now();
    await session().post([
      agentState('st-1', 'Bruno', 'available', ['sales'], now - 600_000),
      agentState('st-2', 'Alba', 'not_ready', ['sales'], now - 60_000),
      agentState('st-3', 'Carla', 'wrap_up', ['sales'], now - 300_000),
    ]);
    const page = await session().openPage('/?lang=en', 'en-GB');
    await page.locator('[data-testid="agent-row"]').nth(2).waitFor();
    const times = async () => (await page.locator('[data-testid="agent-row"] td:nth-of-type(3)').allTextContents()).map(seconds);
    const names = () => page.locator('[data-testid="agent-row"] th').allTextContents();

    // Opens with the longest in state on top: that is descending time in state.
    let time = await column(page, 'timeInState');
    expect([time.ariaSort, time.arrow]).toEqual(['descending', '▼']);
    expectOrdered(await times(), time.ariaSort, (a, b) => a - b);
    expect(await names()).toEqual(['Bruno', 'Carla', 'Alba']);

    await time.header.locator('button').click();
    time = await column(page, 'timeInState');
    expect([time.ariaSort, time.arrow]).toEqual(['ascending', '▲']);
    expectOrdered(await times(), time.ariaSort, (a, b) => a - b);
    expect(await names()).toEqual(['Alba', 'Carla', 'Bruno']);

    await page.locator('[data-testid="agent-grid"] th[data-column="name"] button').click();
    const name = await column(page, 'name');
    expect([name.ariaSort, name.arrow]).toEqual(['ascending', '▲']);
    expect((await column(page, 'timeInState')).ariaSort).toBe('none');
    expect(await names()).toEqual(['Alba', 'Bruno', 'Carla']);
    await page.context().close();
  });
});
