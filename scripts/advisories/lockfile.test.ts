import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installedPackages, packageOfKey } from './lockfile.js';

// Lines of this repository's pnpm-lock.yaml (lockfile 9): workspace links among the importers, a scoped package, a
// package with peers, and the snapshots that repeat them with peer suffixes.
const EXCERPT = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  apps/web:
    dependencies:
      '@plancia/contracts':
        specifier: workspace:*
        version: link:../../packages/contracts
      '@sinclair/typebox':
        specifier: ^0.34.52
        version: 0.34.52

packages:

  '@types/node@20.19.43':
    resolution: {integrity: sha512-6oYBAi5ikg4Pl+kGsoYtawUMBT2zZMCvPNF7pVLnHZfd1zf38DRiWn/gT01RYCdUqkv7Fhr+C9ot4/tb+2sVvA==}

  vitest@4.1.12:
    resolution: {integrity: sha512-5eWdz2yb3ajxWF3C8C4TjkXl7FGm3n2E/VlazALrQHzK7nYMSGFnCZto0bbPNl77AwkOZVLk0YnBAejUu0NiWA==}
    engines: {node: ^20.0.0 || ^22.0.0 || >=24.0.0}
    hasBin: true
    peerDependencies:
      '@edge-runtime/vm': '*'
      '@opentelemetry/api': ^1.9.0

  yaml@2.9.1:
    resolution: {integrity: sha512-3NxN8+78OdzbT7C/WjGsyfPAtJaN3FNDsWxv7Y7mcDsT/oOmgW8BpyQQFFBnvZE3j9Y2Sdz1ULFLezL7Eb2yFw==}
    engines: {node: '>= 14.6'}
    hasBin: true

snapshots:

  '@types/node@20.19.43':
    dependencies:
      undici-types: 6.21.0

  vitest@4.1.12(@opentelemetry/api@1.10.0)(@types/node@20.19.43)(vite@8.3.8(@types/node@20.19.43)(esbuild@0.28.2)(tsx@4.23.15)(yaml@2.9.1)):
    dependencies:
      '@vitest/expect': 4.1.12

  yaml@2.9.1: {}
`;

describe('installedPackages', () => {
  it('lists each registry package of a lockfile once, sorted, and no workspace link', () => {
    expect(installedPackages(EXCERPT)).toEqual([
      { name: '@types/node', version: '20.19.43' },
      { name: 'vitest', version: '4.1.12' },
      { name: 'yaml', version: '2.9.1' },
    ]);
  });

  it('reads every entry of the packages section of this repository\'s lockfile', () => {
    const text = readFileSync(new URL('../../pnpm-lock.yaml', import.meta.url), 'utf8');
    // An independent count: the top-level keys between `packages:` and `snapshots:`.
    const section = text.slice(text.indexOf('\npackages:\n'), text.indexOf('\nsnapshots:\n'));
    const keys = section.split('\n').filter((line) => /^ {2}\S.*:(?: \{\})?$/.test(line));
    const installed = installedPackages(text);
    expect(installed).toHaveLength(keys.length);
    expect(installed.map((p) => `${p.name}@${p.version}`)).toContain('@types/node@20.19.43');
    expect(installed.some((p) => p.name.startsWith('@plancia/'))).toBe(false);
  });

  it('refuses a text that is not a pnpm lockfile', () => {
    expect(() => installedPackages('name: plancia\npackages: {}\n')).toThrow(/not a pnpm lockfile/);
    expect(() => installedPackages('')).toThrow(/not a pnpm lockfile/);
  });
});

describe('packageOfKey', () => {
  it('splits lockfile 9 keys, scoped or not, and leaves peer suffixes out', () => {
    expect(packageOfKey('yaml@2.9.1')).toEqual({ name: 'yaml', version: '2.9.1' });
    expect(packageOfKey('@types/node@20.19.43')).toEqual({ name: '@types/node', version: '20.19.43' });
    expect(packageOfKey('vitest@4.1.12(@opentelemetry/api@1.10.0)(@types/node@20.19.43)')).toEqual({ name: 'vitest', version: '4.1.12' });
    expect(packageOfKey('@vitest/mocker@4.1.12(vite@8.3.8(@types/node@20.19.43))')).toEqual({ name: '@vitest/mocker', version: '4.1.12' });
  });

  it('reads lockfile 6 keys and prerelease versions', () => {
    expect(packageOfKey('/@types/node@20.19.43')).toEqual({ name: '@types/node', version: '20.19.43' });
    expect(packageOfKey('/esbuild@0.28.2(tsx@4.23.15)')).toEqual({ name: 'esbuild', version: '0.28.2' });
    expect(packageOfKey('typescript@6.0.0-beta.1')).toEqual({ name: 'typescript', version: '6.0.0-beta.1' });
  });

  it('leaves out what was not installed from a registry', () => {
    expect(packageOfKey('@plancia/contracts@link:packages/contracts')).toBeNull();
    expect(packageOfKey('left-pad@file:vendor/left-pad-1.3.0.tgz')).toBeNull();
    expect(packageOfKey('tool@https://codeload.example.com/owner/tool/tar.gz/0123abc')).toBeNull();
    expect(packageOfKey('@scope/only')).toBeNull();
  });
});
