import type { TSchema } from '@sinclair/typebox';
import { EnvSchema } from '../config.js';

/** The README section between these markers is generated from EnvSchema. */
export const ENV_TABLE_START = '<!-- env:start — generated from apps/server/src/config.ts by `pnpm --filter @plancia/server docs:env` -->';
export const ENV_TABLE_END = '<!-- env:end -->';

// A `|` inside a cell would end it.
const cell = (text: string) => text.replaceAll('|', '\\|');

function defaultOf(schema: TSchema): string {
  if (schema.default === undefined) return 'unset';
  if (schema.default === '') return 'empty';
  return `\`${String(schema.default)}\``;
}

function valuesOf(schema: TSchema): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as TSchema[]).map((option) => `\`${String(option.const)}\``).join(' ');
  if (schema.type === 'integer') return `integer ${String(schema.minimum)}–${String(schema.maximum)}`;
  return 'text';
}

/** Variables whose schema lacks a description: the table would leave the operator guessing. */
export function undocumentedVariables(): string[] {
  return Object.entries(EnvSchema.properties).filter(([, schema]) => !schema.description).map(([name]) => name);
}

/** One row per variable the server reads, in the order of the schema. */
export function renderEnvTable(): string {
  return [
    '| variable | default | values | meaning |',
    '|---|---|---|---|',
    ...Object.entries(EnvSchema.properties).map(([name, schema]: [string, TSchema]) =>
      `| \`${name}\` | ${defaultOf(schema)} | ${valuesOf(schema)} | ${cell(String(schema.description ?? ''))} |`),
  ].join('\n');
}

/** `text` with the generated table put between the markers; throws when the markers are missing. */
export function withEnvTable(text: string): string {
  const start = text.indexOf(ENV_TABLE_START);
  const end = text.indexOf(ENV_TABLE_END);
  if (start < 0 || end < start) throw new Error(`the env table markers are missing: ${ENV_TABLE_START} … ${ENV_TABLE_END}`);
  return `${text.slice(0, start + ENV_TABLE_START.length)}\n${renderEnvTable()}\n${text.slice(end)}`;
}
