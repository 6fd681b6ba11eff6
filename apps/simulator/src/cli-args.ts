import { parseArgs } from 'node:util';
import { DEFAULT_AGENTS } from './model/plan.js';
import { PRESET_NAMES, PRESETS, type PresetName } from './model/presets.js';
import type { RunOptions, TransportName } from './run.js';

export const HELP = `Plancia simulator: contact-centre traffic sent through the public ingest API.

Usage: pnpm simulate -- [options]

  --target URL            Plancia server (default http://localhost:8080)
  --preset NAME           ${PRESET_NAMES.map((name) => `${name}: ${PRESETS[name].description}`).join('\n                          ')}
  --queues N              queues (default 6: vendite, assistenza, premium, amministrazione, chat-web, email-supporto)
  --agents N              agents across the queues (default ${DEFAULT_AGENTS}, or sized by Erlang C from --rate)
  --rate R                arrivals at the daily peak, e.g. 50/s, 120/min, 900/h (default: what the agents can take at 98.5 % within 20 s)
  --seed N                random seed; the same seed and start give the same traffic (default 42)
  --transport KIND        http (batches), webhook (one signed event per request) or ws (ingest WebSocket) (default http)
  --token T               bearer token for the ingest API
  --webhook-secret S      Standard Webhooks secret (whsec_…), required with --transport webhook
  --format F              HTTP batch body: ndjson or json (default ndjson)
  --batch N               most events per request or frame (default 500); real time also sends every 200 ms
  --fast                  as fast as possible with synthetic timestamps instead of real time
  --start TIME            simulated start, RFC 3339; fast: default now − duration, so nothing lies in the future;
                          real time: default now − 10 min (the warm-up), earlier to continue a run begun then
  --sent-until TIME       real time, continuing a run (same --start, --seed and --run-id): the server already holds
                          its events up to TIME; later ones are sent, and a warm-up only for what it lacks
  --duration D            how long to simulate, e.g. 90s, 30m, 8h (fast default 1h; real time runs until stopped)
  --profile P             office (Italian office-hours curve) or flat (default: flat in real time, office in fast mode)
  --run-id ID             names the run in event sources and ids (default derived from seed and start)
  -h, --help              this help
`;

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
const RATE_UNITS: Record<string, number> = { s: 1, sec: 1, min: 60, m: 60, h: 3600 };

/** "90s", "30m", "2h30m" → milliseconds. */
export function parseDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|min|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`--duration: expected e.g. 90s, 30m or 8h, got "${text}"`);
  return parts.reduce((total, [, value, unit]) => total + Number(value) * DURATION_UNITS[unit!]!, 0);
}

/** "50/s", "120/min", "900/h" or a bare number per second → arrivals per second. */
export function parseRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:\/(s|sec|min|m|h))?$/.exec(text);
  if (!match || !(Number(match[1]) > 0)) throw new Error(`--rate: expected e.g. 50/s, 120/min or 900/h, got "${text}"`);
  return Number(match[1]) / RATE_UNITS[match[2] ?? 's']!;
}

function parseInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`--${flag}: expected a positive integer, got "${text}"`);
  return Number(text);
}

function oneOf<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!allowed.includes(text as T)) throw new Error(`--${flag}: expected one of ${allowed.join(', ')}, got "${text}"`);
  return text as T;
}

export function parseCliArgs(args: string[]): { help: true } | { help: false; options: RunOptions } {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      target: { type: 'string', default: 'http://localhost:8080' },
      preset: { type: 'string' }, queues: { type: 'string' }, agents: { type: 'string' }, rate: { type: 'string' },
      seed: { type: 'string' }, transport: { type: 'string' }, token: { type: 'string' }, 'webhook-secret': { type: 'string' },
      format: { type: 'string' }, batch: { type: 'string' }, fast: { type: 'boolean', default: false },
      start: { type: 'string' }, duration: { type: 'string' }, profile: { type: 'string' }, 'run-id': { type: 'string' },
      'sent-until': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  try {
    new URL(values.target);
  } catch {
    throw new Error(`--target: expected a URL such as http://localhost:8080, got "${values.target}"`);
  }
  const startMs = values.start === undefined ? undefined : Date.parse(values.start);
  if (startMs !== undefined && Number.isNaN(startMs)) throw new Error(`--start: expected an RFC 3339 time, got "${values.start}"`);
  const sentUntilMs = values['sent-until'] === undefined ? undefined : Date.parse(values['sent-until']);
  if (sentUntilMs !== undefined && Number.isNaN(sentUntilMs)) throw new Error(`--sent-until: expected an RFC 3339 time, got "${values['sent-until']}"`);
  if (sentUntilMs !== undefined && (values.fast || startMs === undefined)) throw new Error('--sent-until: only in real time, with the --start of the run it continues');
  if (values.seed !== undefined && !/^\d+$/.test(values.seed)) throw new Error(`--seed: expected a whole number, got "${values.seed}"`);
  const options: RunOptions = {
    target: values.target,
    fast: values.fast,
    preset: oneOf<PresetName>('preset', values.preset, PRESET_NAMES),
    queues: parseInteger('queues', values.queues),
    agents: parseInteger('agents', values.agents),
    ratePerSecond: values.rate === undefined ? undefined : parseRate(values.rate),
    seed: values.seed === undefined ? undefined : Number(values.seed),
    transport: oneOf<TransportName>('transport', values.transport, ['http', 'webhook', 'ws']),
    token: values.token,
    webhookSecret: values['webhook-secret'],
    format: oneOf('format', values.format, ['ndjson', 'json'] as const),
    batch: parseInteger('batch', values.batch),
    startMs,
    durationMs: values.duration === undefined ? undefined : parseDuration(values.duration),
    profile: oneOf('profile', values.profile, ['office', 'flat'] as const),
    runId: values['run-id'],
    sentUntilMs,
  };
  if (options.transport === 'webhook' && !options.webhookSecret) throw new Error('--webhook-secret: required with --transport webhook');
  return { help: false, options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as unknown as RunOptions };
}
