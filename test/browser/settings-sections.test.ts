import { describe, expect, it } from 'vitest';
import { agentState, answered, queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const QUEUES = ['sales', 'care', 'billing', 'tech', 'retention', 'vip'];
const AGENTS = 150;

/** Every queue answered within T but `care`, answered after it (its service level alerts open), and 150 agents. */
function busyCentre() {
  const start = Date.now() - 4 * 60_000;
  const contacts = QUEUES.flatMap((queueId) => Array.from({ length: 5 }, (_, i) => [
    queued(`${queueId}${i}`, queueId, start + i * 20_000),
    answered(`${queueId}a${i}`, `c-${queueId}${i}`, `agent-${i}`, start + i * 20_000 + (queueId === 'care' ? 60 : 5) * 1000),
  ]).flat());
  const agents = Array.from({ length: AGENTS }, (_, i) =>
    agentState(`st${i}`, `agent-${i}`, 'available', [QUEUES[i % QUEUES.length]!], start));
  return [...agents, ...contacts];
}

describe('settings page sections', () => {
  const session = useBoardSession();
  const server = (path: string, init?: RequestInit) => fetch(`${session().server.url}/api/v1/${path}`, init);

  it('shows one section at a time, reached from its navigation, each far shorter than one long column', async () => {
    await session().post(busyCentre());
    const page = await session().browser.newPage({ locale: 'en-GB', viewport: { width: 1600, height: 1000 } });
    await page.goto(`${session().proxy.url}/settings`);
    await page.locator('[data-testid="queue-form-vip"]').waitFor({ timeout: 10_000 });
    const nav = page.getByRole('navigation', { name: 'Settings sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Queues', 'Business calendars', 'Alert rules', 'Agents', 'Users']);

    const heights: Record<string, number> = {};
    for (const [link, path] of [['Queues', 'queues'], ['Business calendars', 'calendars'], ['Alert rules', 'alert-rules'], ['Agents', 'agents']] as const) {
      await nav.getByRole('link', { name: link }).click();
      await page.locator(`[data-testid="section-${path}"]`).waitFor({ timeout: 10_000 });
      expect(await page.locator('section[data-testid^="section-"]').count()).toBe(1);
      expect(await nav.getByRole('link', { name: link }).getAttribute('aria-current')).toBe('page');
      expect(new URL(page.url()).hash).toBe(`#${path}`);
      heights[path] = await page.evaluate(() => document.documentElement.scrollHeight);
    }
    // Six queues and 150 agents: no section comes near one column of everything.
    for (const height of Object.values(heights)) expect(height).toBeLessThan(8000);

    // 150 agents a page of 25 at a time, every one reachable by its id or name.
    const agents = page.locator('[data-testid="section-agents"]');
    await expect.poll(() => agents.locator('[data-testid="agent-page"]').textContent(), { timeout: 10_000 }).toBe(`Agents 1–25 of ${AGENTS}`);
    expect(await agents.locator('[data-testid^="agent-form-"]').count()).toBe(25);
    await agents.getByRole('button', { name: 'Next' }).click();
    expect(await agents.locator('[data-testid="agent-page"]').textContent()).toBe(`Agents 26–50 of ${AGENTS}`);
    await agents.getByLabel('Find an agent (id or name)').fill('agent-149');
    expect(await agents.locator('[data-testid^="agent-form-"]').count()).toBe(1);
    await agents.locator('[data-testid="agent-form-agent-149"]').waitFor();

    // The address keeps the section: a reload (or a shared link) lands on it.
    await page.reload();
    await page.locator('[data-testid="section-agents"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('section[data-testid^="section-"]').count()).toBe(1);
    await page.close();
  });

  it('lists the default rules in force, marked as defaults, until a queue has a rule of its own', async () => {
    expect(await (await server('alert-rules')).json()).toEqual([]);
    // The server runs care's seeded service-level rules: their alerts are open.
    await expect.poll(async () => {
      const snapshot = await (await server('snapshot')).json() as { alerts: { ruleId: string }[] };
      return snapshot.alerts.map((a) => a.ruleId).filter((id) => id.startsWith('care:')).sort();
    }, { timeout: 10_000 }).toEqual(['care:sl-critical', 'care:sl-warning']);

    const page = await session().browser.newPage({ locale: 'en-GB' });
    await page.goto(`${session().proxy.url}/settings#alert-rules`);
    const defaults = page.locator('[data-testid="default-rules"]');
    await defaults.waitFor({ timeout: 10_000 });
    expect(await defaults.getByRole('heading').textContent()).toBe('Default rules in force');
    const warning = defaults.locator('[data-testid="default-rule-care:sl-warning"]');
    expect(await warning.textContent()).toBe('default Service level below target — queue care · serviceLevel (rolling) < 80 % · warning');
    expect(await defaults.locator('[data-testid="default-rule-care:sl-critical"]').count()).toBe(1);
    expect(await defaults.locator('[data-testid="default-rule-centre:agent-not-ready"]').count()).toBe(1);
    for (const queueId of QUEUES) expect(await defaults.locator(`[data-testid="default-rule-${queueId}:longest-wait"]`).count()).toBe(1);
    const items = await defaults.getByRole('listitem').count();
    expect(await defaults.getByRole('listitem').filter({ hasText: /^default / }).count()).toBe(items);

    // A rule of care's own replaces care's defaults; the other queues keep theirs.
    const own = {
      id: 'care-waiting', name: 'Care waiting', metric: 'waiting', scope: { kind: 'queue', id: 'care' }, window: 'live',
      comparison: 'gt', threshold: 5, forSeconds: 0, severity: 'warning', enabled: true,
    };
    expect((await server('alert-rules/care-waiting', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(own) })).status).toBe(200);
    await page.reload();
    await page.locator('[data-testid="alert-rules-form-care-waiting"]').waitFor({ timeout: 10_000 });
    expect(await defaults.locator('[data-testid^="default-rule-care:"]').count()).toBe(0);
    expect(await defaults.locator('[data-testid="default-rule-sales:sl-warning"]').count()).toBe(1);
    expect(await defaults.getByRole('listitem').count()).toBe(items - 7);
    await page.close();
  });
});
