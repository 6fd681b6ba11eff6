/// <reference lib="dom" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const ADMIN_PASSWORD = 'room-admin-password-1';
const PASSWORD = 'room-user-password-12';

/** A webhook receiver on loopback that verifies every Standard Webhooks signature; `answer` is the status it gives. */
function receiver() {
  const got: { id: string; type: string; verified: boolean }[] = [];
  const state = { answer: 200, secret: '' };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      try {
        new Webhook(state.secret).verify(body, request.headers as Record<string, string>);
        verified = true;
      } catch { /* counted as unverified */ }
      got.push({ id: String(request.headers['webhook-id']), type: (JSON.parse(body) as { type: string }).type, verified });
      response.writeHead(verified ? state.answer : 401).end();
    });
  });
  return { got, state, server, listen: () => new Promise<string>((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))) };
}

describe('the control room in Chromium: notification settings, assign to, custom periods', () => {
  const session = useBoardSession({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD, PLANCIA_NOTIFY_RETRY_BASE_MS: '50', PLANCIA_NOTIFY_GIVE_UP_SECONDS: '1' });
  const hook = receiver();
  afterAll(() => new Promise<void>((r) => hook.server.close(() => r())));

  const signedIn = (username: string, password: string) => session().signedIn(username, password);
  const createUser = (username: string, role: 'supervisor' | 'viewer') => session().createUser(username, PASSWORD, role);
  const open = (context: BrowserContext, path: string, live = true) => session().openIn(context, path, live);

  it('creates a signed webhook channel, sends a test the receiver verifies, and retries a dead delivery', async () => {
    const url = await hook.listen();
    const admin = await signedIn('admin', ADMIN_PASSWORD);
    const page = await open(admin, '/settings/notifications?lang=en', false);
    await page.locator('[data-testid="channel-new"]').click();
    const form = page.locator('[data-testid="channel-form"]');
    await form.getByLabel('Id').fill('ops-hook');
    await form.getByLabel('URL').fill(url);
    await page.locator('[data-testid="channel-generate"]').click();
    hook.state.secret = await form.getByLabel('Signing secret (whsec_…)').inputValue();
    expect(hook.state.secret).toMatch(/^whsec_/);
    await page.locator('[data-testid="channel-save"]').click();
    const row = page.locator('[data-testid="channel-row"][data-channel-id="ops-hook"]');
    await row.waitFor();
    expect(await row.locator('[data-testid="channel-status"]').textContent()).toBe('enabled');

    await row.locator('[data-testid="channel-test"]').click();
    await expect.poll(() => row.locator('[data-testid="channel-test-outcome"]').textContent()).toBe('Delivered: the receiver accepted the test message');
    expect(hook.got).toEqual([{ id: expect.stringMatching(/^test_/), type: 'alert.raised', verified: true }]);

    // A refused field is shown as the server named it.
    await page.locator('[data-testid="channel-new"]').click();
    await form.getByLabel('Id').fill('bad-hook');
    await form.getByLabel('URL').fill(url);
    await form.getByLabel('Signing secret (whsec_…)').fill('whsec_short');
    await page.locator('[data-testid="channel-save"]').click();
    await expect.poll(() => form.locator('[data-testid="channel-outcome"]').textContent()).toMatch(/^Refused: secret: /);
    await form.getByRole('button', { name: 'Cancel' }).click();

    // Route everything to the hook, have it refuse: the alert's message dies after the (shortened) 24 h.
    await page.locator('[data-testid="policy-root"]').getByLabel('ops-hook').check();
    await page.locator('[data-testid="policy-save"]').click();
    await expect.poll(() => page.locator('[data-testid="policy-outcome"]').textContent()).toBe('Saved');
    hook.state.answer = 500;
    await session().post([queued('notify-1', 'vendite', Date.now() - 60_000)]);
    await page.locator('[data-testid="delivery-state"]').selectOption('dead');
    const dead = page.locator('[data-testid="delivery-row"][data-state="dead"]');
    await expect.poll(async () => {
      await page.locator('[data-testid="delivery-reload"]').click();
      return dead.count();
    }, { timeout: 15_000 }).toBeGreaterThan(0);
    const deadId = (await dead.first().getAttribute('data-delivery-id'))!;
    hook.state.answer = 200;
    const before = hook.got.filter((g) => g.verified && hook.state.answer === 200).length;
    await dead.first().locator('[data-testid="delivery-retry"]').click();
    await page.locator('[data-testid="delivery-state"]').selectOption('sent');
    await expect.poll(async () => {
      await page.locator('[data-testid="delivery-reload"]').click();
      return page.locator(`[data-testid="delivery-row"][data-delivery-id="${deadId}"]`).count();
    }, { timeout: 10_000 }).toBe(1);
    expect(hook.got.length).toBeGreaterThan(before);
    expect(hook.got.every((g) => g.verified)).toBe(true);
    await admin.close();
  });

  it('assigns an alert to another supervisor from the picker, and the board shows it at once', async () => {
    await createUser('sofia', 'supervisor');
    await createUser('marco', 'supervisor');
    await createUser('vittoria', 'viewer');
    await session().post([queued('assign-1', 'assistenza', Date.now() - 60_000)]);
    const context = await signedIn('sofia', PASSWORD);
    const board = await open(context, '/?lang=en');
    const consolePage = await open(context, '/control?lang=en');
    const rows = consolePage.locator('[data-testid="control-alert"]');
    await consolePage.getByLabel('Queue', { exact: true }).selectOption('assistenza');
    await rows.first().waitFor({ timeout: 5000 });
    // The list re-sorts as alerts change hands: follow this alert by its id.
    const alertId = (await rows.first().getAttribute('data-alert-id'))!;
    const row = consolePage.locator(`[data-testid="control-alert"][data-alert-id="${alertId}"]`);
    await row.locator('button[data-row]').focus();
    await consolePage.keyboard.press('Enter');
    const picker = consolePage.locator('[data-testid="action-assignee"]');
    await expect.poll(async () => (await picker.locator('option').allTextContents())).toEqual(['choose a person…', 'admin (administrator)', 'marco (supervisor)', 'sofia (supervisor)']);
    await picker.selectOption('marco');
    await consolePage.locator('[data-testid="action-assign"]').click();
    await expect.poll(() => row.locator('[data-testid="control-alert-holder"]').textContent()).toBe('assigned to marco');
    await expect.poll(() => board.locator(`[data-testid="alert-item"][data-state="assigned"]`).count(), { timeout: 2000 }).toBeGreaterThan(0);

    // A custom period: from an hour ago to an hour ahead (the centre's wall clock) holds the alert just assigned.
    const wall = (offsetMs: number) => new Date(Date.now() + offsetMs).toLocaleString('sv-SE', { timeZone: 'Europe/Rome' }).slice(0, 16).replace(' ', 'T');
    await consolePage.locator('[data-testid="history-period"]').selectOption('custom');
    await consolePage.locator('[data-testid="history-period-from"]').fill(wall(3_600_000));
    await consolePage.locator('[data-testid="history-period-to"]').fill(wall(-3_600_000));
    await consolePage.getByText('The end must come after the start').first().waitFor();
    expect(await consolePage.locator('[data-testid="history-load"]').isDisabled()).toBe(true);
    await consolePage.locator('[data-testid="history-period-from"]').fill(wall(-3_600_000));
    await consolePage.locator('[data-testid="history-period-to"]').fill(wall(3_600_000));
    const historyRow = consolePage.locator(`[data-testid="history-row"][data-alert-id="${alertId}"]`);
    await historyRow.waitFor({ timeout: 5000 });
    expect(await historyRow.textContent()).toContain('marco');
    expect(await consolePage.locator('[data-testid="history-csv"]').getAttribute('href')).toMatch(/from=.*&to=/);
    await context.close();
  });
});
