/// <reference lib="dom" />
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBoardSession } from './board-session.js';
import { customerVoice } from './floor-events.js';

describe('settings page: a queue\'s KPI targets and repeat window, and the board\'s KPI colours', () => {
  const session = useBoardSession();
  const stored = async (queueId: string) => (await fetch(`${session().server.url}/api/v1/queues/${queueId}`)).json() as Promise<Record<string, unknown>>;

  async function save(form: Locator, expected: RegExp) {
    await form.locator('[data-testid="save"]').click();
    await expect.poll(() => form.getByRole('status').last().textContent(), { timeout: 10_000 }).toMatch(expected);
  }

  it('saves a target and a repeat window that turn the board\'s KPIs green, shows the server\'s refusal beside its field, in English and Italian', async () => {
    // CSAT 67 % against 90 %, and the same caller twice 12 minutes apart: a repeat within the whole day.
    await session().post(customerVoice('help', Date.now(), 12));
    const board = await session().openPage('/?lang=en', 'en-GB');
    const band = (kpi: string) => board.locator(`[data-testid="kpi-help-${kpi}"]`).getAttribute('data-band');
    await expect.poll(() => band('csat'), { timeout: 10_000 }).toBe('warning');
    await board.locator('[data-testid="window-selector"]').selectOption('today');
    await expect.poll(() => band('repeatRate'), { timeout: 10_000 }).toBe('warning');

    const settings = await session().browser.newPage({ locale: 'en-GB' });
    await settings.goto(`${session().proxy.url}/settings?lang=en`);
    const form = settings.locator('[data-testid="queue-form-help"]');
    await form.waitFor({ timeout: 10_000 });
    expect(await form.locator('[data-testid="kpi-target-csat"]').getAttribute('placeholder')).toBe('90');
    expect(await form.locator('[data-testid="repeat-window"]').getAttribute('placeholder')).toBe('whole day');

    // Folded while the queue takes every default; opened from its summary.
    expect(await form.locator('[data-testid="kpi-targets"]').getAttribute('open')).toBeNull();
    await form.locator('[data-testid="kpi-targets"] summary').click();
    // Out of range in the browser: said in percent beside the field, and nothing is sent.
    await form.locator('[data-testid="kpi-target-csat"]').fill('160');
    expect(await form.locator('[data-testid="kpi-targets"]').getByRole('alert').textContent()).toBe('At most 100');
    expect(await form.locator('[data-testid="save"]').isDisabled()).toBe(true);

    // A critical value above a target of at least 60 %: the server refuses it, naming the field.
    await form.locator('[data-testid="kpi-target-csat"]').fill('60');
    await form.locator('[data-testid="kpi-critical-csat"]').fill('70');
    await form.locator('[data-testid="repeat-window"]').fill('10');
    await save(form, /^Not saved: the server refused the fields marked$/);
    const critical = form.locator('label', { has: settings.locator('[data-testid="kpi-critical-csat"]') });
    expect(await critical.getByRole('alert').textContent()).toBe('Refused by the server: the critical value must be on the bad side of the target (at or below 60)');
    expect(await form.locator('[data-testid="kpi-critical-csat"]').getAttribute('aria-invalid')).toBe('true');
    expect(await stored('help')).not.toHaveProperty('kpiTargets');
    // Edited, the refusal goes.
    await form.locator('[data-testid="kpi-critical-csat"]').fill('50');
    expect(await critical.getByRole('alert').count()).toBe(0);

    await save(form, /^Saved; \d+ events replayed$/);
    const help = await stored('help');
    expect(help.kpiTargets).toEqual({ csat: { target: 0.6, critical: 0.5 } });
    expect(help.repeatWindowMinutes).toBe(10);
    // 67 % meets 60 %; the second call came 12 minutes after the first, outside a 10-minute window: no repeat.
    await expect.poll(() => band('csat'), { timeout: 10_000 }).toBe('ok');
    await expect.poll(() => band('repeatRate'), { timeout: 10_000 }).toBe('ok');
    expect(await board.locator('[data-testid="kpi-help-csat"]').textContent()).toContain('target ≥ 60%');

    // Read back in Italian, and emptied: the queue takes the defaults again.
    const italian = await session().browser.newPage({ locale: 'it-IT' });
    await italian.goto(`${session().proxy.url}/settings?lang=it`);
    const itForm = italian.locator('[data-testid="queue-form-help"]');
    await itForm.waitFor({ timeout: 10_000 });
    expect(await itForm.locator('[data-testid="kpi-targets"] summary').textContent()).toBe('Obiettivi degli indicatori');
    expect(await itForm.locator('[data-testid="kpi-target-csat"]').inputValue()).toBe('60');
    expect(await itForm.locator('[data-testid="kpi-critical-csat"]').inputValue()).toBe('50');
    expect(await itForm.locator('[data-testid="repeat-window"]').inputValue()).toBe('10');
    await itForm.locator('[data-testid="kpi-target-csat"]').fill('');
    await itForm.locator('[data-testid="kpi-critical-csat"]').fill('');
    await itForm.locator('[data-testid="repeat-window"]').fill('');
    await save(itForm, /^Salvato; \d+ eventi rielaborati$/);
    const back = await stored('help');
    expect(back).not.toHaveProperty('kpiTargets');
    expect(back).not.toHaveProperty('repeatWindowMinutes');
    await expect.poll(() => band('csat'), { timeout: 10_000 }).toBe('warning');
    await expect.poll(() => band('repeatRate'), { timeout: 10_000 }).toBe('warning');
    await board.context().close();
    await settings.close();
    await italian.close();
  });
});
