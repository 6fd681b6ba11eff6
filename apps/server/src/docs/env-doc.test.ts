import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.js';
import { EnvSchema } from '../config.js';
import { renderEnvTable, undocumentedVariables, withEnvTable } from './env-doc.js';

describe('the README configuration table', () => {
  it('matches the environment schema (regenerate with `pnpm --filter @plancia/server docs:env`)', () => {
    const readme = readFileSync(`${REPO_ROOT}README.md`, 'utf8');
    expect(readme).toBe(withEnvTable(readme));
  });

  it('describes every variable', () => {
    expect(undocumentedVariables()).toEqual([]);
  });

  it('has a row for every variable, with its default and range', () => {
    const rows = renderEnvTable().split('\n').slice(2);
    expect(rows).toHaveLength(Object.keys(EnvSchema.properties).length);
    expect(rows).toContain('| `PORT` | `8080` | integer 0–65535 | HTTP port of the API, the sockets and the wallboard |');
    expect(rows.find((row) => row.startsWith('| `PLANCIA_DEMO` |'))).toContain('| `1` | `0` `1` `false` `true` |');
    expect(rows.find((row) => row.startsWith('| `DATABASE_URL` |'))).toContain('| unset | text |');
  });

  it('refuses a text without the markers', () => {
    expect(() => withEnvTable('# no table here')).toThrow(/markers are missing/);
  });
});
