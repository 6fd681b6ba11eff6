/**
 * What an engine checkpoint of the replay suite's day holds and what restoring it costs, in one process: the objects
 * of its state by shape, its size serialised, and the time to export, serialise, deserialise and restore it. The
 * restart from a checkpoint is mostly this restore, so a change to the engine's state is judged here first.
 *
 *   node --max-semi-space-size=32 --import tsx bench/state-census.ts [events, default 1000000]
 */
import { deserialize, serialize } from 'node:v8';
import { DEFAULT_SETTINGS } from '@plancia/contracts';
import { createEngine, type EngineState } from '@plancia/engine';
import { contactLives, timed } from './lib/events.js';

const config = { settings: DEFAULT_SETTINGS, queues: [], calendars: [], alertRules: [], agents: [] };
/** As the replay suite journals them: within half an hour, 50 queues, four events a life (two when abandoned). */
const SPAN_MS = 30 * 60_000;
const START_MS = Date.parse('2026-03-04T10:00:00Z');

function measured<T>(what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`${what}: ${Math.round(performance.now() - started)} ms`);
  return result;
}

function shapeName(shape: EngineState['graph']['shapes'][number]): string {
  if (shape.k === 'typed') return `typed ${shape.c}`;
  if (shape.k !== 'obj') return shape.k;
  return shape.c === '' ? `{${shape.keys.slice(0, 6).join(',')}${shape.keys.length > 6 ? ',…' : ''}}` : shape.c;
}

function census(state: EngineState): void {
  const { graph } = state;
  const counts = new Map<string, number>();
  for (const shape of graph.nodeShapes) {
    const name = shapeName(graph.shapes[shape]!);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  console.log(`objects ${graph.nodeShapes.length.toLocaleString('en')}, strings ${graph.strings.ends.length.toLocaleString('en')}, values ${(graph.ints.length + graph.floats.length).toLocaleString('en')}`);
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${n.toLocaleString('en').padStart(12)}  ${name}`);
}

const total = Number(process.argv[2] ?? 1_000_000);
const lives = Math.ceil(total / 3.8);
const events = timed(contactLives(lives, { startMs: START_MS, spacingMs: (SPAN_MS - 3 * 60_000) / lives, queues: 50, prefix: 'r' }).slice(0, total));
const engine = createEngine(config, START_MS);
measured(`apply ${events.length.toLocaleString('en')} events`, () => {
  for (let i = 0; i < events.length; i += 5_000) {
    const chunk = events.slice(i, i + 5_000);
    engine.apply(chunk, chunk[chunk.length - 1]!.timeMs);
  }
});
const nowMs = START_MS + SPAN_MS + 60_000;
engine.tick(nowMs);
const state = measured('export', () => engine.exportState());
census(state);
const bytes = measured('serialise', () => serialize(state));
console.log(`serialised: ${(bytes.length / 1e6).toFixed(1)} MB`);
const back = measured('deserialise', () => deserialize(bytes) as EngineState);
measured('restore', () => createEngine(config, nowMs).restore(back));
