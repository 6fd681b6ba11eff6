/*
 * Text packing shared by what the engine holds packed (finished contacts, the settled start of agents' timelines):
 * fields joined by SEP in one flat string, a string field escaped when it holds SEP or ESC, null written as ESC + 'n',
 * and numbers that follow one another written as differences (short, since they are instants minutes apart).
 */
export const SEP = '\u0001';
export const ESC = '\u0002';
export const NULL = `${ESC}n`;

export function text(s: string | null): string {
  if (s === null) return NULL;
  if (!s.includes(SEP) && !s.includes(ESC)) return s;
  return s.replaceAll(ESC, `${ESC}b`).replaceAll(SEP, `${ESC}a`);
}

export function readText(field: string): string | null {
  if (field === NULL) return null;
  if (!field.includes(ESC)) return field;
  return field.replaceAll(`${ESC}a`, SEP).replaceAll(`${ESC}b`, ESC);
}

/**
 * `x` after `previous`: their difference when it and both are safe integers (then the difference and the sum that
 * reads it back are exact), else `x` itself after '='.
 */
export function relative(x: number, previous: number | null): string {
  if (previous === null || !Number.isSafeInteger(x) || !Number.isSafeInteger(previous)) return `=${x}`;
  const difference = x - previous;
  return Number.isSafeInteger(difference) ? String(difference) : `=${x}`;
}

export function readRelative(field: string, previous: number): number {
  return field.charCodeAt(0) === 61 /* = */ ? Number(field.slice(1)) : previous + Number(field);
}
