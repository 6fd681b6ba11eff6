import type { TSchema } from '@sinclair/typebox';
import { EnvSchema } from '../config.js';
import { replaceBetween } from './markers.js';

/** The README section between these markers is generated from EnvSchema. */
export const ENV_TABLE_START = '<!-- env:start — generated from apps/server/src/config.ts by `pnpm --filter @plancia/server docs:env` -->';
export const ENV_TABLE_END = '<!-- env:end -->';

/** A table cell's text: a `|` inside a cell would end it. */
export const cell = (text: string) => text.replaceAll('|', '\\|');

/** A variable's default as the tables show it. */
export function defaultOf(schema: TSchema): string {
  if (schema.default === undefined) return 'unset';
  if (schema.default === '') return 'empty';
  return `\`${String(schema.default)}\``;
}

/** The values a variable takes, from its schema. */
export function valuesOf(schema: TSchema): string {
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
  return replaceBetween(text, ENV_TABLE_START, ENV_TABLE_END, renderEnvTable());
}
