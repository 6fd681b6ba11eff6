/** One FreeSWITCH event in plain format: header name → URL-decoded value. */
export type EslEvent = Readonly<Record<string, string>>;

/**
 * Parses the body of a `text/event-plain` ESL frame (the part after Content-Length): `Name: value` lines whose
 * values are URL-encoded (`Event-Subclass: callcenter%3A%3Ainfo`). Trailing blanks are dropped; a value that is
 * not valid percent-encoding is kept as sent. Lines without `: ` are skipped.
 */
export function parseEslEvent(text: string): EslEvent {
  const event: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(': ');
    if (at <= 0) continue;
    event[line.slice(0, at)] = decode(line.slice(at + 2).trimEnd());
  }
  return event;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
