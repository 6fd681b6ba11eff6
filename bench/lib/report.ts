import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** One measured figure next to the baseline measured in the same run. */
export interface Measurement {
  suite: string;
  name: string;
  unit: string;
  value: number;
  baseline: { name: string; value: number } | null;
  /** value ÷ baseline: above 1 means more than the baseline (good for throughput, bad for cost). */
  ratio: number | null;
  target?: { text: string; met: boolean };
  notes?: string;
}

export function measurement(m: Omit<Measurement, 'ratio'>): Measurement {
  const ratio = m.baseline && m.baseline.value !== 0 ? m.value / m.baseline.value : null;
  return { ...m, ratio };
}

export function machine() {
  const cpu = cpus();
  return { cpus: cpu.length, model: cpu[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));

export function printTable(results: Measurement[]): void {
  const rows = results.map((r) => ({
    suite: r.suite,
    measurement: r.name,
    value: `${fmt(r.value)} ${r.unit}`,
    baseline: r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '—',
    ratio: r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    target: r.target ? `${r.target.met ? 'met' : 'MISSED'}: ${r.target.text}` : '',
  }));
  console.table(rows);
}

export function writeResults(dir: string, suite: string, results: Measurement[], extra: Record<string, unknown> = {}): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${suite}.json`);
  writeFileSync(file, JSON.stringify({ suite, at: new Date().toISOString(), machine: machine(), results, ...extra }, null, 2));
  return file;
}
