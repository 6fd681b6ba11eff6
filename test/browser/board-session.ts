/// <reference lib="dom" />
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { backends, startTestServer, type TestDatabase, type TestServer } from '../integration/helpers/plancia-server.js';
import { postEvents } from '../integration/helpers/events.js';
import { launchChromium } from './browser.js';
import { startCuttableProxy } from './cuttable-proxy.js';
import { ensureWebBuilt } from './web-build.js';

const NAMED_INVENTED_AGENTS = { PLANCIA_AGENT_DETAIL: 'named', PLANCIA_AGENT_AGREEMENT: 'Test: invented agents' };

const LIVE = '[data-testid="connection-state"][data-status="live"]';
const DESK = { locale: 'en-GB', timezoneId: 'Europe/Rome', viewport: { width: 1600, height: 1000 } } as const;

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The real server (demo off, temporary PGlite) behind a proxy that can cut the network, and a headless Chromium. */
export async function startBoardSession(env: Record<string, string> = {}) {
  await ensureWebBuilt();
  await mkdir(SCREENSHOTS, { recursive: true });
  const database: TestDatabase = await backends[0]!.create();
  // The board's tests show invented agents by name, as the demo does; agent-detail-off.test.ts turns it off.
  const server: TestServer = await startTestServer(database, { PLANCIA_TICK_MS: '50', ...NAMED_INVENTED_AGENTS, ...env });
  const proxy = await startCuttableProxy((server.app.server.address() as AddressInfo).port);
  const chromium = await launchChromium();
  async function openIn(context: BrowserContext, path: string, live = true): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${proxy.url}${path}`);
    if (live) await page.locator(LIVE).waitFor({ timeout: 15_000 });
    return page;
  }
  return {
    server,
    proxy,
    browser: chromium.browser as Browser,
    async post(events: unknown[]) {
      const response = await postEvents(server.url, JSON.stringify(events));
      if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    },
    /** A page in its own context, with the browser language set as a visitor's would be. */
    async openPage(path: string, language: 'it-IT' | 'en-GB', viewport = { width: 1600, height: 1000 }): Promise<Page> {
      const context = await chromium.browser.newContext({ locale: language, timezoneId: 'Europe/Rome', viewport });
      return openIn(context, path);
    },
    /** A user created on loopback, the admin door that needs no session. */
    async createUser(username: string, password: string, role: 'supervisor' | 'viewer'): Promise<void> {
      const created = await fetch(`${server.url}/api/v1/users`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, role }),
      });
      if (created.status !== 201) throw new Error(`creating ${username} answered ${created.status}: ${await created.text()}`);
    },
    /** A fresh English browser context (Europe/Rome, a desk-sized window) signed in as this user through the proxy. */
    async signedIn(username: string, password: string): Promise<BrowserContext> {
      const context = await chromium.browser.newContext(DESK);
      const login = await context.request.post(`${proxy.url}/api/v1/session`, { data: { username, password } });
      if (login.status() !== 200) throw new Error(`signing in ${username} answered ${login.status()}: ${await login.text()}`);
      return context;
    },
    /** A page of this context at `path`, once its board connection is live (unless `live` is false). */
    openIn,
    async close() {
      await chromium.close();
      await proxy.close();
      await server.stop();
      await database.dispose();
    },
  };
}
export type BoardSession = Awaited<ReturnType<typeof startBoardSession>>;

/** One session for the suite, closed after it. */
export function useBoardSession(env: Record<string, string> = {}): () => BoardSession {
  let session: BoardSession | undefined;
  beforeAll(async () => {
    session = await startBoardSession(env);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => session!;
}

/** Waits until the element's text is exactly `text`. */
export function waitForText(page: Page, selector: string, text: string, timeout = 5000) {
  return page.waitForFunction(([s, t]) => document.querySelector(s!)?.textContent?.trim() === t, [selector, text], { timeout });
}
