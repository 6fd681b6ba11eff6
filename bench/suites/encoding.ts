import type { BoardChanges } from '@plancia/contracts';
import { changeMessages, type ChangeTraffic } from '../lib/change-messages.js';
import { decodeAll, deflatedAlone, encodeAll, deflatedInSequence, jsonCandidate, msgpackCandidate, sharedKeysCandidate, type Candidate } from '../lib/encodings.js';
import { progress } from '../lib/progress.js';
import { measurement, type Measurement } from '../lib/report.js';
import { timePerUnit } from '../lib/stats.js';

/** The traffic of the fan-out and latency suites, each with its server's tick and push interval. */
const TRAFFICS: Array<{ label: string; traffic: Omit<ChangeTraffic, 'seconds'> }> = [
  { label: 'fan-out traffic, agents shown', traffic: { eventsPerSecond: 50, tickMs: 250, pushIntervalMs: 250, view: {} } },
  { label: 'latency traffic, agents shown', traffic: { eventsPerSecond: 1_000, tickMs: 250, pushIntervalMs: 100, view: {} } },
  { label: 'latency traffic, agents \'none\'', traffic: { eventsPerSecond: 1_000, tickMs: 250, pushIntervalMs: 100, view: { agents: 'none' } } },
];
const CANDIDATES = [msgpackCandidate, sharedKeysCandidate];
const BASELINE = jsonCandidate;

interface Weighed { bytes: number; alone: number; inSequence: number; encodeUs: number; decodeUs: number }

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function weigh(candidate: Candidate, messages: readonly BoardChanges[], minMs: number): Promise<Weighed> {
  const frames = encodeAll(candidate, messages);
  // Each pass is a fresh room and a fresh board: an encoding with a table builds it as it would.
  const encodeNs = timePerUnit(() => encodeAll(candidate, messages), messages.length, minMs);
  const decodeNs = timePerUnit(() => decodeAll(candidate, frames), frames.length, minMs);
  return {
    bytes: mean(frames.map((f) => f.byteLength)),
    alone: mean(frames.map(deflatedAlone)),
    inSequence: mean(await deflatedInSequence(frames)),
    encodeUs: encodeNs / 1000,
    decodeUs: decodeNs / 1000,
  };
}

function rows(label: string, traffic: Omit<ChangeTraffic, 'seconds'>, n: number, ours: Weighed, json: Weighed, name: string): Measurement[] {
  const row = (what: string, unit: string, key: keyof Weighed, notes?: string) => measurement({
    suite: 'encoding', name: `${name}: ${what}, ${label}`, unit, value: ours[key],
    baseline: { name: 'JSON, same messages', value: json[key] }, notes,
  });
  return [
    row('bytes per message', 'B', 'bytes', `${n} change messages from the engine and room mirror, ${traffic.eventsPerSecond} events/s, ${traffic.pushIntervalMs} ms push interval`),
    row('bytes per message, permessage-deflate, each frame alone', 'B', 'alone', 'ws defaults; frames under 1 KiB go uncompressed'),
    row('bytes per message, permessage-deflate, context takeover', 'B', 'inSequence', 'ws default: one stream per connection, so compressed per socket, not per room'),
    row('encode per message (server, once per room)', 'µs', 'encodeUs'),
    row('decode per message (board)', 'µs', 'decodeUs', 'in Node\'s V8, the engine of Chromium; MessagePack is read by notepack.io\'s browser build, as socket.io-msgpack-parser does in a browser'),
  ];
}

/** ws compresses each send on its own connection: with permessage-deflate on, this is paid per board, not per room. */
async function compressionCost(label: string, frames: readonly Uint8Array[], json: Weighed, minMs: number): Promise<Measurement> {
  let passes = 0;
  const start = performance.now();
  do {
    await deflatedInSequence(frames);
    passes++;
  } while (performance.now() - start < minMs);
  const perMessageUs = ((performance.now() - start) * 1000) / (passes * frames.length);
  return measurement({
    suite: 'encoding', name: `JSON: permessage-deflate per message and board (context takeover), ${label}`, unit: 'µs', value: perMessageUs,
    baseline: { name: 'JSON encode per message, once per room', value: json.encodeUs },
    notes: `ws defaults, one deflate stream as for one connection; ${Math.round(json.bytes)} → ${Math.round(json.inSequence)} B per message`,
  });
}

/**
 * The wire encoding of the change messages, chosen by measurement: the messages a room is sent under the fan-out and
 * latency suites' traffic, made in process by the engine and the room mirror, encoded by each candidate.
 */
export async function encodingSuite(quick: boolean): Promise<Measurement[]> {
  const seconds = quick ? 10 : 30;
  const minMs = quick ? 150 : 500;
  const step = progress('encoding');
  const results: Measurement[] = [];
  for (const { label, traffic } of TRAFFICS) {
    const messages = changeMessages({ ...traffic, seconds });
    const json = await weigh(BASELINE, messages, minMs);
    step(`${label}: ${messages.length} messages, JSON ~${Math.round(json.bytes)} B`);
    results.push(await compressionCost(label, encodeAll(BASELINE, messages), json, minMs));
    for (const candidate of CANDIDATES) results.push(...rows(label, traffic, messages.length, await weigh(candidate, messages, minMs), json, candidate.name));
  }
  return results;
}
