import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateEvent, type PlanciaEvent } from '@plancia/contracts';

/** The shared fixtures sit beside the clone (`../shared/fixtures`), locally and in CI. */
export const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

export function fixtureText(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + path));
}

export function fixtureFiles(dir: string): string[] {
  return readdirSync(FIXTURES + dir).sort().map((name) => `${dir}/${name}`);
}

/**
 * Documentation samples are JSON with `//` comments (some wrapping onto bare text lines) and trailing commas:
 * drop comment text and lines that are neither JSON nor inside a string, then the trailing commas.
 */
export function lenientJson(text: string): unknown {
  const lines = text.split('\n').map((line) => stripComment(line)).filter((line) => isJsonLine(line));
  return JSON.parse(lines.join('\n').replace(/,(\s*[}\]])/g, '$1'));
}

function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && line[i - 1] !== '\\') inString = !inString;
    if (!inString && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

// A JSON line starts with a brace, bracket, comma, quote, digit, minus, literal or is blank; wrapped comment prose does not.
function isJsonLine(line: string): boolean {
  return /^\s*($|[{}[\],"\d-]|true|false|null)/.test(line);
}

/** Every event must pass the contract's own validator; `nowMs` far ahead so no skew check trips. */
export function expectValid(events: readonly PlanciaEvent[]): void {
  for (const event of events) {
    const result = validateEvent(event, Date.parse('2100-01-01T00:00:00Z'));
    if (!result.ok) throw new Error(`invalid event ${event.id}: ${JSON.stringify(result.errors)}`);
  }
}
