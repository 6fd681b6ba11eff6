/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CallbackEntry } from '@plancia/contracts';
import { wireEvent } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const ADMIN_PASSWORD = 'callbacks-admin-password';
const PASSWORD = 'callbacks-user-password';
const ROW = '[data-testid="callback-row"]';

/** A caller who queued on `queueId`, waited `waitedMs` and hung up a little while ago. */
function gaveUp(contactId: string, caller: string, queueId: string, waitedMs: number) {
  const at = Date.now() - 5_000;
  return [
    wireEvent('contact.queued', `${contactId}-q`, { contactId, queueId, channel: 'voice', caller }, at - waitedMs),
    wireEvent('contact.abandoned', `${contactId}-a`, { contactId, caller }, at),
  ];
}

describe('the callback worklist in Chromium', () => {
  const session = useBoardSession({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_CALLBACK_KEY: randomBytes(32).toString('base64') });

  async function signedIn(username: string): Promise<BrowserContext> {
    await session().createUser(username, PASSWORD, 'supervisor');
    return session().signedIn(username, PASSWORD);
  }
  const open = (context: BrowserContext, path: string) => session().openIn(context, path);

  it('lists callers who gave up, adds new ones live, and is claimed and closed with a result from the keyboard', async () => {
    await session().post(gaveUp('cb-1', '+390611111111', 'vendite', 95_000));
    const context = await signedIn('sofia');
    const page = await open(context, '/control?lang=en');
    const rows = page.locator(ROW);
    await rows.first().waitFor({ timeout: 5000 });
    const first = rows.first();
    expect(await first.locator('td').nth(0).textContent()).toBe('vendite');
    expect(await first.locator('td').nth(2).textContent()).toBe('1:35');
    expect(await first.locator('td').nth(3).textContent()).toBe('1');
    expect(await first.getAttribute('data-state')).toBe('open');

    // A caller giving up while the console is open appears without a reload, over the board's socket.
    await session().post(gaveUp('cb-2', '+390622222222', 'assistenza', 20_000));
    await expect.poll(() => rows.count(), { timeout: 3000 }).toBe(2);

    // Claim from the keyboard.
    await first.getByRole('button', { name: 'Claim' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => first.getAttribute('data-state')).toBe('claimed');
    expect(await first.locator('[data-testid="callback-state"]').textContent()).toBe('claimed by user:sofia');

    // The number, revealed to this supervisor (audited by the server).
    await first.getByRole('button', { name: 'Show number' }).click();
    expect(await page.locator('[data-testid="callback-number"]').textContent()).toBe('Number: +390611111111');

    // Done with a result: the form takes focus on the result, Enter in the note submits.
    await first.getByRole('button', { name: 'Done…' }).click();
    const form = page.locator('[data-testid="callback-done-form"]');
    await form.locator('select[name="result"]').selectOption('no-answer');
    await form.locator('input[name="note"]').fill('Try again after lunch');
    await form.locator('input[name="note"]').press('Enter');
    await expect.poll(() => rows.count(), { timeout: 3000 }).toBe(1);
    expect(await rows.first().locator('td').nth(0).textContent()).toBe('assistenza');

    const listed = await context.request.get(`${session().proxy.url}/api/v1/callbacks?state=done`);
    const [done] = ((await listed.json()) as { callbacks: CallbackEntry[] }).callbacks;
    expect(done).toMatchObject({ contactId: 'cb-1', state: 'done', result: 'no-answer', note: 'Try again after lunch', closedBy: 'user:sofia' });

    // The same list in Italian.
    const italian = await open(context, '/control?lang=it');
    await italian.locator(ROW).first().waitFor({ timeout: 5000 });
    expect(await italian.locator('#callbacks-title').textContent()).toContain('Richiamate');
    expect(await italian.locator(ROW).first().getByRole('button', { name: 'Prendi in carico' }).count()).toBe(1);
    await context.close();
  });
});
