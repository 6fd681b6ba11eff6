/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, TestProvider } from '../integration/session/oidc-provider.js';
import { startBoardSession, type BoardSession } from './board-session.js';

const LIVE = '[data-testid="connection-state"][data-status="live"]';

/**
 * The whole round trip in Chromium, with the provider on `localhost` and the board on 127.0.0.1: two sites, as a real
 * provider is, so the browser's own SameSite rules decide whether the transaction cookie comes back (Lax) and whether
 * the session cookie set at the end of a cross-site redirect chain opens the board (Strict).
 */
describe('signing in to the board through an OpenID Connect provider of another site', () => {
  let idp: TestProvider;
  let session: BoardSession;
  let page: Page;

  beforeAll(async () => {
    idp = await TestProvider.listen('localhost');
    session = await startBoardSession({
      PLANCIA_ADMIN_PASSWORD: 'browser-admin-password',
      PLANCIA_OIDC_ISSUER: idp.issuer,
      PLANCIA_OIDC_CLIENT_ID: CLIENT_ID,
      PLANCIA_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      PLANCIA_OIDC_SCOPES: 'openid profile groups',
      PLANCIA_OIDC_ROLE_MAP: 'plancia-supervisors=supervisor,plancia-viewers=viewer',
      PLANCIA_OIDC_NAME: 'Test ID',
    });
    idp.serve(`${session.proxy.url}/api/v1/session/oidc/callback`);
    idp.accounts.set('sub-vera', { preferred_username: 'vera', groups: ['plancia-viewers'] });
    idp.accounts.set('sub-mallory', { preferred_username: 'mallory', groups: ['staff'] });
  });
  // A browser of its own for each person: the provider remembers who signed in on it.
  beforeEach(async () => {
    const context = await session.browser.newContext({ locale: 'it-IT', viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await page.context().close();
  });
  afterAll(async () => {
    await session?.close();
    await idp?.close();
  });

  /** Clicks through the provider's development login and consent pages as `login`. */
  async function signInAtProvider(login: string) {
    await page.getByRole('link', { name: 'Accedi con Test ID' }).click();
    await page.locator('input[name="login"]').waitFor({ timeout: 15_000 });
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click({ timeout: 15_000 });
  }

  it('shows the refusal of a person with no role, in the visitor\'s language', async () => {
    await page.goto(session.proxy.url);
    await page.getByRole('heading', { name: 'Accedi a Plancia' }).waitFor({ timeout: 15_000 });
    await signInAtProvider('sub-mallory');
    await page.getByRole('alert').filter({ hasText: 'non ha un ruolo in Plancia' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator(LIVE).count()).toBe(0);
  });

  it('opens the board for a mapped viewer, signed in under their provider name', async () => {
    await page.goto(session.proxy.url);
    await signInAtProvider('sub-vera');
    await page.locator(LIVE).waitFor({ timeout: 15_000 });
    await page.getByText('Accesso come vera').waitFor();
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()) as { username: string; role: string });
    expect(me).toMatchObject({ username: 'vera', role: 'viewer' });
  });
});
