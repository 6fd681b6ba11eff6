import { chromium, type Browser } from 'playwright-core';

/** The system Chromium, headless; playwright gives every launch a fresh temporary profile. Nothing is downloaded. */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}
