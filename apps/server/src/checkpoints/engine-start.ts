import type { TimedEvent } from '@plancia/contracts';
import { createEngine, ENGINE_STATE_VERSION, type EngineConfig, type PlanciaEngine } from '@plancia/engine';
import type { CheckpointRecord, Store } from '@plancia/store';
import { configFingerprint, inflateState, parseState } from './checkpoint-format.js';
import { JOURNAL_LOG, type CheckpointPrefetch, type PrefetchedCheckpoint } from './checkpoint-prefetch.js';
import { StartTail } from './start-tail.js';

export { JOURNAL_LOG };
const REPLAY_CHUNK = 5_000;

export interface EngineStartDeps {
  store: Store;
  config: EngineConfig;
  /** false: checkpoints are off (PLANCIA_CHECKPOINT_INTERVAL_S=0), the journal is replayed whatever is stored. */
  useCheckpoints: boolean;
  /** The newest checkpoint read ahead while the server loaded (checkpoint-prefetch.ts), if the start did. */
  prefetched?: CheckpointPrefetch | undefined;
  /** Events replayed go through the queue and agent limits. */
  admit(events: TimedEvent[]): TimedEvent[];
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  now(): number;
}

/** A checkpoint a start resumed from: when it was taken and the log position it covers. */
interface ResumedFrom {
  takenAt: Date;
  position: string;
}

/**
 * Where a resume's time went, in ms of the event loop's clock: waiting for the row (read ahead or read now), waiting
 * for the rest of its inflate, deserialising, the engine's restore, then the journal's tail. What the log line says
 * so that a slow restart shows its slow part.
 */
export interface ResumePhases {
  readMs: number;
  inflateMs: number;
  deserialiseMs: number;
  restoreMs: number;
  tailMs?: number;
}

export interface EngineStart {
  engine: PlanciaEngine;
  /** The journal position the engine now covers: where the next checkpoint starts from. */
  position: string;
  replayed: number;
  /** The checkpoint the start resumed from (and how long reading and restoring it took), or null for a full replay. */
  checkpoint: (ResumedFrom & { restoreMs?: number; phases?: ResumePhases }) | null;
  fromMs: number | null;
  /** The journal's events after the checkpoint, as read, for the callback worklist's catch-up (null: a full replay). */
  tail: StartTail | null;
}

/**
 * The engine as the journal leaves it: from the latest usable checkpoint plus the journal's tail after it, or, when
 * there is none (or it is of another engine version, another configuration, or unreadable), by replaying the journal
 * over the longest window. Open alerts come from the store either way: people acted on some after the checkpoint.
 */
export async function startEngine(deps: EngineStartDeps): Promise<EngineStart> {
  const { store } = deps;
  const [open, handResolved] = [await store.alerts.active(), await store.alerts.handResolved()];
  const restoreStartedAt = performance.now();
  const resumed = deps.useCheckpoints ? await fromCheckpoint(deps) : null;
  if (resumed) {
    const restoreMs = Math.round(performance.now() - restoreStartedAt);
    resumed.engine.restoreAlerts(open, handResolved);
    const tailStartedAt = performance.now();
    const kept = new StartTail(resumed.position);
    const tail = await store.journal.readAfter(resumed.position, (events) => {
      kept.keep(events);
      resumed.engine.apply(deps.admit(events), deps.now());
    }, REPLAY_CHUNK);
    const position = tail.lastSeq ?? resumed.position;
    kept.end(position);
    const phases = { ...resumed.phases, tailMs: Math.round(performance.now() - tailStartedAt) };
    return { engine: resumed.engine, position, replayed: tail.read, checkpoint: { ...resumed.checkpoint, restoreMs, phases }, fromMs: null, tail: kept };
  }
  const startedAt = deps.now();
  const engine = createEngine(deps.config, startedAt);
  engine.restoreAlerts(open, handResolved);
  // Read before the replay: nothing is ingested until the server is ready, so this is the position it covers.
  const position = (await store.journal.lastSeq()) ?? '0';
  const replay = recallThenReplay(engine, startedAt, deps.admit, (events) => engine.apply(events, deps.now()));
  await store.journal.readSince(replay.readFrom, replay.onChunk, REPLAY_CHUNK);
  const { fromMs, replayed } = replay;
  return { engine, position, replayed, checkpoint: null, fromMs, tail: null };
}

/**
 * A replay of the journal from `readFrom` on, in time order: the callers' offers before the replayed span (`fromMs`)
 * are only recalled, for repeat windows that reach back across the day boundary; the rest is admitted and applied.
 * The single process and a cluster node read their journal through it alike.
 */
export function recallThenReplay(engine: PlanciaEngine, startedAt: number, admit: (events: TimedEvent[]) => TimedEvent[], apply: (events: TimedEvent[]) => void) {
  const fromMs = engine.replayFrom(startedAt);
  const state = {
    readFrom: engine.recallFrom(startedAt),
    fromMs,
    replayed: 0,
    onChunk: (events: TimedEvent[]): void => {
      const admitted = admit(events);
      engine.recall(admitted.filter((event) => event.timeMs < fromMs));
      const replay = admitted.filter((event) => event.timeMs >= fromMs);
      if (replay.length > 0) apply(replay);
      state.replayed += replay.length;
    },
  };
  return state;
}

/** Why a stored checkpoint cannot stand in for a replay under this engine and configuration; null: it can. */
export interface CheckpointRefusal {
  level: 'warn' | 'info';
  /** The log message's subject, completed by what the start does instead. */
  reason: string;
  detail: object;
}

/**
 * The checks every start makes of a checkpoint before reading its state (the single process's and a cluster node's):
 * a state of another engine version cannot be read, and one computed under another configuration is another state.
 */
export function checkpointRefusal(checkpoint: Pick<CheckpointRecord, 'engineVersion' | 'configFingerprint'>, fingerprint: string): CheckpointRefusal | null {
  if (checkpoint.engineVersion !== ENGINE_STATE_VERSION) {
    return { level: 'warn', reason: 'checkpoint of another engine version ignored', detail: { expected: ENGINE_STATE_VERSION } };
  }
  if (checkpoint.configFingerprint !== fingerprint) return { level: 'info', reason: 'checkpoint taken under another configuration ignored', detail: {} };
  return null;
}

/**
 * A checkpoint's state on an engine built for `config` (as it must be to restore one); throws if it is unreadable.
 * `inflated`: its state already being inflated (read ahead). `phases`, if given, is told how long each step took.
 */
export async function restoredEngine(config: EngineConfig, checkpoint: CheckpointRecord, inflated?: Promise<Buffer>, phases?: Partial<ResumePhases>): Promise<PlanciaEngine> {
  const engine = createEngine(config, checkpoint.takenAt.getTime());
  const started = performance.now();
  const bytes = await (inflated ?? inflateState(checkpoint.state));
  const inflatedAt = performance.now();
  const state = parseState(bytes);
  const parsedAt = performance.now();
  engine.restore(state);
  if (phases) Object.assign(phases, { inflateMs: Math.round(inflatedAt - started), deserialiseMs: Math.round(parsedAt - inflatedAt), restoreMs: Math.round(performance.now() - parsedAt) });
  return engine;
}

/**
 * The checkpoint read ahead, if it is still the newest now that the store is open (migrated, and nothing else wrote
 * one meanwhile): then it is the very row `latest` would read. Otherwise undefined, and the start reads it itself.
 */
async function prefetchedCheckpoint(deps: EngineStartDeps): Promise<PrefetchedCheckpoint | undefined> {
  const prefetched = await deps.prefetched?.take();
  if (prefetched === undefined) return undefined;
  if ('error' in prefetched) {
    deps.log.info({ err: prefetched.error }, 'checkpoint not read ahead: reading it now');
    return undefined;
  }
  return (await deps.store.checkpoints.latestSeq(JOURNAL_LOG)) === prefetched.checkpoint.seq ? prefetched : undefined;
}

async function fromCheckpoint(deps: EngineStartDeps): Promise<{ engine: PlanciaEngine; position: string; checkpoint: ResumedFrom; phases: ResumePhases } | null> {
  const readStartedAt = performance.now();
  const ahead = await prefetchedCheckpoint(deps);
  const checkpoint = ahead?.checkpoint ?? (await deps.store.checkpoints.latest(JOURNAL_LOG));
  const phases: ResumePhases = { readMs: Math.round(performance.now() - readStartedAt), inflateMs: 0, deserialiseMs: 0, restoreMs: 0 };
  if (!checkpoint) return null;
  const about = { takenAt: checkpoint.takenAt.toISOString(), position: checkpoint.at.position, engineVersion: checkpoint.engineVersion };
  const refusal = checkpointRefusal(checkpoint, configFingerprint(deps.config));
  if (refusal) {
    deps.log[refusal.level]({ ...about, ...refusal.detail }, `${refusal.reason}: replaying the journal`);
    return null;
  }
  try {
    const engine = await restoredEngine(deps.config, checkpoint, ahead?.inflated, phases);
    return { engine, position: checkpoint.at.position, checkpoint: { takenAt: checkpoint.takenAt, position: checkpoint.at.position }, phases };
  } catch (error) {
    deps.log.warn({ ...about, err: error }, 'unreadable checkpoint ignored: replaying the journal');
    return null;
  }
}
