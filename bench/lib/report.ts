import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** A target: met or not, and when it carries a limit, by how much (value ÷ limit). */
export interface Target {
  text: string;
  met: boolean;
  /** value ÷ limit, where the target names a limit. */
  ofLimit?: number;
}

/** One measured figure next to the baseline measured in the same run. */
export interface Measurement {
  suite: string;
  name: string;
  unit: string;
  value: number;
  baseline: { name: string; value: number } | null;
  /** value ÷ baseline: above 1 means more than the baseline (good for throughput, bad for cost). */
  ratio: number | null;
  target?: Target;
  notes?: string;
}

export function measurement(m: Omit<Measurement, 'ratio'>): Measurement {
  const ratio = m.baseline && m.baseline.value !== 0 ? m.value / m.baseline.value : null;
  return { ...m, ratio };
}

/** A target the value must not exceed. */
export const atMost = (text: string, value: number, limit: number): Target => ({ text, met: value <= limit, ofLimit: value / limit });
/** A target the value must reach. */
export const atLeast = (text: string, value: number, limit: number): Target => ({ text, met: value >= limit, ofLimit: value / limit });

export function machine() {
  const cpu = cpus();
  return { cpus: cpu.length, model: cpu[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

export const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));

/** "met", or "MISSED" with how far the value is from the limit. */
export function targetStatus(target: Target): string {
  const by = target.ofLimit === undefined ? '' : ` (${target.ofLimit.toFixed(2)}× the limit)`;
  return `${target.met ? 'met' : 'MISSED'}${by}: ${target.text}`;
}

function rows(results: Measurement[]) {
  return results.map((r) => ({
    suite: r.suite,
    measurement: r.name,
    value: `${fmt(r.value)} ${r.unit}`,
    baseline: r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '—',
    ratio: r.ratio === null ? '—' : `${r.ratio >= 0.01 ? r.ratio.toFixed(2) : r.ratio.toPrecision(2)}×`,
    target: r.target ? targetStatus(r.target) : '',
  }));
}

export function printTable(results: Measurement[]): void {
  console.table(rows(results));
}

/** The same table in Markdown, notes included, for docs/performance.md. */
export function markdownTable(results: Measurement[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| suite | measurement | value | baseline (same run) | ratio | target | notes |', '|---|---|---|---|---|---|---|'];
  rows(results).forEach((r, i) => {
    lines.push(`| ${[r.suite, r.measurement, r.value, r.baseline, r.ratio, r.target, results[i]!.notes ?? ''].map(cell).join(' | ')} |`);
  });
  return lines.join('\n');
}

export function writeResults(dir: string, suite: string, results: Measurement[], extra: Record<string, unknown> = {}): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${suite}.json`);
  writeFileSync(file, JSON.stringify({ suite, at: new Date().toISOString(), machine: machine(), results, ...extra }, null, 2));
  return file;
}
