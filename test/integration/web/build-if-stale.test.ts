import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The real script, run as `npm start` runs it, on a copy of the web app's inputs; `vite` on the PATH is a stand-in
 * that counts its runs and writes a dist/ the way vite does (emptied first), so a build costs nothing here.
 */
describe('build-if-stale', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'plancia-web-build-'));
    for (const path of ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/package.json',
      'apps/web/tsconfig.json', 'apps/web/scripts', 'packages/contracts/src', 'packages/contracts/package.json', 'pnpm-lock.yaml']) {
      cpSync(join(REPO, path), join(root, path), { recursive: true });
    }
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'bin/vite'), [
      '#!/bin/sh',
      'echo run >> "$BUILD_LOG"',
      'rm -rf dist && mkdir dist && echo "<html></html>" > dist/index.html',
      'exit "${VITE_STATUS:-0}"',
    ].join('\n'));
    chmodSync(join(root, 'bin/vite'), 0o755);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const builds = () => readFileSync(join(root, 'builds.log'), 'utf8').split('\n').filter(Boolean).length;
  function run(extraEnv: Record<string, string> = {}): string {
    return execFileSync('node', [join(root, 'apps/web/scripts/build-if-stale.mjs')], {
      env: { ...process.env, PATH: `${join(root, 'bin')}${delimiter}${process.env.PATH ?? ''}`, BUILD_LOG: join(root, 'builds.log'), ...extraEnv },
      encoding: 'utf8',
    });
  }

  it('builds once, then skips while nothing changed, even when files are touched', () => {
    run();
    expect(builds()).toBe(1);
    expect(run()).toContain('build skipped');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'apps/web/src/main.tsx'), later, later);
    run();
    expect(builds()).toBe(1);
  });

  it('builds again when a source, the contracts or the lockfile changed', () => {
    run();
    for (const path of ['apps/web/src/main.tsx', 'packages/contracts/src/events.ts', 'pnpm-lock.yaml']) {
      writeFileSync(join(root, path), `${readFileSync(join(root, path), 'utf8')}\n`);
      run();
      run();
    }
    expect(builds()).toBe(4);
  });

  it('builds again when a file is added, or when the build output is gone', () => {
    run();
    writeFileSync(join(root, 'apps/web/src/added.ts'), 'export {};\n');
    run();
    rmSync(join(root, 'apps/web/dist/index.html'));
    run();
    expect(builds()).toBe(3);
  });

  it('a failed build leaves no stamp, so the next start builds again', () => {
    expect(() => run({ VITE_STATUS: '1' })).toThrow();
    run();
    expect(builds()).toBe(2);
  });
});
