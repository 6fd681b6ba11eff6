/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { queued, wireEvent } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const item = (text: string) => `[data-testid="alert-item"]:has-text("${text}")`;

describe('alerts on the board in Chromium', () => {
  const session = useBoardSession();

  it('names a default rule and its scope in Italian on an Italian board', async () => {
    // A caller waiting a minute against T = 20 s: "Longest wait above 2 × T" on vendite.
    await session().post([queued('it-wait', 'vendite', Date.now() - 60_000)]);
    const page = await session().openPage('/?lang=it', 'it-IT');
    const alert = page.locator(item('Attesa più lunga oltre 2 × T'));
    await alert.waitFor({ timeout: 5000 });
    expect(await alert.locator('[data-testid="alert-scope"]').textContent()).toBe('Coda vendite');
    expect(await page.locator('[data-testid="alert-list"]').textContent()).not.toContain('Longest wait above');
    await page.context().close();
  });

  it('names an agent alert by the agent\'s name, not its id', async () => {
    // Paused for 16 minutes: past the default 15 minutes of "Agent not ready too long".
    await session().post([wireEvent('agent.state', 'marta-paused', { agentId: 'ag-027', name: 'Marta Rossi', state: 'not_ready', reason: 'Pausa', queueIds: ['vendite'] }, Date.now() - 16 * 60_000)]);
    const page = await session().openPage('/?lang=en', 'en-GB');
    const alert = page.locator(item('Agent not ready too long'));
    await alert.waitFor({ timeout: 5000 });
    expect(await alert.locator('[data-testid="alert-scope"]').textContent()).toBe('Agent Marta Rossi');
    expect(await alert.textContent()).not.toContain('ag-027');
    await page.context().close();
  });

  it('remembers "sound on" and "notifications on" across a reload, and turning them off', async () => {
    const page = await session().openPage('/?lang=en', 'en-GB');
    await page.context().grantPermissions(['notifications']);
    const sound = page.locator('[data-testid="enable-sound"]');
    const notifications = page.locator('[data-testid="enable-notifications"]');
    await sound.click();
    await notifications.click();
    await expect.poll(() => sound.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => notifications.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await sound.waitFor();
    expect(await sound.getAttribute('aria-pressed')).toBe('true');
    expect(await sound.textContent()).toContain('Sound on');
    expect(await notifications.getAttribute('aria-pressed')).toBe('true');

    await sound.click();
    await notifications.click();
    await expect.poll(() => sound.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    await sound.waitFor();
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    expect(await notifications.getAttribute('aria-pressed')).toBe('false');
    await page.context().close();
  });
});
