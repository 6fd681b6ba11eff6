// `pnpm bench [--quick] [--only a,b] [--write-docs]`: every figure next to a baseline measured in the same run.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { resultsSection, writeDocsSection, type RunSummary } from './lib/docs.js';
import { ROOT } from './lib/processes.js';
import { machine, printTable, writeResults, type Measurement } from './lib/report.js';
import { engineSuite } from './suites/engine.js';
import { engineSqlSuite } from './suites/engine-sql.js';
import { webhookIngestSuite } from './suites/webhook-ingest.js';
import { batchIngestSuite } from './suites/batch-ingest.js';
import { memorySuite } from './suites/memory.js';
import { replaySuite } from './suites/replay.js';
import { fanOutSuite } from './suites/fan-out.js';
import { latencySuite } from './suites/latency.js';
import { renderSuite } from './suites/render.js';
import { amiAdapterSuite } from './suites/ami-adapter.js';
import { clusterSuite } from './suites/cluster.js';
import { encodingSuite } from './suites/encoding.js';

const suites: Record<string, (quick: boolean) => Promise<Measurement[]>> = {
  engine: engineSuite,
  'engine-sql': engineSqlSuite,
  'webhook-ingest': webhookIngestSuite,
  'batch-ingest': batchIngestSuite,
  'fan-out': fanOutSuite,
  latency: latencySuite,
  replay: replaySuite,
  memory: memorySuite,
  render: renderSuite,
  'ami-adapter': amiAdapterSuite,
  cluster: clusterSuite,
  encoding: encodingSuite,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'write-docs': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`usage: pnpm bench [--quick] [--only ${Object.keys(suites).join(',')}] [--write-docs]
  --quick       scaled-down sizes and durations, for repeated checks
  --only        run these suites only
  --write-docs  rewrite the results section of docs/performance.md with this run`);
  process.exit(0);
}

const chosen = values.only ? values.only.split(',') : Object.keys(suites);
const unknown = chosen.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const resultsDir = join(ROOT, 'bench/results');
const run: RunSummary = { quick: values.quick, seconds: 0, suiteSeconds: {}, failures: [], results: [] };
const started = performance.now();
console.log(`Plancia benchmarks${values.quick ? ' (quick)' : ''} on`, machine());
for (const name of chosen) {
  const t0 = performance.now();
  console.log(`\n${name}…`);
  try {
    const results = await suites[name]!(values.quick);
    run.results.push(...results);
    run.suiteSeconds[name] = (performance.now() - t0) / 1000;
    writeResults(resultsDir, name, results, { quick: values.quick, seconds: run.suiteSeconds[name] });
    printTable(results);
  } catch (error) {
    run.suiteSeconds[name] = (performance.now() - t0) / 1000;
    run.failures.push(`${name}: ${(error as Error).message}`);
    console.error(`suite ${name} failed:`, error);
  }
}
run.seconds = (performance.now() - started) / 1000;
const file = writeResults(resultsDir, 'summary', run.results, { quick: run.quick, seconds: run.seconds, suiteSeconds: run.suiteSeconds, failures: run.failures });
writeFileSync(join(resultsDir, 'summary.md'), `${resultsSection(run)}\n`);
console.log(`\nAll results (${run.seconds.toFixed(0)} s):`);
printTable(run.results);
console.log(`written to ${file} and summary.md`);
if (values['write-docs']) {
  writeDocsSection(join(ROOT, 'docs/performance.md'), run);
  console.log('docs/performance.md results section rewritten');
}
process.exit(run.failures.length > 0 ? 1 : 0);
