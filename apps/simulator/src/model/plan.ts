import { QUEUE_CATALOG, type QueueTemplate } from './catalog.js';
import { agentsNeeded, sustainableRate } from './erlang.js';
import { PRESETS, OUTAGE_QUEUE, type PresetName } from './presets.js';
import type { DailyProfile } from './profile.js';

/** What a caller chooses; everything else follows from it. */
export interface ModelOptions {
  seed?: number;
  /** Simulated start, epoch milliseconds. */
  startMs: number;
  /** Simulated length; without it the model runs for ever. */
  durationMs?: number;
  preset?: PresetName;
  queues?: number;
  /** Agents across all queues; sized from `ratePerSecond` by Erlang C when absent, otherwise 60. */
  agents?: number;
  /** Total arrivals per second at the daily peak; derived from the staffing when absent. */
  ratePerSecond?: number;
  profile?: DailyProfile;
  timeZone?: string;
  /** When the preset's surges count from; the start unless a real-time run warms up first. */
  presetOriginMs?: number;
  /** Names the run in event sources and ids; derived from seed and start when absent. */
  runId?: string;
}

export interface QueuePlan {
  id: string;
  template: QueueTemplate;
  agents: number;
  /** Arrivals per second at the daily peak, before any surge. */
  peakRate: number;
  /** Arrival multiplier at a moment (surges of the preset). */
  surges: { factor: number; fromMs: number; toMs: number }[];
}

export interface SimulationPlan {
  runId: string;
  source: string;
  seed: number;
  startMs: number;
  endMs: number;
  profile: DailyProfile;
  timeZone: string;
  queues: QueuePlan[];
}

export const DEFAULT_AGENTS = 150;
/**
 * Service-level objective the staffing is sized against. A normal day must look normal on the board, and the default
 * rules call one caller waiting past 2 × T critical: sized for the 80/20 target itself, a small team sees such a
 * wait every few minutes by chance. Hence 98.5 % within 20 s (after 15 % shrinkage for breaks), which keeps every
 * queue clear of critical alerts on a normal day (apps/simulator/src/model/calm-day.test.ts).
 */
export const SIZING = { thresholdSeconds: 20, target: 0.985, shrinkage: 0.15, ticketOccupancy: 0.7 };

export function queueTemplates(count: number): { id: string; template: QueueTemplate }[] {
  return Array.from({ length: count }, (_, i) => {
    const template = QUEUE_CATALOG[i % QUEUE_CATALOG.length]!;
    const round = Math.floor(i / QUEUE_CATALOG.length);
    return { id: round === 0 ? template.name : `${template.name}-${round + 1}`, template };
  });
}

function workSeconds(template: QueueTemplate): number {
  return template.kind === 'contact' ? template.talkSeconds + template.wrapUpSeconds : template.workSeconds;
}

/** Splits `total` by weight, largest remainder first, at least one each. */
function splitByWeight(total: number, weights: number[]): number[] {
  const spare = total - weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = exact.map((x) => 1 + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

function rateFromStaff(template: QueueTemplate, agents: number): number {
  const working = Math.floor(agents * (1 - SIZING.shrinkage));
  if (template.kind === 'ticket') return (working * SIZING.ticketOccupancy) / template.workSeconds;
  return sustainableRate(working, workSeconds(template), SIZING.thresholdSeconds, SIZING.target);
}

function staffFromRate(template: QueueTemplate, rate: number): number {
  const working = template.kind === 'ticket'
    ? Math.ceil((rate * template.workSeconds) / SIZING.ticketOccupancy)
    : agentsNeeded(rate, workSeconds(template), SIZING.thresholdSeconds, SIZING.target);
  return Math.max(1, Math.ceil(working / (1 - SIZING.shrinkage)));
}

function requirePositiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`${name} must be a positive integer, got ${value}`);
}

export function planSimulation(options: ModelOptions): SimulationPlan {
  const { startMs } = options;
  const seed = options.seed ?? 42;
  const queueCount = options.queues ?? 6;
  requirePositiveInteger('queues', queueCount);
  requirePositiveInteger('agents', options.agents);
  if (!Number.isFinite(startMs)) throw new Error('start must be a valid time');
  if (options.ratePerSecond !== undefined && !(options.ratePerSecond > 0)) throw new Error(`rate must be above zero, got ${options.ratePerSecond}`);
  if (options.durationMs !== undefined && !(options.durationMs > 0)) throw new Error(`duration must be above zero, got ${options.durationMs}`);
  if (options.agents !== undefined && options.agents < queueCount) throw new Error(`agents (${options.agents}) must be at least queues (${queueCount})`);

  const templates = queueTemplates(queueCount);
  const weights = templates.map(({ template }) => template.weight);
  const { ratePerSecond } = options;
  let agents: number[];
  let rates: number[];
  if (ratePerSecond === undefined) {
    agents = splitByWeight(options.agents ?? Math.max(DEFAULT_AGENTS, queueCount), weights);
    rates = templates.map(({ template }, i) => rateFromStaff(template, agents[i]!));
  } else {
    // An explicit total is shared so that each queue's workload follows its weight.
    const arrivalWeights = templates.map(({ template }) => template.weight / workSeconds(template));
    const sum = arrivalWeights.reduce((a, b) => a + b, 0);
    rates = arrivalWeights.map((w) => (ratePerSecond * w) / sum);
    agents = options.agents === undefined
      ? templates.map(({ template }, i) => staffFromRate(template, rates[i]!))
      : splitByWeight(options.agents, weights);
  }
  const preset = PRESETS[options.preset ?? 'normal'];
  if (!preset) throw new Error(`preset must be one of normal, surge, outage, got ${options.preset}`);
  const firstContactQueue = templates.find(({ template }) => template.kind === 'contact')?.id;
  const originMs = options.presetOriginMs ?? startMs;
  const outageQueue = templates.some(({ id }) => id === OUTAGE_QUEUE) ? OUTAGE_QUEUE : firstContactQueue;
  const queues = templates.map(({ id, template }, i): QueuePlan => ({
    id,
    template,
    agents: agents[i]!,
    peakRate: rates[i]!,
    surges: preset.surges
      .filter((s) => (s.queue === '*' ? template.kind === 'contact' : (s.queue === OUTAGE_QUEUE ? outageQueue : s.queue) === id))
      .map((s) => ({ factor: s.factor, fromMs: originMs + s.fromMinute * 60_000, toMs: originMs + (s.fromMinute + s.forMinutes) * 60_000 })),
  }));
  const runId = options.runId ?? `s${seed}-${startMs.toString(36)}`;
  return {
    runId,
    source: `plancia-simulator/${runId}`,
    seed,
    startMs,
    endMs: options.durationMs === undefined ? Infinity : startMs + options.durationMs,
    profile: options.profile ?? 'office',
    timeZone: options.timeZone ?? 'Europe/Rome',
    queues,
  };
}
