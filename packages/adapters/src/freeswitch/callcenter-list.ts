import { AdapterError } from '../common/errors.js';

/** One row of a `callcenter_config … list` answer: column name → value as printed. */
export type CallcenterRow = Readonly<Record<string, string>>;

/**
 * Parses what mod_callcenter answers to `callcenter_config agent list`, `queue list` and `queue list members <queue>`:
 * a line of column names joined by `|`, one line per row, then `+OK`. With no rows `agent list` sends only `+OK`.
 * Rows are read by the header's names, never by position: the columns differ between versions (`system` became
 * `instance_id`, `external_calls_count` was added). A refusal (`-ERR Unknown command!` when mod_callcenter is not
 * loaded, `-USAGE …`) or an answer cut short is an AdapterError.
 */
export function parseCallcenterList(body: string): CallcenterRow[] {
  const lines = body.split(/\r?\n/).filter((line) => line !== '');
  const last = lines.pop();
  if (last !== '+OK') throw new AdapterError('freeswitch', 'callcenter_config', `list refused or incomplete: ${(lines[0] ?? last ?? 'empty answer').slice(0, 200)}`);
  const [header, ...rows] = lines;
  if (header === undefined) return [];
  const names = header.split('|');
  // A value holding `|` (a caller name may) cannot be told apart from its neighbours: such a row is left out.
  return rows.map((line) => line.split('|')).filter((values) => values.length === names.length)
    .map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]!])));
}
