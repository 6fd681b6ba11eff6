import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queued } from '../integration/helpers/events.js';
import { asPage, login } from '../integration/session/session-client.js';
import { startBoardSession, type BoardSession } from './board-session.js';

const ADMIN_PASSWORD = 'browser-admin-password';
const LIVE = '[data-testid="connection-state"][data-status="live"]';
const LOGIN_TITLE = { name: 'Sign in to Plancia' };

describe('the board of a supervisor scoped to one queue of a tenant', () => {
  let session: BoardSession;
  let page: Page;
  beforeAll(async () => {
    session = await startBoardSession({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const url = session.server.url;
    const { cookie } = await login(url, 'admin', ADMIN_PASSWORD);
    const acme = { name: 'Acme', queues: ['acme-sales', 'acme-care'], teams: [], privacy: { agentDetail: 'named', agreement: 'Accordo 2026/1' } };
    const tenant = await asPage(url, '/api/v1/tenants/acme', cookie, 'PUT', acme);
    if (tenant.status >= 300) throw new Error(`tenant: ${tenant.status} ${await tenant.text()}`);
    const sam = { username: 'sam', password: 'a-long-password-42', role: 'supervisor', tenant: 'acme', scope: { queues: ['acme-sales'], teams: [] } };
    const user = await asPage(url, '/api/v1/users', cookie, 'POST', sam);
    if (user.status !== 201) throw new Error(`user: ${user.status} ${await user.text()}`);
    await session.post([
      queued('scoped-1', 'acme-sales'), queued('scoped-2', 'acme-sales'),
      queued('scoped-3', 'acme-care'), queued('scoped-4', 'other-queue'),
    ]);
    const context = await session.browser.newContext({ locale: 'en-GB', viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    await page.goto(session.proxy.url);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows only the queue in scope, the header as the sum of it, and who is signed in with what reach', async () => {
    await page.getByRole('heading', LOGIN_TITLE).waitFor({ timeout: 15_000 });
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password').fill('a-long-password-42');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(LIVE).waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="queue-tile-acme-sales"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('scoped-waiting').filter({ hasText: '2' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('scoped-caption').innerText()).toContain('Your queues: acme-sales');
    expect(await page.getByTestId('centre-status').count()).toBe(0);
    expect(await page.getByTestId('centre-waiting').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('acme-care');
    expect(text).not.toContain('other-queue');
    expect(await page.locator('[data-testid^="queue-tile-"]').count()).toBe(1);
    expect(await page.getByTestId('session-user').innerText()).toBe('Signed in as sam (Acme · acme-sales)');
  });

  it('says which queues a link outside the scope asks for, instead of an empty board', async () => {
    await page.goto(`${session.proxy.url}/?queues=acme-care`);
    const banner = page.getByTestId('refused-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.innerText()).toContain('outside your scope: acme-care');
    expect(await page.locator('[data-testid^="queue-tile-"]').count()).toBe(0);
  });

  it('logs out to the login form', async () => {
    await page.goto(session.proxy.url);
    await page.locator(LIVE).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', LOGIN_TITLE).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(async () => (await fetch('/api/v1/session')).status)).toBe(401);
  });
});
