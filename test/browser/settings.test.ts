import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answered, queued } from '../integration/helpers/events.js';
import { SCREENSHOTS, useBoardSession } from './board-session.js';

/** Contacts of one queue answered after these waits, a minute apart from three minutes ago (T is 20 s). */
function answeredAfter(queueId: string, waits: number[]) {
  const start = Date.now() - 3 * 60_000;
  return waits.flatMap((wait, i) => [
    queued(`${queueId}${i}`, queueId, start + i * 20_000),
    answered(`${queueId}a${i}`, `c-${queueId}${i}`, `agent-${i}`, start + i * 20_000 + wait * 1000),
  ]);
}

describe('settings page', () => {
  const session = useBoardSession();

  async function openSettings(locale: 'it-IT' | 'en-GB'): Promise<Page> {
    const context = await session().browser.newContext({ locale, timezoneId: 'Europe/Rome' });
    const page = await context.newPage();
    await page.goto(`${session().proxy.url}/settings`);
    return page;
  }
  const stored = (path: string) => fetch(`${session().server.url}/api/v1/${path}`);
  const statusOf = (form: Locator) => form.getByRole('status').textContent();
  const tileStatus = (board: Page, queueId: string) => board.locator(`[data-testid="queue-tile-${queueId}"]`).getAttribute('data-sl-status');

  it('lowers a queue target on the settings page and the board tile turns from red to green', async () => {
    // 2 of 5 answered within the default 20 s: 40 % against the default 80 % target and bands.
    await session().post(answeredAfter('sales', [5, 15, 25, 35, 45]));
    const board = await session().openPage('/', 'en-GB');
    await expect.poll(() => tileStatus(board, 'sales'), { timeout: 10_000 }).toBe('bad');

    const settings = await openSettings('it-IT');
    const form = settings.locator('[data-testid="queue-form-sales"]');
    await form.getByRole('heading', { name: /sales/ }).waitFor({ timeout: 10_000 });
    const target = form.locator('[data-testid="target"]');
    await target.fill('140');
    await expect.poll(() => form.locator('[data-testid="save"]').isDisabled()).toBe(true);
    await expect.poll(() => target.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('alert').textContent()).toBe('Al massimo 100');
    // The default bands sit on the target, so they follow it down: amber under 40 %, red under 30 %.
    await target.fill('40');
    expect(await form.locator('[data-testid="amber"]').inputValue()).toBe('40');
    await target.press('Enter');
    await expect.poll(() => statusOf(form), { timeout: 10_000 }).toMatch(/^Salvato; \d+ eventi rielaborati$/);

    await expect.poll(() => tileStatus(board, 'sales'), { timeout: 10_000 }).toBe('ok');
    await board.context().close();
    await settings.context().close();
  });

  it('turns a tile amber, then red, as the queue\'s colour bands are raised above its service level', async () => {
    // 4 of 5 within 20 s: 80 %, green against the default bands (amber under 80 %, red under 70 %).
    await session().post(answeredAfter('care', [5, 10, 15, 18, 45]));
    const board = await session().openPage('/', 'en-GB');
    await expect.poll(() => tileStatus(board, 'care'), { timeout: 10_000 }).toBe('ok');

    const settings = await openSettings('en-GB');
    const form = settings.locator('[data-testid="queue-form-care"]');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('[data-testid="red"]').fill('95');
    await expect.poll(() => form.locator('[data-testid="save"]').isDisabled()).toBe(true);
    expect(await form.getByRole('alert').textContent()).toBe('The red band must not start above the amber one');
    await form.locator('[data-testid="red"]').fill('70');
    await form.locator('[data-testid="amber"]').fill('90');
    await form.locator('[data-testid="amber"]').press('Enter');
    await expect.poll(() => statusOf(form), { timeout: 10_000 }).toMatch(/^Saved; \d+ events replayed$/);
    await expect.poll(() => tileStatus(board, 'care'), { timeout: 10_000 }).toBe('warn');

    await form.locator('[data-testid="red"]').fill('85');
    await form.locator('[data-testid="red"]').press('Enter');
    await expect.poll(() => tileStatus(board, 'care'), { timeout: 10_000 }).toBe('bad');
    expect(await board.locator('[data-testid="queue-tile-care"]').textContent()).toContain('in the red band');
    await board.context().close();
    await settings.context().close();
  });

  it('edits a queue\'s first-response targets, and names an agent and puts them in a team', async () => {
    const settings = await openSettings('en-GB');
    const targets = settings.locator('[data-testid="queue-form-care"] [data-testid="targets-firstResponse"]');
    await targets.waitFor({ timeout: 10_000 });
    const rows = await targets.getByRole('group').count();
    await targets.getByRole('button', { name: 'Add a target' }).click();
    const added = targets.getByRole('group').nth(rows);
    await added.getByLabel('Channel').selectOption('chat');
    await added.getByLabel('Priority').selectOption('urgent');
    await added.locator('[data-testid="target-seconds"]').fill('30');
    await added.locator('[data-testid="target-seconds"]').press('Enter');
    await expect.poll(async () => (await (await stored('queues/care')).json()).firstResponse.at(-1), { timeout: 10_000 })
      .toEqual({ channel: 'chat', priority: 'urgent', seconds: 30, businessHours: true });

    await settings.getByRole('navigation').getByRole('link', { name: 'Agents' }).click();
    const agents = settings.locator('[data-testid="section-agents"]');
    await agents.locator('[data-testid="new-id"]').fill('agent-7');
    await agents.locator('[data-testid="new-id"]').press('Enter');
    const agent = agents.locator('[data-testid="agent-form-agent-7"]');
    await agent.locator('[data-testid="agent-name"]').fill('Anna Rossi');
    await agent.getByLabel('Team').fill('north');
    await agent.getByLabel('Team').press('Enter');
    await expect.poll(async () => (await stored('agents/agent-7')).json(), { timeout: 10_000 })
      .toEqual({ agentId: 'agent-7', name: 'Anna Rossi', teamId: 'north' });
    await settings.context().close();
  });

  it('creates a business calendar, edits its holidays, and deletes it, by keyboard', async () => {
    const settings = await openSettings('en-GB');
    await settings.getByRole('navigation').getByRole('link', { name: 'Business calendars' }).click();
    const section = settings.locator('[data-testid="section-calendars"]');
    await section.locator('[data-testid="new-id"]').fill('milano');
    await section.locator('[data-testid="new-id"]').press('Enter');
    await expect.poll(() => section.locator('[data-testid="section-status"]').textContent(), { timeout: 10_000 }).toBe('Created milano');

    const form = section.locator('[data-testid="calendar-form-milano"]');
    await form.locator('[data-testid="time-zone"]').fill('Europe/Atlantis');
    await expect.poll(() => form.locator('[data-testid="save"]').isDisabled()).toBe(true);
    await form.locator('[data-testid="time-zone"]').fill('Europe/Rome');
    await form.locator('[data-testid="hours-sat"]').fill('09:00-13:00');
    await form.locator('[data-testid="patron-saint"]').fill('12-07');
    await form.locator('[data-testid="closures"]').fill('2026-12-24\n2026-12-31');
    await form.locator('[data-testid="patron-saint"]').press('Enter');
    await expect.poll(() => statusOf(form), { timeout: 10_000 }).toBe('Saved');
    await settings.screenshot({ path: join(SCREENSHOTS, 'settings-en.png'), fullPage: true });
    const calendar = await (await stored('calendars/milano')).json();
    expect(calendar).toMatchObject({ patronSaintDay: '12-07', closures: ['2026-12-24', '2026-12-31'], weekly: { sat: [{ start: '09:00', end: '13:00' }] } });

    // A cleared field is saved as cleared, not merged back from what was stored.
    await form.locator('[data-testid="patron-saint"]').fill('');
    await form.locator('[data-testid="patron-saint"]').press('Enter');
    await expect.poll(async () => 'patronSaintDay' in (await (await stored('calendars/milano')).json()), { timeout: 10_000 }).toBe(false);

    await form.getByRole('button', { name: 'Delete' }).press('Enter');
    await settings.keyboard.press('Enter'); // the focus is on the confirmation
    await expect.poll(() => section.locator('[data-testid="section-status"]').textContent(), { timeout: 10_000 }).toBe('Deleted milano');
    await expect.poll(() => form.count(), { timeout: 10_000 }).toBe(0);
    expect((await stored('calendars/milano')).status).toBe(404);
    await settings.context().close();
  });

  it('creates an alert rule, previews the last hour, and deletes it', async () => {
    const settings = await openSettings('it-IT');
    await settings.getByRole('navigation').getByRole('link', { name: 'Regole di allarme' }).click();
    const section = settings.locator('[data-testid="section-alert-rules"]');
    await section.locator('[data-testid="new-id"]').fill('care-waiting');
    await section.getByRole('button', { name: 'Aggiungi' }).click();
    await expect.poll(() => section.locator('[data-testid="section-status"]').textContent(), { timeout: 10_000 }).toBe('Creato care-waiting');
    expect(await (await stored('alert-rules/care-waiting')).json()).toMatchObject({ id: 'care-waiting', enabled: false });

    const form = section.locator('[data-testid="alert-rules-form-care-waiting"]');
    await form.getByRole('button', { name: 'Anteprima ultima ora' }).click();
    await form.locator('[data-testid="rule-preview"]').waitFor({ timeout: 10_000 });

    await form.getByRole('button', { name: 'Elimina' }).click();
    await form.getByRole('button', { name: 'Conferma' }).click();
    await expect.poll(() => section.locator('[data-testid="section-status"]').textContent(), { timeout: 10_000 }).toBe('Eliminato care-waiting');
    expect((await stored('alert-rules/care-waiting')).status).toBe(404);
    await settings.context().close();
  });
});
