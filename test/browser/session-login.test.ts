/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queued } from '../integration/helpers/events.js';
import { startBoardSession, type BoardSession } from './board-session.js';

const ADMIN_PASSWORD = 'browser-admin-password';
const LIVE = '[data-testid="connection-state"][data-status="live"]';

declare global {
  interface Window {
    injected?: number;
    violations?: string[];
  }
}

describe('signing in to the board, under the Content-Security-Policy', () => {
  let session: BoardSession;
  let page: Page;
  const cspMessages: string[] = [];
  beforeAll(async () => {
    session = await startBoardSession({ PLANCIA_ADMIN_PASSWORD: ADMIN_PASSWORD });
    await session.post([queued('browser-login-1', 'sales')]);
    const context = await session.browser.newContext({ locale: 'en-GB', viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspMessages.push(message.text());
    });
    page.on('pageerror', (error) => cspMessages.push(error.message));
    await page.goto(session.proxy.url);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('asks an anonymous visitor to sign in, then shows the board and who is signed in', async () => {
    await page.getByRole('heading', { name: 'Sign in to Plancia' }).waitFor({ timeout: 15_000 });
    expect(await page.locator(LIVE).count()).toBe(0);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor({ timeout: 10_000 });
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(LIVE).waitFor({ timeout: 15_000 });
    await page.getByText('Signed in as admin').waitFor();
    // The board's own files ran under the policy without a single violation or page error.
    expect(cspMessages).toEqual([]);
  });

  it('blocks an injected inline script', async () => {
    await page.evaluate(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.violations!.push(event.effectiveDirective));
    });
    await page.addScriptTag({ content: 'window.injected = 1;' }).catch(() => undefined);
    await page.waitForFunction(() => (window.violations ?? []).length > 0, undefined, { timeout: 5_000 });
    expect(await page.evaluate(() => window.injected)).toBeUndefined();
    expect(await page.evaluate(() => window.violations)).toContain('script-src-elem');
  });

  it('changes its own password: the wrong current one is refused, the right one keeps this browser signed in', async () => {
    const NEW_PASSWORD = 'browser-new-password-42';
    await page.getByRole('button', { name: 'Change password' }).click();
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill('not-the-password');
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Save password' }).click();
    await form.getByRole('alert').filter({ hasText: 'The current password is wrong' }).waitFor({ timeout: 10_000 });
    await form.getByLabel('Current password').fill(ADMIN_PASSWORD);
    await form.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Password changed: your other sessions have ended').waitFor({ timeout: 10_000 });
    // This browser holds the new session: the board stays, and the server knows the new password only.
    expect(await page.evaluate(async () => (await fetch('/api/v1/session')).status)).toBe(200);
    const signIn = (password: string) => page.evaluate(async (body) => (await fetch('/api/v1/session', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body,
    })).status, JSON.stringify({ username: 'admin', password }));
    expect(await signIn(NEW_PASSWORD)).toBe(200);
    // That login ended the session the board's socket was opened with: the server closed it, and the board connects
    // again with the cookie this browser now holds instead of asking to sign in.
    await page.locator(LIVE).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('heading', { name: 'Sign in to Plancia' }).count()).toBe(0);
  });

  it('logs out: the session ends and the login form is back', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Plancia' }).waitFor({ timeout: 15_000 });
    const me = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    expect(me).toBe(401);
  });
});
