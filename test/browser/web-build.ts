import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const WEB = fileURLToPath(new URL('../../apps/web/', import.meta.url));

/** The server serves apps/web/dist; build it once when it is missing (the root build script normally has). */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(`${WEB}dist/index.html`)) return;
  await promisify(execFile)('node', ['node_modules/vite/bin/vite.js', 'build'], { cwd: WEB });
}
