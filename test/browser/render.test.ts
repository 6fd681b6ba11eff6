/// <reference lib="dom" />
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measurement, writeResults } from '../../bench/lib/report.js';
import { agentState, answered, queued } from '../integration/helpers/events.js';
import { useBoardSession } from './board-session.js';

const QUEUES = Array.from({ length: 50 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);
const AGENTS = Array.from({ length: 500 }, (_, i) => `a${String(i + 1).padStart(3, '0')}`);
const STATES = ['available', 'on_contact', 'wrap_up', 'not_ready'] as const;
const UPDATES_PER_SECOND = 4;
const SECONDS = 10;
const RESULTS = fileURLToPath(new URL('../../bench/results/', import.meta.url));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** One update: a quarter of the agents change state and every queue gets a contact (answered every other time). */
function updateBatch(round: number) {
  const agents = AGENTS.filter((_, i) => i % UPDATES_PER_SECOND === round % UPDATES_PER_SECOND).map((agentId, i) =>
    agentState(`r${round}-${agentId}`, agentId, STATES[(round + i) % STATES.length]!, [QUEUES[i % QUEUES.length]!]));
  const contacts = QUEUES.flatMap((queueId) => round % 2 === 0
    ? [queued(`r${round}-${queueId}`, queueId)]
    : [answered(`r${round}-${queueId}-a`, `c-r${round - 1}-${queueId}`, AGENTS[round % AGENTS.length]!)]);
  return [...agents, ...contacts];
}

describe('rendering a large centre', () => {
  const session = useBoardSession();

  it(`keeps drawing with ${QUEUES.length} queues and ${AGENTS.length} agents updating ${UPDATES_PER_SECOND} times a second`, async () => {
    await session().post([
      ...AGENTS.map((agentId, i) => agentState(`init-${agentId}`, agentId, 'available', [QUEUES[i % QUEUES.length]!])),
      ...QUEUES.map((queueId) => queued(`init-${queueId}`, queueId)),
    ]);
    const page = await session().openPage('/?lang=en', 'en-GB');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="queue-tile-"]').length === n, QUEUES.length, { timeout: 15_000 });
    await page.evaluate(() => {
      const frames: number[] = [];
      (window as unknown as { planciaFrames: number[] }).planciaFrames = frames;
      let last = performance.now();
      const record = (now: number) => {
        frames.push(now - last);
        last = now;
        requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });

    const started = performance.now();
    for (let round = 0; round < SECONDS * UPDATES_PER_SECOND; round += 1) {
      const due = started + (round * 1000) / UPDATES_PER_SECOND;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await session().post(updateBatch(round));
    }
    const frames = await page.evaluate(() => (window as unknown as { planciaFrames: number[] }).planciaFrames.splice(0));
    const elapsedMs = performance.now() - started;

    const sorted = [...frames].sort((a, b) => a - b);
    const fps = frames.length / (elapsedMs / 1000);
    const notes = `${QUEUES.length} queues, ${AGENTS.length} agents, ${UPDATES_PER_SECOND} updates/s for ${SECONDS} s, headless Chromium without GPU`;
    const frame = (name: string, value: number) => measurement({ suite: 'render', name, unit: 'ms', value, baseline: null, notes });
    writeResults(RESULTS, 'render', [
      frame('frame time p50', percentile(sorted, 50)),
      frame('frame time p95', percentile(sorted, 95)),
      frame('frame time p99', percentile(sorted, 99)),
      frame('frame time max', sorted.at(-1) ?? 0),
      measurement({ suite: 'render', name: 'frames per second', unit: 'fps', value: fps, baseline: null, target: { text: '≥ 30 fps', met: fps >= 30 }, notes }),
    ], { frames: frames.length, elapsedMs });

    // The page keeps rendering throughout and ends up showing the latest state.
    expect(frames.length).toBeGreaterThan(SECONDS);
    await page.locator('[data-testid="agent-row"]').nth(AGENTS.length - 1).waitFor({ timeout: 10_000 });
    await page.context().close();
  });
});
