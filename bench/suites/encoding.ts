import type { BoardChanges } from '@plancia/contracts';
import { changeMessages, type ChangeTraffic } from '../lib/change-messages.js';
import { deflatedAlone, deflatedInSequence, jsonCandidate, msgpackCandidate, type Candidate } from '../lib/encodings.js';
import { progress } from '../lib/progress.js';
import { measurement, type Measurement } from '../lib/report.js';
import { timePerUnit } from '../lib/stats.js';

/** The traffic of the fan-out and latency suites, each with its server's tick and push interval. */
const TRAFFICS: Array<{ label: string; traffic: Omit<ChangeTraffic, 'seconds'> }> = [
  { label: 'fan-out traffic (50 events/s, 250 ms push), board showing agents', traffic: { eventsPerSecond: 50, tickMs: 250, pushIntervalMs: 250, view: {} } },
  { label: 'latency traffic (1,000 events/s, 100 ms push), board showing agents', traffic: { eventsPerSecond: 1_000, tickMs: 250, pushIntervalMs: 100, view: {} } },
  { label: 'latency traffic (1,000 events/s, 100 ms push), agents \'none\'', traffic: { eventsPerSecond: 1_000, tickMs: 250, pushIntervalMs: 100, view: { agents: 'none' } } },
];
const CANDIDATES = [msgpackCandidate];
const BASELINE = jsonCandidate;

interface Weighed { bytes: number; alone: number; inSequence: number; encodeUs: number; decodeUs: number }

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function weigh(candidate: Candidate, messages: readonly BoardChanges[], minMs: number): Promise<Weighed> {
  const frames = messages.map((m) => candidate.encode(m));
  const sink: unknown[] = [];
  const encodeNs = timePerUnit(() => { sink.length = 0; for (const m of messages) sink.push(candidate.encode(m)); }, messages.length, minMs);
  const decodeNs = timePerUnit(() => { sink.length = 0; for (const f of frames) sink.push(candidate.decode(f)); }, frames.length, minMs);
  return {
    bytes: mean(frames.map((f) => f.byteLength)),
    alone: mean(frames.map(deflatedAlone)),
    inSequence: mean(await deflatedInSequence(frames)),
    encodeUs: encodeNs / 1000,
    decodeUs: decodeNs / 1000,
  };
}

function rows(label: string, n: number, ours: Weighed, json: Weighed, name: string): Measurement[] {
  const row = (what: string, unit: string, key: keyof Weighed, notes?: string) => measurement({
    suite: 'encoding', name: `${name}: ${what}, ${label}`, unit, value: ours[key],
    baseline: { name: `${BASELINE.name}, same messages`, value: json[key] }, notes,
  });
  return [
    row('bytes per message', 'B', 'bytes', `${n} change messages from the engine and room mirror`),
    row('bytes per message, permessage-deflate, each frame alone', 'B', 'alone', 'ws defaults; frames under 1 KiB go uncompressed'),
    row('bytes per message, permessage-deflate, context takeover', 'B', 'inSequence', 'ws default: one stream per connection, so compressed per socket, not per room'),
    row('encode per message (server, once per room)', 'µs', 'encodeUs'),
    row('decode per message (board)', 'µs', 'decodeUs', 'in Node\'s V8; MessagePack with notepack.io\'s browser build'),
  ];
}

/**
 * The wire encoding of the change messages, chosen by measurement: the messages a room is sent under the fan-out and
 * latency suites' traffic, made in process by the engine and the room mirror, encoded by each candidate.
 */
export async function encodingSuite(quick: boolean): Promise<Measurement[]> {
  const seconds = quick ? 20 : 120;
  const minMs = quick ? 200 : 1_000;
  const step = progress('encoding');
  const results: Measurement[] = [];
  for (const { label, traffic } of TRAFFICS) {
    const messages = changeMessages({ ...traffic, seconds });
    const json = await weigh(BASELINE, messages, minMs);
    step(`${label}: ${messages.length} messages, JSON ~${Math.round(json.bytes)} B`);
    for (const candidate of CANDIDATES) results.push(...rows(label, messages.length, await weigh(candidate, messages, minMs), json, candidate.name));
  }
  return results;
}
