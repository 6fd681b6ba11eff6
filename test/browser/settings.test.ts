import { describe, expect, it } from 'vitest';
import { answered, queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const WAITS = [5, 15, 25, 35, 45];

describe('settings page', () => {
  const session = useBoardSession();

  it('lowers a queue target on the settings page and the board tile turns from red to green', async () => {
    const start = Date.now() - 3 * 60_000;
    await session().post(WAITS.flatMap((wait, i) => [
      queued(`s${i}`, 'sales', start + i * 20_000),
      answered(`sa${i}`, `c-s${i}`, `agent-${i}`, start + i * 20_000 + wait * 1000),
    ]));
    const board = await session().openPage('/', 'en-GB');
    const tile = board.locator('[data-testid="queue-tile-sales"]');
    // 2 of 5 answered within the default 20 s: 40 % against the default 80 % target.
    await expect.poll(() => tile.getAttribute('data-sl-status'), { timeout: 10_000 }).toBe('bad');

    const context = await session().browser.newContext({ locale: 'it-IT' });
    const settings = await context.newPage();
    await settings.goto(`${session().proxy.url}/settings`);
    const form = settings.locator('[data-testid="queue-form-sales"]');
    await form.getByRole('heading', { name: /sales/ }).waitFor({ timeout: 10_000 });
    const target = form.locator('[data-testid="target"]');
    await target.fill('140');
    await expect.poll(() => form.locator('[data-testid="save"]').isDisabled()).toBe(true);
    await expect.poll(() => target.getAttribute('aria-invalid')).toBe('true');
    await target.fill('40');
    await target.press('Enter');
    await expect.poll(() => form.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^Salvato; \d+ eventi rielaborati$/);

    await expect.poll(() => tile.getAttribute('data-sl-status'), { timeout: 10_000 }).toBe('ok');
    await context.close();
  });
});
