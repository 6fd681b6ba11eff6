// `pnpm advisories`: what the package registry says about every version pnpm-lock.yaml installs. Exit codes: EXIT in
// advisories/findings.ts (1 only for a security finding; 2 and 3 when the registry could not tell).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT, exitCodeOf, isSecurityDeprecation } from './advisories/findings.js';
import { installedPackages, type Installed } from './advisories/lockfile.js';
import { BULK_ADVISORY_PATH, CONCURRENCY, KNOWN_DEPRECATED, Registry, mapLimit, type BulkProbe } from './advisories/registry.js';

const LOCKFILE = fileURLToPath(new URL('../pnpm-lock.yaml', import.meta.url));
const label = ({ name, version }: Installed) => `${name}@${version}`;

function describeBulk(probe: BulkProbe): string {
  if (probe.kind === 'unreachable') return `could not be reached (${probe.reason})`;
  if (probe.kind === 'refused') return `answered ${probe.status}${probe.allow ? ` (Allow: ${probe.allow})` : ''}: no advisories from it`;
  return `answered ${probe.advisories.length} advisories`;
}

async function main(): Promise<number> {
  const started = performance.now();
  const installed = installedPackages(readFileSync(LOCKFILE, 'utf8'));
  const registry = new Registry((process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(/\/?$/, '/'));
  console.log(`Dependency advisories for ${installed.length} package versions in pnpm-lock.yaml, from ${registry.url}`);

  const bulk = await registry.bulkAdvisories(installed);
  console.log(`- advisory service (POST /${BULK_ADVISORY_PATH}): ${describeBulk(bulk)}`);
  const advisories = bulk.kind === 'advisories' ? bulk.advisories : [];
  for (const a of advisories) console.log(`  SECURITY ADVISORY ${a.name} ${a.vulnerableVersions} (${a.severity}): ${a.title} ${a.url}`);

  const canary = await registry.manifestWithRetry(KNOWN_DEPRECATED);
  if (canary.kind === 'unreachable' && bulk.kind === 'unreachable') {
    console.log(`- registry: could not be reached (${canary.reason})`);
    return warned(exitCodeOf({ security: advisories.length, unchecked: installed.length, reached: false, deprecationsServed: false }), installed.length);
  }
  const deprecationsServed = canary.kind === 'found' && canary.deprecated !== null;

  const manifests = await mapLimit(installed, CONCURRENCY, (entry) => registry.manifestWithRetry(entry));
  const unchecked = installed.filter((_, i) => manifests[i]!.kind === 'unreachable');
  const deprecated = installed.flatMap((entry, i) => {
    const manifest = manifests[i]!;
    return manifest.kind === 'found' && manifest.deprecated !== null ? [{ entry, message: manifest.deprecated }] : [];
  });
  const security = deprecated.filter(({ message }) => isSecurityDeprecation(message));
  console.log(`- deprecation notices: ${installed.length - unchecked.length} of ${installed.length} versions read, ${deprecated.length} deprecated, ${security.length} for security`);
  for (const { entry, message } of deprecated) {
    console.log(`  ${isSecurityDeprecation(message) ? 'SECURITY DEPRECATION' : 'deprecated'} ${label(entry)}: ${message}`);
  }
  for (const entry of unchecked) console.log(`  not read: ${label(entry)}`);
  if (!deprecationsServed) {
    console.log(`- the registry shows ${label(KNOWN_DEPRECATED)} without its deprecation notice: it serves none, so none could be seen`);
  }
  console.log(`- ${((performance.now() - started) / 1000).toFixed(1)} s`);

  return warned(exitCodeOf({ security: advisories.length + security.length, unchecked: unchecked.length, reached: true, deprecationsServed }), unchecked.length);
}

/** The exit code, said aloud when the check could not see everything (CI goes on, so the log must show it). */
function warned(code: number, unchecked: number): number {
  if (code === EXIT.unreachable) console.log(`WARNING: ${unchecked} package versions were not checked: the registry did not answer for them`);
  if (code === EXIT.blind) console.log('WARNING: no advisory could be seen: the advisory service refuses and the registry serves no deprecation notices');
  return code;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error('the advisory check failed:', error);
  process.exitCode = EXIT.failed;
});
