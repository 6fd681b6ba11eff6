import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '@plancia/store';
import { serve, type ServedPlancia } from './serve-process.js';

interface Started { plancia: ServedPlancia; dataDir: string; listeningAt: number }

async function start(demo: '1' | '0'): Promise<Started> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plancia-demo-'));
  const plancia = await serve({ PLANCIA_DEMO: demo, PLANCIA_DATA_DIR: dataDir });
  return { plancia, dataDir, listeningAt: Date.now() };
}

async function acceptedEvents(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return Number(/^plancia_events_accepted_total (\d+)$/m.exec(metrics)?.[1] ?? Number.NaN);
}

async function board(url: string) {
  const response = await fetch(`${url}/api/v1/snapshot`);
  expect(response.status).toBe(200);
  return (await response.json()) as { centre: { windows: { today: { offered: number } } }; queues: unknown[]; agents: unknown[] };
}

async function journalSize(dataDir: string): Promise<number> {
  const store = await openStore({ dataDir });
  try {
    return await store.journal.count();
  } finally {
    await store.close();
  }
}

/** The server as `npm start` runs it, with and without PLANCIA_DEMO, each on its own PGlite directory. */
describe('demo start', () => {
  let demo: Started;
  let alone: Started;
  beforeAll(async () => {
    [demo, alone] = await Promise.all([start('1'), start('0')]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([demo, alone].map(async (started) => {
      await started?.plancia.stop();
      if (started) await rm(started.dataDir, { recursive: true, force: true });
    }));
  });

  it('answers, and demo traffic flows into the journal and the board; PLANCIA_DEMO=0 gets none', { timeout: 180_000 }, async () => {
    expect((await fetch(`${demo.plancia.url}/readyz`)).status).toBe(200);
    await vi.waitFor(async () => expect(await acceptedEvents(demo.plancia.url)).toBeGreaterThan(0), { timeout: 90_000, interval: 250 });
    const firstTrafficAfterMs = Date.now() - demo.listeningAt;
    expect(demo.plancia.output()).toContain('demo traffic started');
    await vi.waitFor(async () => {
      const snapshot = await board(demo.plancia.url);
      expect(snapshot.queues.length).toBeGreaterThan(0);
      expect(snapshot.agents.length).toBeGreaterThan(0);
      expect(snapshot.centre.windows.today.offered).toBeGreaterThan(0);
    }, { timeout: 30_000, interval: 250 });
    const accepted = await acceptedEvents(demo.plancia.url);

    // The server alone has been up at least as long as the demo needed for its first events, and then some.
    const waitMs = alone.listeningAt + firstTrafficAfterMs + 3_000 - Date.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    expect((await fetch(`${alone.plancia.url}/readyz`)).status).toBe(200);
    expect(await acceptedEvents(alone.plancia.url)).toBe(0);
    const quiet = await board(alone.plancia.url);
    expect([quiet.queues.length, quiet.agents.length, quiet.centre.windows.today.offered]).toEqual([0, 0, 0]);
    expect(alone.plancia.output()).not.toContain('demo traffic started');

    await Promise.all([demo.plancia.stop(), alone.plancia.stop()]);
    expect(await journalSize(demo.dataDir)).toBeGreaterThanOrEqual(accepted);
    expect(await journalSize(alone.dataDir)).toBe(0);
  });
});
