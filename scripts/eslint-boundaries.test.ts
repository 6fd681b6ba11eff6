import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const planted: string[] = [];

/** A file really placed in the tree, so that `npx eslint .` and its type-aware rules see it as they would any other. */
function plant(relativeDir: string, source: string, extension = 'ts'): string {
  const path = join(ROOT, relativeDir, `planted-${randomUUID().slice(0, 8)}.${extension}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, source);
  planted.push(path);
  return path;
}

async function rulesBroken(path: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintFiles([path]);
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

afterAll(() => planted.forEach((path) => rmSync(path, { force: true })));

// Each room's wall, as docs/architecture.md draws it: a planted import through it must fail the lint.
const WALLS: { room: string; dir: string; source: string; rule: RegExp }[] = [
  { room: 'the store imports only contracts', dir: 'packages/store/src', source: "import type { PlanciaEngine } from '@plancia/engine';\nexport type E = PlanciaEngine;\n", rule: /no-restricted-imports/ },
  { room: 'adapters import only contracts', dir: 'packages/adapters/src', source: "import type { PlanciaEngine } from '@plancia/engine';\nexport type E = PlanciaEngine;\n", rule: /no-restricted-imports/ },
  { room: 'the engine has no I/O', dir: 'packages/engine/src', source: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", rule: /no-restricted-imports/ },
  { room: 'the engine reads no clock', dir: 'packages/engine/src', source: 'export const now = () => Date.now();\n', rule: /no-restricted-syntax/ },
  { room: 'contracts import nothing of ours', dir: 'packages/contracts/src', source: "import type { Store } from '@plancia/store';\nexport type S = Store;\n", rule: /no-restricted-imports/ },
  { room: 'only the store touches the database', dir: 'apps/server/src', source: "import { sql } from 'kysely';\nexport const q = sql;\n", rule: /no-restricted-imports/ },
  { room: 'no promise left floating', dir: 'apps/server/src', source: 'export function f(p: Promise<void>): void {\n  p.then(() => undefined);\n}\n', rule: /no-floating-promises/ },
  { room: 'web features do not import each other', dir: 'apps/web/src/features/queues', source: "import { useAlertsStore } from '../alerts/stores/alerts-store.js';\nexport const s = useAlertsStore;\n", rule: /no-restricted-paths/ },
  { room: 'web lib/ imports no feature', dir: 'apps/web/src/lib', source: "import { useAlertsStore } from '../features/alerts/stores/alerts-store.js';\nexport const s = useAlertsStore;\n", rule: /no-restricted-paths/ },
  { room: 'web stores import no feature', dir: 'apps/web/src/stores', source: "import { AlertList } from '../features/alerts/components/alert-list.js';\nexport const c = AlertList;\n", rule: /no-restricted-paths/ },
  { room: 'a web feature does not import the app', dir: 'apps/web/src/features/alerts', source: "import { applyDelta } from '../../app/board-sync.js';\nexport const f = applyDelta;\n", rule: /no-restricted-paths/ },
  {
    room: 'a switch names every member of its union', dir: 'apps/server/src',
    source: "export function f(x: 'a' | 'b'): number {\n  switch (x) {\n    case 'a': return 1;\n  }\n  return 0;\n}\n", rule: /switch-exhaustiveness-check/,
  },
];

describe('ESLint holds the rooms of the house', () => {
  it.each(WALLS)('$room', async ({ dir, source, rule }) => {
    const broken = await rulesBroken(plant(dir, source));
    expect(broken.some((message) => rule.test(message)), broken.join('\n')).toBe(true);
  }, 120_000);

  it('lets a lawful file through (the planted files fail for their wall, not for being planted)', async () => {
    const broken = await rulesBroken(plant('packages/store/src', "import type { PlanciaEvent } from '@plancia/contracts';\nexport type E = PlanciaEvent;\n"));
    expect(broken).toEqual([]);
  }, 120_000);
});
