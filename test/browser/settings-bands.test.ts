import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answered, queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

/** 25 contacts of `queueId` over the last five minutes, 23 answered within T (20 s): 92 %. */
function ninetyTwoPercent(queueId: string) {
  const start = Date.now() - 5 * 60_000;
  return Array.from({ length: 25 }, (_, i) => [
    queued(`${queueId}${i}`, queueId, start + i * 10_000),
    answered(`${queueId}a${i}`, `c-${queueId}${i}`, `agent-${i}`, start + i * 10_000 + (i < 23 ? 5 : 40) * 1000),
  ]).flat();
}

describe('settings page: a queue\'s colour bands follow its target or are its own', () => {
  const session = useBoardSession();
  const stored = async (queueId: string) => (await fetch(`${session().server.url}/api/v1/queues/${queueId}`)).json() as Promise<Record<string, unknown>>;
  const bandsOf = (form: Locator) => form.locator('[data-testid="bands"]');
  const mode = (form: Locator) => bandsOf(form).getAttribute('data-bands');
  const modeText = (form: Locator) => form.locator('[data-testid="bands-mode"]').textContent();
  const tileStatus = (board: Page, queueId: string) => board.locator(`[data-testid="queue-tile-${queueId}"]`).getAttribute('data-sl-status');

  async function save(form: Locator) {
    await form.locator('[data-testid="save"]').click();
    await expect.poll(() => form.getByRole('status').last().textContent(), { timeout: 10_000 }).toMatch(/^Saved; \d+ events replayed$/);
  }

  it('says which, keeps following after a band is edited and set back, and goes back to following', async () => {
    await session().post(ninetyTwoPercent('sales'));
    const board = await session().openPage('/', 'en-GB');
    await expect.poll(() => tileStatus(board, 'sales'), { timeout: 10_000 }).toBe('ok');

    const settings = await session().browser.newPage({ locale: 'en-GB' });
    await settings.goto(`${session().proxy.url}/settings`);
    const form = settings.locator('[data-testid="queue-form-sales"]');
    await form.waitFor({ timeout: 10_000 });
    expect(await mode(form)).toBe('target');
    expect(await modeText(form)).toBe('Follow the target: amber below 80 %, red below 70 % (10 points under the target); they move when the target changes.');

    // The red band edited and set back: the queue still has no bands of its own…
    await form.locator('[data-testid="red"]').fill('60');
    expect(await mode(form)).toBe('own');
    expect(await modeText(form)).toMatch(/^Own bands: amber below 80 %, red below 60 %.*\(not saved yet\)$/);
    await form.locator('[data-testid="red"]').fill('70');
    expect(await mode(form)).toBe('target');
    // …so a target of 95 % moves them, and 92 % is no longer green.
    await form.locator('[data-testid="target"]').fill('95');
    expect(await form.locator('[data-testid="amber"]').inputValue()).toBe('95');
    expect(await form.locator('[data-testid="red"]').inputValue()).toBe('85');
    await save(form);
    expect(await stored('sales')).not.toHaveProperty('colours');
    await expect.poll(() => tileStatus(board, 'sales'), { timeout: 10_000 }).toBe('warn');
    const tile = await board.locator('[data-testid="queue-tile-sales"]').textContent();
    expect(tile).not.toContain('green band');

    // Own bands that show 92 % green under a 95 % target: saved as the queue's own, and flagged.
    await form.locator('[data-testid="amber"]').fill('90');
    await form.locator('[data-testid="red"]').fill('75');
    await save(form);
    expect((await stored('sales')).colours).toEqual({ amberBelow: 0.9, redBelow: 0.75 });
    expect(await mode(form)).toBe('own');
    expect(await modeText(form)).toBe('Own bands: amber below 90 %, red below 75 %; they stay put when the target (95 %) changes.');
    expect(await form.locator('[data-testid="bands-warning"]').textContent())
      .toBe('Green from 90 % while the target is 95 %: a service level below the target shows green.');

    // Back to following the target: the own bands are removed on the server.
    await form.getByRole('button', { name: 'Use bands derived from the target' }).click();
    expect(await mode(form)).toBe('target');
    expect(await form.locator('[data-testid="bands-warning"]').count()).toBe(0);
    await save(form);
    expect(await stored('sales')).not.toHaveProperty('colours');
    await settings.reload();
    await form.waitFor({ timeout: 10_000 });
    expect(await mode(form)).toBe('target');
    expect(await form.locator('[data-testid="amber"]').inputValue()).toBe('95');
    await board.context().close();
    await settings.close();
  });
});
