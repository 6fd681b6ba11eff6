import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest runs one file at a time on two cores (cores - 1). Integration files mostly wait on servers, databases and
    // sockets, so two at a time shortens the run; the browser project still runs one file at a time (below).
    maxWorkers: 2,
    // Each project below runs its files with isolate: false: the files of one worker share its module cache, so the
    // server's few hundred modules are imported once per worker, not once per file (the unit project's import time
    // 62 s → 21 s). No test may leave module state changed behind it.
    projects: [
      {
        test: {
          name: 'unit',
          isolate: false,
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/lib/**/*.test.ts'],
          // Property tests run hundreds of cases; the unit project shares two cores with the others.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          isolate: false,
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/pglite-template.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          isolate: false,
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/pglite-template.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
