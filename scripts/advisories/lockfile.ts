import { parse } from 'yaml';

/** One package version the lockfile installs from a registry. */
export interface Installed {
  name: string;
  version: string;
}

// Registry versions only: `file:`, `link:`, git and tarball URLs have no registry entry to ask about.
const REGISTRY_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * A key of pnpm's `packages` map as a name and version: `yaml@2.9.1`, `@types/node@20.19.43` (lockfile 9), or
 * `/@types/node@20.19.43(peer@1.0.0)` (lockfile 6, which also carries peer suffixes). Null for anything not installed
 * from a registry.
 */
export function packageOfKey(key: string): Installed | null {
  const bare = key.replace(/^\//, '').replace(/\(.*$/, '');
  const at = bare.lastIndexOf('@');
  if (at <= 0) return null;
  const name = bare.slice(0, at);
  const version = bare.slice(at + 1);
  return REGISTRY_VERSION.test(version) ? { name, version } : null;
}

/** Every registry package and version a pnpm-lock.yaml installs, each once, sorted by name then version. */
export function installedPackages(lockText: string): Installed[] {
  const lock = parse(lockText) as { lockfileVersion?: unknown; packages?: Record<string, unknown> } | null;
  if (lock === null || typeof lock !== 'object' || lock.lockfileVersion === undefined) {
    throw new Error('not a pnpm lockfile: it has no lockfileVersion');
  }
  const found = new Map<string, Installed>();
  for (const key of Object.keys(lock.packages ?? {})) {
    const entry = packageOfKey(key);
    if (entry) found.set(`${entry.name}@${entry.version}`, entry);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}
