// `pnpm bench [--quick] [--only a,b]`: every figure next to a baseline measured in the same run.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { ROOT } from './lib/processes.js';
import { machine, printTable, writeResults, type Measurement } from './lib/report.js';
import { engineSuite } from './suites/engine.js';
import { webhookIngestSuite } from './suites/webhook-ingest.js';
import { batchIngestSuite } from './suites/batch-ingest.js';
import { memorySuite } from './suites/memory.js';
import { replaySuite } from './suites/replay.js';
import { fanOutSuite } from './suites/fan-out.js';
import { latencySuite } from './suites/latency.js';

const suites: Record<string, (quick: boolean) => Promise<Measurement[]>> = {
  engine: engineSuite,
  'webhook-ingest': webhookIngestSuite,
  'batch-ingest': batchIngestSuite,
  'fan-out': fanOutSuite,
  latency: latencySuite,
  replay: replaySuite,
  memory: memorySuite,
};

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, help: { type: 'boolean', default: false } },
});
if (values.help) {
  console.log(`usage: pnpm bench [--quick] [--only ${Object.keys(suites).join(',')}]`);
  process.exit(0);
}

const chosen = values.only ? values.only.split(',') : Object.keys(suites);
const unknown = chosen.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const resultsDir = join(ROOT, 'bench/results');
const all: Measurement[] = [];
const failures: string[] = [];
const started = performance.now();
console.log(`Plancia benchmarks${values.quick ? ' (quick)' : ''} on`, machine());
for (const name of chosen) {
  const t0 = performance.now();
  try {
    const results = await suites[name]!(values.quick);
    all.push(...results);
    writeResults(resultsDir, name, results, { quick: values.quick, seconds: (performance.now() - t0) / 1000 });
    printTable(results);
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message}`);
    console.error(`suite ${name} failed:`, error);
  }
}
const file = writeResults(resultsDir, 'summary', all, { quick: values.quick, seconds: (performance.now() - started) / 1000, failures });
console.log(`\nAll results (${((performance.now() - started) / 1000).toFixed(0)} s):`);
printTable(all);
console.log(`written to ${file}`);
process.exit(failures.length > 0 ? 1 : 0);
