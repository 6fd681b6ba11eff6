import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '@plancia/store';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory with every migration applied, for suites to copy instead of running initdb. */
    pgliteTemplate: string;
  }
}

/**
 * Creating a PGlite database runs initdb inside WebAssembly, which takes seconds (tens of seconds on a busy
 * machine); copying a directory that was initialised once per run gives each suite the same fresh database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plancia-template-'));
  const store = await openStore({ dataDir });
  await store.close();
  project.provide('pgliteTemplate', dataDir);
  return () => rm(dataDir, { recursive: true, force: true });
}
