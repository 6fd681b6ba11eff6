// Builds the web app only when something it is built from changed since the last build: `npm start` used to
// rebuild it on every start (about 20 s on two cores) although nothing had changed. What decides is a hash of
// the inputs' paths and contents, kept in a stamp inside dist/ once a build succeeds; modification times are not
// used (a checkout, a copy or an unpack touches them without changing a byte).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(WEB, '../..');
const STAMP = 'apps/web/dist/.build-stamp';

/** Everything the bundle is built from: the web app, the contracts it imports at run time, and the lockfile. */
const BUILD_INPUTS = [
  'apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/package.json',
  'apps/web/tsconfig.json', 'packages/contracts/src', 'packages/contracts/package.json', 'pnpm-lock.yaml',
];

/** Feeds every file under `path` (sorted, so the hash does not depend on directory order) into the hash. */
function hashPath(hash, root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const entry of readdirSync(full).sort()) hashPath(hash, root, `${path}/${entry}`);
    return;
  }
  hash.update(`${path}\0`).update(readFileSync(full)).update('\0');
}

/** The hash of every build input under `root`. */
function inputsHash(root) {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) hashPath(hash, root, input);
  return hash.digest('hex');
}

/** The stamp's hash, or '' when there is no complete build (vite empties dist first, the stamp is written last). */
function stampedHash(root) {
  const stamp = join(root, STAMP);
  return existsSync(stamp) && existsSync(join(root, 'apps/web/dist/index.html')) ? readFileSync(stamp, 'utf8').trim() : '';
}

const current = inputsHash(ROOT);
if (stampedHash(ROOT) === current) {
  console.log('web app is up to date (its sources match apps/web/dist/.build-stamp): build skipped');
} else {
  const { status } = spawnSync('vite', ['build'], { cwd: WEB, stdio: 'inherit', shell: process.platform === 'win32' });
  if (status === 0) writeFileSync(join(ROOT, STAMP), `${current}\n`);
  process.exit(status ?? 1);
}
