import { randomUUID } from 'node:crypto';
import type { AlertEvent } from '@plancia/contracts';
import type { PlanciaEngine } from '@plancia/engine';
import { LiveState, type LiveSinks } from '../live/live-state.js';
import type { AlertActionMessage, StreamMessage } from './cluster-messages.js';

/** How long a person's action waits for this node's replica to apply it before the request fails. */
const ACTION_TIMEOUT_MS = 10_000;

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

/** Where an action is published; the id lets this node find the answer when its replica applies it. */
export type PublishAction = (requestId: string, change: AlertActionMessage) => Promise<void>;

/**
 * The live state of one replica. Nothing changes it but the stream: events, the leader's clock ticks, and people's
 * actions on alerts (published, then answered once this node has applied them in stream order). Alert transitions
 * it produces go to the sinks with the stream position that produced them (`position`), for the leader to record.
 */
export class ClusterLive extends LiveState {
  private readonly waiting = new Map<string, (event: AlertEvent | null) => void>();
  /** The stream sequence of the message being (or last) applied. */
  position = 0;

  constructor(
    engine: PlanciaEngine,
    sinks: LiveSinks,
    readonly clock: ClusterClock,
    private readonly publish: PublishAction,
  ) {
    super(engine, sinks, clock.now);
  }

  /** Time comes from the leader's ticks in the stream, never from a local timer. */
  override start(): void {}

  override acknowledgeAlert(alertId: string, by: string, note: string | null): Promise<AlertEvent | null> {
    return this.request({ action: 'acknowledge', alertId, by, note });
  }

  override assignAlert(alertId: string, to: string, note: string | null, by: string): Promise<AlertEvent | null> {
    return this.request({ action: 'assign', alertId, to, note, by });
  }

  override resolveAlert(alertId: string, note: string | null, by: string): Promise<AlertEvent | null> {
    return this.request({ action: 'resolve', alertId, note, by });
  }

  override commentAlert(alertId: string, text: string, by: string): Promise<AlertEvent | null> {
    return this.request({ action: 'comment', alertId, text, by });
  }

  override snoozeAlert(alertId: string, untilMs: number, by: string): Promise<AlertEvent | null> {
    return this.request({ action: 'snooze', alertId, untilMs, by });
  }

  /** Applies one stream message; the replica loop calls it in stream order, one at a time. */
  async applyMessage(seq: number, message: StreamMessage): Promise<void> {
    this.position = seq;
    this.clock.advance(message.now);
    if (message.kind === 'event') super.apply([message.event]);
    else if (message.kind === 'tick') await super.tick();
    else {
      const result = await this.applyAction(message.change);
      this.waiting.get(message.requestId)?.(result);
    }
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

  private async request(change: AlertActionMessage): Promise<AlertEvent | null> {
    const requestId = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<AlertEvent | null>((resolve, reject) => {
      this.waiting.set(requestId, resolve);
      timer = setTimeout(() => reject(new Error('the cluster did not apply the action in time')), ACTION_TIMEOUT_MS);
    });
    try {
      await this.publish(requestId, change);
      return await answer;
    } finally {
      clearTimeout(timer);
      this.waiting.delete(requestId);
    }
  }
}
