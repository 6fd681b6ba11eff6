/**
 * One AMI message (event, response or echoed action): header name → value.
 * A header sent more than once (`Variable`, `ChanVariable`) keeps every value, in order, as an array.
 */
export type AmiMessage = Readonly<Record<string, string | readonly string[]>>;

/**
 * The first value of the first header present among `names`, matched without regard to case
 * (Asterisk spells some headers differently across versions: `HoldTime`/`Holdtime`, `ActionID`/`Actionid`).
 */
export function amiField(message: AmiMessage, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = message[name] ?? message[findKey(message, name) ?? ''];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') return first;
  }
  return undefined;
}

/** Like `amiField`, but an empty value counts as absent. */
export function amiText(message: AmiMessage, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = amiField(message, name);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** Every value of a header, in the order sent. */
export function amiFieldAll(message: AmiMessage, name: string): readonly string[] {
  const value = message[name] ?? message[findKey(message, name) ?? ''];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

function findKey(message: AmiMessage, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(message).find((key) => key.toLowerCase() === lower);
}
