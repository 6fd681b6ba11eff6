/// <reference lib="dom" />
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const ADMIN_PASSWORD = 'console-admin-password';
const PASSWORD = 'console-user-password';
const LONGEST_WAIT = 'Longest wait above 2 × T';

describe('the control-room console in Chromium', () => {
  const session = useBoardSession({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });

  /** A user created on loopback, then signed in within a fresh browser context. */
  async function signedIn(username: string, role: 'supervisor' | 'viewer'): Promise<BrowserContext> {
    await session().createUser(username, PASSWORD, role);
    return session().signedIn(username, PASSWORD);
  }
  const open = (context: BrowserContext, path: string) => session().openIn(context, path);

  it('filters, assigns to me and resolves, and the board shows each change at once', async () => {
    // Callers waiting a minute against T = 20 s on two queues: "Longest wait above 2 × T" on each, among others.
    await session().post([queued('console-v', 'vendite', Date.now() - 60_000), queued('console-a', 'assistenza', Date.now() - 60_000)]);
    const context = await signedIn('sofia', 'supervisor');
    const board = await open(context, '/?lang=en');
    await board.locator('[data-testid="control-link"]').waitFor();
    const consolePage = await open(context, '/control?lang=en');
    const rows = consolePage.locator('[data-testid="control-alert"]');
    await rows.first().waitFor({ timeout: 5000 });
    expect(await rows.count()).toBeGreaterThan(1);

    await consolePage.getByLabel('Queue', { exact: true }).selectOption('vendite');
    await consolePage.getByLabel('Rule', { exact: true }).selectOption('vendite:longest-wait');
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    const alertId = (await row.getAttribute('data-alert-id'))!;
    expect(await row.locator('[data-testid="control-alert-name"]').textContent()).toBe(LONGEST_WAIT);

    const onBoard = board.locator(`[data-testid="alert-item"]:has-text("${LONGEST_WAIT}"):has-text("Queue vendite")`);
    expect(await onBoard.getAttribute('data-state')).toBe('raised');

    // Keyboard: Tab to the row, Enter opens its actions.
    await row.locator('button[data-row]').focus();
    await consolePage.keyboard.press('Enter');
    await consolePage.locator('[data-testid="action-assign-me"]').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('assigned');
    expect(await row.locator('[data-testid="control-alert-holder"]').textContent()).toBe('assigned to sofia');
    expect(consolePage.url()).toContain(`alert=${encodeURIComponent(alertId)}`);
    // The board heard it over its own socket, without a reload.
    await expect.poll(() => onBoard.getAttribute('data-state'), { timeout: 2000 }).toBe('assigned');

    await consolePage.locator('[data-testid="action-note"]').fill('Called the team lead');
    await consolePage.locator('[data-testid="action-resolve"]').click();
    await expect.poll(() => rows.count(), { timeout: 2000 }).toBe(0);
    await expect.poll(() => onBoard.count(), { timeout: 2000 }).toBe(0);
    // The other queue's alerts are still open on the board.
    expect(await board.locator('[data-testid="alert-item"]:has-text("Queue assistenza")').count()).toBeGreaterThan(0);

    // The history has it, with who assigned and who resolved it, and the note.
    await consolePage.locator('[data-testid="history-load"]').click();
    const history = consolePage.locator(`[data-testid="history-row"][data-alert-id="${alertId}"]`);
    await history.waitFor({ timeout: 5000 });
    expect(await history.textContent()).toContain('sofia');
    expect(await history.textContent()).toContain('Called the team lead');

    // The CSV link gives the same history, with who resolved it.
    const csvHref = (await consolePage.locator('[data-testid="history-csv"]').getAttribute('href'))!;
    expect(csvHref).toContain('format=csv');
    const csv = await consolePage.evaluate(async (href) => (await fetch(href)).text(), csvHref);
    expect(csv).toContain(alertId);
    expect(csv).toContain('sofia');

    // MTTA/MTTR by rule: the resolved alert counts, with a time to resolve.
    await consolePage.locator('[data-testid="stats-load"]').click();
    const stats = consolePage.locator('[data-testid="stats-row"]:has(th:text-is("vendite:longest-wait"))');
    await stats.waitFor({ timeout: 5000 });
    const cells = await stats.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['1', '1', '1']);
    expect(cells[4]).toMatch(/^\d+:\d\d$/);
    await context.close();
  });

  it('silences the alerts of a rule on a queue, with a reason, and ends the silence', async () => {
    await session().post([queued('console-s', 'reclami', Date.now() - 60_000)]);
    const context = await session().signedIn('sofia', PASSWORD);
    const consolePage = await open(context, '/control?lang=en');
    const row = consolePage.locator('[data-testid="control-alert"]:has-text("Queue reclami")').first();
    await row.waitFor({ timeout: 5000 });
    await row.locator('button[data-row]').click();
    await consolePage.locator('[data-testid="action-silence"]').click();
    const form = consolePage.locator('[data-testid="silence-form"]');
    expect(await form.locator('[data-testid="silence-queueId"]').inputValue()).toBe('reclami');
    await form.locator('[data-testid="silence-reason"]').fill('Planned maintenance of the phone line');
    await form.locator('[data-testid="silence-create"]').click();
    const listed = consolePage.locator('[data-testid="silences"] li:has-text("Planned maintenance of the phone line")');
    await listed.waitFor({ timeout: 5000 });
    expect(await listed.textContent()).toContain('by sofia');
    await listed.getByRole('button', { name: 'End silence' }).click();
    await expect.poll(() => listed.count(), { timeout: 5000 }).toBe(0);
    await context.close();
  });

  it('opens a linked alert focused, and shows a viewer\'s refusal instead of failing silently', async () => {
    await session().post([queued('console-link', 'supporto', Date.now() - 60_000)]);
    const context = await signedIn('vito', 'viewer');
    const board = await open(context, '/?lang=en');
    const item = board.locator('[data-testid="alert-item"]:has-text("Queue supporto")').first();
    await item.waitFor({ timeout: 5000 });
    // A viewer's board has no link to the console.
    await expect.poll(() => board.locator('[data-testid="control-link"]').count()).toBe(0);
    const ids = await board.evaluate(async () => (await (await fetch('/api/v1/snapshot')).json() as { alerts: { id: string; scope: { id: string } }[] }).alerts);
    const linked = ids.find((a) => a.scope.id === 'supporto')!.id;

    const consolePage = await open(context, `/control?lang=en&alert=${encodeURIComponent(linked)}`);
    const actions = consolePage.locator('[data-testid="alert-actions"]');
    await actions.waitFor({ timeout: 5000 });
    const focused = await consolePage.evaluate(() => document.activeElement?.closest('[data-testid="control-alert"]')?.getAttribute('data-alert-id'));
    expect(focused).toBe(linked);
    await consolePage.locator('[data-testid="action-assign-me"]').click();
    await consolePage.locator('[data-testid="action-error"]').waitFor({ timeout: 5000 });
    expect(await consolePage.locator('[data-testid="action-error"]').textContent()).toMatch(/^Not allowed/);
    await context.close();
  });
});
