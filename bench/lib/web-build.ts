import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './processes.js';

const WEB = join(ROOT, 'apps/web');

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtMs(): number {
  try {
    return statSync(join(WEB, 'dist/index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/** The render suite measures the board as built; build it when it is missing or older than its sources. */
export async function currentWebBuild(): Promise<{ rebuilt: boolean }> {
  const sources = Math.max(newestSourceMs(join(WEB, 'src')), statSync(join(WEB, 'index.html')).mtimeMs);
  if (builtMs() >= sources) return { rebuilt: false };
  await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { cwd: WEB });
  return { rebuilt: true };
}
