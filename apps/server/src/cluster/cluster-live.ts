import { randomUUID } from 'node:crypto';
import type { AlertEvent, TimedEvent } from '@plancia/contracts';
import { countConcerning, type EngineConfig, type PlanciaEngine } from '@plancia/engine';
import type { BroadcastChange } from '../control-log/broadcasts.js';
import { LiveState, type LiveSinks } from '../live/live-state.js';
import type { AlertActionMessage, ConfigMessage, ReloadNotice, StreamMessage } from './cluster-messages.js';

/** How long a person's action waits for this node's replica to apply it before the request fails. */
const ACTION_TIMEOUT_MS = 10_000;
/** A configuration change rebuilds from the day's journal: as long as a start's replay may take. */
const CONFIG_TIMEOUT_MS = 120_000;

/**
 * The cluster's time: the greatest `now` carried by the stream so far, so every replica passes its engine the same
 * instants in the same order. A node starts from the clock of the journal's cursor (0 for a new cluster).
 */
export class ClusterClock {
  constructor(private value: number) {}
  /** Only before the first message of a new cluster is there no cluster time yet: the local clock stands in. */
  now = (): number => this.value || Date.now();
  advance(ms: number): void {
    if (ms > this.value) this.value = ms;
  }
}

/** How this node's requests enter the stream, and what a configuration change rebuilds from. */
export interface ClusterDoors {
  /** Publishes an action; the id lets this node find the answer when its replica applies it. */
  publishAction(requestId: string, change: AlertActionMessage): Promise<void>;
  /** Publishes the stored configuration as a change (cluster-config.ts); `queueId`: the queue it was about. */
  publishConfig(requestId: string, queueId?: string): Promise<void>;
  /** The events a rebuild under `config` at stream position `seq` replays from `fromMs`, admitted to the limits. */
  eventsBefore(seq: number, fromMs: number, config: EngineConfig): Promise<TimedEvent[]>;
}

/**
 * The live state of one replica. Nothing changes it but the stream: events, the leader's clock ticks, and people's
 * actions on alerts (published, then answered once this node has applied them in stream order). Alert transitions
 * it produces go to the sinks with the stream position that produced them (`position`), for the leader to record.
 */
export class ClusterLive extends LiveState {
  private readonly waiting = new Map<string, (result: unknown) => void>();
  private readonly broadcastListeners = new Set<(change: BroadcastChange) => void>();
  private readonly reloadListeners = new Set<(notice: ReloadNotice) => Promise<void>>();
  /** The stream sequence of the message being (or last) applied. */
  position = 0;

  constructor(
    engine: PlanciaEngine,
    sinks: LiveSinks,
    readonly clock: ClusterClock,
    private readonly doors: ClusterDoors,
  ) {
    super(engine, sinks, clock.now);
  }

  /** Time comes from the leader's ticks in the stream, never from a local timer. */
  override start(): void {}

  /**
   * A configuration change stored on this node: published through the stream and answered once this node's replica has
   * rebuilt with it (how many events concern `queueId`), as every replica does at the same position.
   */
  reconfigure(queueId?: string): Promise<number> {
    return this.request((requestId) => this.doors.publishConfig(requestId, queueId), CONFIG_TIMEOUT_MS);
  }

  /** Broadcasts to the boards, sent or withdrawn on any node, as the stream carries them. */
  onBroadcast(listener: (change: BroadcastChange) => void): () => void {
    this.broadcastListeners.add(listener);
    return () => this.broadcastListeners.delete(listener);
  }

  /** Reload notices of every node, this one's included, as the stream carries them (awaited before the next message). */
  onReload(listener: (notice: ReloadNotice) => Promise<void>): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  override acknowledgeAlert(alertId: string, by: string, note: string | null): Promise<AlertEvent | null> {
    return this.requestAction({ action: 'acknowledge', alertId, by, note });
  }

  override assignAlert(alertId: string, to: string, note: string | null, by: string): Promise<AlertEvent | null> {
    return this.requestAction({ action: 'assign', alertId, to, note, by });
  }

  override resolveAlert(alertId: string, note: string | null, by: string): Promise<AlertEvent | null> {
    return this.requestAction({ action: 'resolve', alertId, note, by });
  }

  override commentAlert(alertId: string, text: string, by: string): Promise<AlertEvent | null> {
    return this.requestAction({ action: 'comment', alertId, text, by });
  }

  override snoozeAlert(alertId: string, untilMs: number, by: string): Promise<AlertEvent | null> {
    return this.requestAction({ action: 'snooze', alertId, untilMs, by });
  }

  /** Applies one stream message; the replica loop calls it in stream order, one at a time. */
  async applyMessage(seq: number, message: StreamMessage): Promise<void> {
    this.position = seq;
    this.clock.advance(message.now);
    if (message.kind === 'event') super.apply([message.event]);
    else if (message.kind === 'tick') await super.tick();
    else if (message.kind === 'config') {
      // Applied on every node; answered on the one that asked (an optional call would skip its argument elsewhere).
      const replayed = await this.applyConfig(seq, message);
      this.waiting.get(message.requestId)?.(replayed);
    }
    else if (message.kind === 'broadcast') for (const listener of this.broadcastListeners) listener(message.change);
    else if (message.kind === 'reload') await Promise.all([...this.reloadListeners].map((listener) => listener(message)));
    else {
      const result = await this.applyAction(message.change);
      this.waiting.get(message.requestId)?.(result);
    }
  }

  /** Every figure rebuilt under the message's configuration from the events before it in the stream. */
  private async applyConfig(seq: number, message: ConfigMessage): Promise<number> {
    const events = await this.doors.eventsBefore(seq, this.replayFrom(), message.config);
    this.rebuild(message.config, events);
    return message.queueId === undefined ? 0 : countConcerning(message.queueId, events);
  }

  private applyAction(change: AlertActionMessage): Promise<AlertEvent | null> {
    switch (change.action) {
      case 'acknowledge': return super.acknowledgeAlert(change.alertId, change.by, change.note);
      case 'assign': return super.assignAlert(change.alertId, change.to, change.note, change.by);
      case 'resolve': return super.resolveAlert(change.alertId, change.note, change.by);
      case 'comment': return super.commentAlert(change.alertId, change.text, change.by);
      case 'snooze': return super.snoozeAlert(change.alertId, change.untilMs, change.by);
    }
  }

  private requestAction(change: AlertActionMessage): Promise<AlertEvent | null> {
    return this.request((requestId) => this.doors.publishAction(requestId, change), ACTION_TIMEOUT_MS);
  }

  private async request<T>(publish: (requestId: string) => Promise<void>, timeoutMs: number): Promise<T> {
    const requestId = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<T>((resolve, reject) => {
      this.waiting.set(requestId, resolve as (result: unknown) => void);
      timer = setTimeout(() => reject(new Error('the cluster did not apply the change in time')), timeoutMs);
    });
    try {
      await publish(requestId);
      return await answer;
    } finally {
      clearTimeout(timer);
      this.waiting.delete(requestId);
    }
  }
}
