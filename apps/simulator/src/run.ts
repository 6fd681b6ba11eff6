import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_FUTURE_SKEW_MS, type PlanciaEvent } from '@plancia/contracts';
import { generateFromPlan } from './model/generate.js';
import { planSimulation, type ModelOptions, type SimulationPlan } from './model/plan.js';
import { resumeRun } from './resume.js';
import { httpTransport } from './transport/http.js';
import { DEFAULT_RETRY, type Delivery, type Transport } from './transport/transport.js';
import { webSocketTransport } from './transport/websocket.js';
import { webhookTransport } from './transport/webhook.js';

export type TransportName = 'http' | 'webhook' | 'ws';

export interface RunOptions extends Omit<ModelOptions, 'startMs'> {
  /** Base URL of the Plancia server, e.g. http://localhost:8080. */
  target: string;
  transport?: TransportName;
  token?: string;
  webhookSecret?: string;
  /** Body of HTTP batches. */
  format?: 'ndjson' | 'json';
  /** Most events per request (or per WebSocket frame). */
  batch?: number;
  /** As fast as possible with synthetic timestamps, instead of in step with the wall clock. */
  fast?: boolean;
  /**
   * Simulated start. Fast mode: by default now − duration, so that no event lies in the future. Real time: by default
   * now − warm-up; an earlier start continues the run that began then (with `sentUntilMs`, same seed and run id).
   */
  startMs?: number;
  /** Real time only: what the model did in this long before now is sent at once, so the board opens on a centre at work. */
  warmupMs?: number;
  /**
   * Real time only, continuing a run from `startMs`: the server already holds its events up to this instant, so only
   * later ones are sent (see resumeRun), and a warm-up only for the part of the last `warmupMs` it lacks.
   */
  sentUntilMs?: number;
  /** Requests (or unacknowledged frames) in flight at once for live events; past events go one at a time. */
  window?: number;
  signal?: AbortSignal;
  progressIntervalMs?: number;
  onProgress?: (stats: Stats) => void;
  onError?: (message: string) => void;
}

export interface Stats {
  sent: number;
  accepted: number;
  duplicates: number;
  /** Events whose delivery failed for good. */
  errors: number;
  retries: number;
  requests: number;
  /** Simulated time of the last event handed to the transport. */
  simulatedTime?: string;
}

export const DEFAULT_FAST_DURATION_MS = 3_600_000;
export const DEFAULT_WARMUP_MS = 10 * 60_000;
/** A partial batch leaves after this long in real time. */
export const FLUSH_INTERVAL_MS = 200;
/**
 * Events dated further back than this (and every event of a fast run) go one request at a time, in order. The server pairs a contact's events only
 * within a grace period of their timestamps: past events that overtook each other (an answer before its queued)
 * would leave an orphan answer and a contact waiting for ever. Live events arrive well inside the grace.
 */
export const IN_ORDER_BEFORE_MS = 10_000;
/** A continued run sends again its last minute before the point the server holds (see ResumePoint.overlapMs). */
export const RESUME_OVERLAP_MS = 60_000;

/** Chooses start, end and profile for the speed asked, refusing a fast run that would end in the future. */
export function planRun(options: RunOptions, nowMs: number): SimulationPlan {
  if (!options.fast) {
    // The warm-up is history by the time the run begins: the duration counts from now. A continued run keeps the
    // plan it began with (its start, and its presets counted from the end of its first warm-up).
    const warmupMs = options.warmupMs ?? DEFAULT_WARMUP_MS;
    const startMs = options.startMs ?? nowMs - warmupMs;
    if (startMs > nowMs) throw new Error(`start ${new Date(startMs).toISOString()} is in the future: real time starts now or continues an earlier run`);
    const durationMs = options.durationMs === undefined ? undefined : options.durationMs + (nowMs - startMs);
    return planSimulation({ profile: 'flat', ...options, startMs, durationMs, presetOriginMs: startMs + warmupMs });
  }
  const durationMs = options.durationMs ?? DEFAULT_FAST_DURATION_MS;
  const startMs = options.startMs ?? nowMs - durationMs;
  if (startMs + durationMs > nowMs + MAX_FUTURE_SKEW_MS) {
    throw new Error(`start + duration ends ${new Date(startMs + durationMs).toISOString()}, in the future: the server rejects events more than 5 minutes ahead`);
  }
  return planSimulation({ ...options, startMs, durationMs });
}

export function createTransport(options: RunOptions, stats: Stats): Transport {
  const retry = { ...DEFAULT_RETRY, onRetry: (_attempt: number, reason: string) => { stats.retries++; options.onError?.(`retrying: ${reason}`); } };
  const common = { target: options.target, retry, ...(options.token ? { token: options.token } : {}) };
  switch (options.transport ?? 'http') {
    case 'http':
      return httpTransport({ ...common, ...(options.format ? { format: options.format } : {}) });
    case 'webhook':
      if (!options.webhookSecret) throw new Error('webhook-secret is required with the webhook transport');
      return webhookTransport({ ...common, secret: options.webhookSecret });
    case 'ws':
      return webSocketTransport(common);
    default:
      throw new Error(`transport must be http, webhook or ws, got ${String(options.transport)}`);
  }
}

/** Generates the traffic and delivers it through the public ingest API; resolves when done or aborted. */
export async function runSimulation(options: RunOptions): Promise<Stats> {
  const stats: Stats = { sent: 0, accepted: 0, duplicates: 0, errors: 0, retries: 0, requests: 0 };
  const nowMs = Date.now();
  const plan = planRun(options, nowMs);
  const transport = createTransport(options, stats);
  const sender = new BatchSender(transport, stats, options);
  const progress = options.onProgress && setInterval(() => options.onProgress!(stats), options.progressIntervalMs ?? 5000);
  const events = options.sentUntilMs === undefined || options.fast
    ? generateFromPlan(plan)
    : resumeRun(generateFromPlan(plan), {
      sentUntilMs: options.sentUntilMs,
      warmupFromMs: nowMs - (options.warmupMs ?? DEFAULT_WARMUP_MS),
      overlapMs: RESUME_OVERLAP_MS,
    });
  try {
    for (const event of events) {
      if (options.signal?.aborted) break;
      if (!options.fast && !(await sender.waitUntilDue(Date.parse(event.time), options.signal))) break;
      await sender.add(event);
    }
    await sender.drain();
  } finally {
    if (progress) clearInterval(progress);
    await transport.close();
  }
  options.onProgress?.(stats);
  return stats;
}

/** Fills batches, sends them with a bounded number in flight, and records what the server answered. */
class BatchSender {
  private batch: PlanciaEvent[] = [];
  private openedAt = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly size: number;
  private readonly window: number;

  constructor(private readonly transport: Transport, private readonly stats: Stats, private readonly options: RunOptions) {
    this.size = options.batch ?? 500;
    this.window = options.window ?? 4;
    if (!Number.isInteger(this.size) || this.size < 1) throw new Error(`batch must be a positive integer, got ${this.size}`);
  }

  async add(event: PlanciaEvent): Promise<void> {
    if (this.batch.length === 0) this.openedAt = Date.now();
    this.batch.push(event);
    this.stats.simulatedTime = event.time;
    if (this.batch.length >= this.size) await this.flush();
  }

  /** Real time: waits for the event's moment, sending the partial batch when it has waited long enough. */
  async waitUntilDue(dueMs: number, signal?: AbortSignal): Promise<boolean> {
    for (let now = Date.now(); dueMs > now; now = Date.now()) {
      const deadline = this.batch.length > 0 ? this.openedAt + FLUSH_INTERVAL_MS : Infinity;
      if (now >= deadline) {
        await this.flush();
        continue;
      }
      try {
        await sleep(Math.min(dueMs, deadline) - now, undefined, signal ? { signal } : {});
      } catch {
        return false;
      }
    }
    return true;
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const events = this.batch;
    this.batch = [];
    const inOrder = this.options.fast === true || Date.parse(events[events.length - 1]!.time) < Date.now() - IN_ORDER_BEFORE_MS;
    while (this.inFlight.size >= (inOrder ? 1 : this.window)) await Promise.race(this.inFlight);
    this.stats.sent += events.length;
    this.stats.requests++;
    const delivery: Promise<void> = this.transport.send(events, inOrder).then(
      (result: Delivery) => {
        this.stats.accepted += result.accepted;
        this.stats.duplicates += result.duplicates;
      },
      (error: unknown) => {
        this.stats.errors += events.length;
        this.options.onError?.(error instanceof Error ? error.message : String(error));
      },
    ).finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  async drain(): Promise<void> {
    await this.flush();
    await Promise.all(this.inFlight);
  }
}
