/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import type { PlanciaEvent } from '@plancia/contracts';
import { launchChromium } from '../../test/browser/browser.js';
import { startServer } from '../lib/processes.js';
import { RENDER_AGENTS, RENDER_QUEUES, UPDATES_PER_SECOND, renderCentre, renderUpdate } from '../lib/render-load.js';
import { progress } from '../lib/progress.js';
import { atLeast, measurement, type Measurement } from '../lib/report.js';
import { summarise } from '../lib/stats.js';
import { currentWebBuild } from '../lib/web-build.js';

async function post(url: string, events: PlanciaEvent[]): Promise<void> {
  const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
  if (res.status !== 202) throw new Error(`render load: ingest answered ${res.status}: ${await res.text()}`);
}

// Page scripts as source text: the bench runs through tsx, whose helpers would not exist inside the page.
const START_RECORDING = `(() => {
  window.benchFrames = [];
  window.benchRecording = true;
  let last = performance.now();
  const record = (now) => {
    if (!window.benchRecording) return;
    window.benchFrames.push(now - last);
    last = now;
    requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
})()`;
const STOP_RECORDING = '(() => { window.benchRecording = false; return window.benchFrames; })()';

/** Frame intervals the page drew while `during` ran, from requestAnimationFrame inside Chromium. */
async function framesWhile(page: Page, during: () => Promise<void>): Promise<{ frames: number[]; seconds: number }> {
  await page.evaluate(START_RECORDING);
  const started = performance.now();
  await during();
  const frames = await page.evaluate<number[]>(STOP_RECORDING);
  return { frames, seconds: (performance.now() - started) / 1000 };
}

/** Posts one update every 1/4 s for `seconds`, on a schedule that does not drift. */
async function updatesFor(url: string, seconds: number): Promise<void> {
  const started = performance.now();
  for (let round = 0; round < seconds * UPDATES_PER_SECOND; round++) {
    const due = started + (round * 1000) / UPDATES_PER_SECOND;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    await post(url, renderUpdate(round));
  }
}

/**
 * The wallboard in headless Chromium (no GPU) with 50 queues and 500 agents updating 4 times a second, against the
 * same board at rest (only its clocks ticking) measured just before, in the same page.
 */
export async function renderSuite(quick: boolean): Promise<Measurement[]> {
  const seconds = quick ? 2 : 10;
  const step = progress('render');
  const { rebuilt } = await currentWebBuild();
  if (rebuilt) step('web app rebuilt');
  // Named agent detail: under the default (off) the board shows no agent rows, and 500 of them are the load measured.
  const server = await startServer({ PLANCIA_AGENT_DETAIL: 'named', PLANCIA_AGENT_AGREEMENT: 'bench: invented agents' });
  const chromium = await launchChromium();
  try {
    await post(server.url, renderCentre());
    const context = await chromium.browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Rome', viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=en`);
    await page.locator('[data-testid="connection-state"][data-status="live"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="queue-tile-"]').length === n, RENDER_QUEUES.length, { timeout: 30_000 });

    step('board open in Chromium');
    const idle = await framesWhile(page, () => new Promise((r) => setTimeout(r, Math.max(2, seconds / 2) * 1000)));
    const busy = await framesWhile(page, () => updatesFor(server.url, seconds));
    await page.locator('[data-testid="agent-row"]').nth(RENDER_AGENTS.length - 1).waitFor({ timeout: 10_000 });
    await context.close();

    const atRest = summarise(idle.frames);
    const updating = summarise(busy.frames);
    const fps = busy.frames.length / busy.seconds;
    const notes = `${RENDER_QUEUES.length} queues, ${RENDER_AGENTS.length} agents, ${UPDATES_PER_SECOND} updates/s for ${seconds} s, ` +
      `headless Chromium without GPU, 1600×1000${rebuilt ? '; web app rebuilt first' : ''}`;
    const frame = (name: string, key: 'p50' | 'p95' | 'p99' | 'max') =>
      measurement({ suite: 'render', name: `frame time ${name}`, unit: 'ms', value: updating[key], baseline: { name: 'same board at rest', value: atRest[key] }, notes });
    return [
      measurement({
        suite: 'render', name: 'frames per second while updating', unit: 'fps', value: fps,
        baseline: { name: 'same board at rest', value: idle.frames.length / idle.seconds },
        target: atLeast('≥ 30 fps', fps, 30), notes,
      }),
      frame('p50', 'p50'), frame('p95', 'p95'), frame('p99', 'p99'), frame('max', 'max'),
    ];
  } finally {
    await chromium.close();
    await server.stop();
  }
}
