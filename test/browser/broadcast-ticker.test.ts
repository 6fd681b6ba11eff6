/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { Broadcast } from '@plancia/contracts';
import { queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const TICKER = '[data-testid="broadcast-ticker"]';

describe('broadcasts on the board\'s ticker in Chromium', () => {
  const session = useBoardSession();

  /** Sends a broadcast through the API as a supervisor would (a fresh installation lets anyone acknowledge). */
  async function send(text: string, level: 'info' | 'warning', expiresInMs: number): Promise<Broadcast> {
    const response = await fetch(`${session().server.url}/api/v1/broadcasts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, level, expiresAt: new Date(Date.now() + expiresInMs).toISOString() }),
    });
    if (response.status !== 201) throw new Error(`broadcast: ${response.status} ${await response.text()}`);
    return (await response.json()) as Broadcast;
  }

  it('shows a broadcast on the open board at once, as a live region, and drops it at its expiry without a reload', async () => {
    await session().post([queued('ticker-1', 'vendite')]);
    const page = await session().openPage('/?lang=en', 'en-GB');
    const ticker = page.locator(TICKER);
    expect(await ticker.isHidden()).toBe(true);
    expect(await ticker.getAttribute('role')).toBe('status');
    expect(await ticker.getAttribute('aria-live')).toBe('polite');

    const sentAt = Date.now();
    const { expiresAt } = await send('Sales line down: use the backup number', 'warning', 6_000);
    const item = page.locator('[data-testid="broadcast"]');
    await item.waitFor({ timeout: 2_000 });
    expect(Date.now() - sentAt).toBeLessThan(2_000);
    expect(await item.getAttribute('data-level')).toBe('warning');
    expect(await item.innerText()).toContain('Sales line down: use the backup number');
    expect(await item.innerText()).toContain('WARNING');

    await item.waitFor({ state: 'detached', timeout: 10_000 });
    // Gone at its expiry, not before: the board's own timer, no reload.
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt) - 50);
    expect(await ticker.isHidden()).toBe(true);
    await page.context().close();
  });

  it('shows the active broadcasts on a TV opened later, in Italian', async () => {
    await send('Esercitazione antincendio alle 11', 'info', 60_000);
    const page = await session().openPage('/tv?lang=it', 'it-IT');
    const item = page.locator('[data-testid="tv-mode"] [data-testid="broadcast"]');
    await item.waitFor({ timeout: 5_000 });
    expect(await item.innerText()).toContain('Esercitazione antincendio alle 11');
    expect(await item.innerText()).toContain('AVVISO');
    await page.context().close();
  });
});
