import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '@plancia/contracts';
import { REPO_ROOT } from '../paths.js';
import { EnvSchema } from '../config.js';
import { describeRefusal, engineConfigOf } from '../config-api/engine-config.js';
import { LIMIT_VARIABLES, looksLikeLimit, renderLimitsTables, withLimitsTables } from './operations-doc.js';

const doc = () => readFileSync(`${REPO_ROOT}docs/operations.md`, 'utf8');

describe('docs/operations.md', () => {
  it('has the limits tables of the code (regenerate with `npx tsx apps/server/src/docs/write-operations-doc.ts`)', () => {
    expect(doc()).toBe(withLimitsTables(doc()));
  });

  it('lists every variable that bounds a size, a count or a wait', () => {
    const limits = Object.keys(EnvSchema.properties).filter(looksLikeLimit);
    expect(limits.length).toBeGreaterThan(0);
    expect(limits.filter((name) => !(LIMIT_VARIABLES as readonly string[]).includes(name))).toEqual([]);
    expect(renderLimitsTables()).toContain('| `PLANCIA_MAX_QUEUES` | `1000` | integer 1–100000 |');
  });

  it('names only variables the server reads', () => {
    const named = new Set(doc().match(/\bPLANCIA_[A-Z_]+\b/g));
    expect([...named].filter((name) => !Object.hasOwn(EnvSchema.properties, name))).toEqual([]);
  });

  it('quotes the log line the server writes for a stored calendar it refuses at start', () => {
    const calendar = { ...DEFAULT_CALENDAR, id: 'italy', timeZone: 'Not/AZone' };
    const [refusal] = engineConfigOf({ queues: [], calendars: [calendar], alertRules: [], agents: [] }).refused;
    expect(doc()).toContain(describeRefusal(refusal!));
  });

  it('refuses a text without the markers', () => {
    expect(() => withLimitsTables('# Operations')).toThrow(/markers are missing/);
  });
});
