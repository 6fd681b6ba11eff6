import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@plancia/store';

const child = fileURLToPath(new URL('./append-until-killed.ts', import.meta.url));

/** Runs the appender until it has acknowledged `atLeast` events, then kills it with SIGKILL mid-stream. */
function appendThenKill(dataDir: string, atLeast: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const appender = spawn('node', ['--import', 'tsx', child, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    appender.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.split('\n').length > atLeast) appender.kill('SIGKILL');
    });
    appender.on('error', reject);
    appender.on('exit', () => resolve(output.split('\n').slice(0, -1)));
  });
}

describe('PGlite durability', () => {
  let dataDir = '';
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged event when the process is killed', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plancia-kill-'));
    const acknowledged = await appendThenKill(dataDir, 500);
    expect(acknowledged.length).toBeGreaterThanOrEqual(500);

    const store = await openStore({ dataDir });
    try {
      const stored = new Set<string>();
      await store.journal.readSince(0, (events) => events.forEach((e) => stored.add(e.id)));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
