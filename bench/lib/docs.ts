import { readFileSync, writeFileSync } from 'node:fs';
import { machine, markdownTable, type Measurement } from './report.js';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

export interface RunSummary {
  quick: boolean;
  seconds: number;
  suiteSeconds: Record<string, number>;
  failures: string[];
  results: Measurement[];
}

/** The generated part of docs/performance.md: when, where, how long, and every figure with its baseline. */
export function resultsSection(run: RunSummary): string {
  const m = machine();
  const timing = Object.entries(run.suiteSeconds).map(([suite, s]) => `${suite} ${s.toFixed(0)} s`).join(', ');
  return [
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`pnpm bench${run.quick ? ' --quick' : ''}\`, ` +
      `${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, Node ${m.node}: ${run.seconds.toFixed(0)} s in all (${timing}).`,
    ...(run.failures.length > 0 ? ['', `Failed suites: ${run.failures.join('; ')}`] : []),
    '',
    markdownTable(run.results),
  ].join('\n');
}

/** Replaces the marked section of `file` with the results of this run; the rest of the page is left as written. */
export function writeDocsSection(file: string, run: RunSummary): void {
  const page = readFileSync(file, 'utf8');
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${file} has no ${START} … ${END} section to rewrite`);
  writeFileSync(file, `${page.slice(0, start + START.length)}\n${resultsSection(run)}\n${page.slice(end)}`);
}
