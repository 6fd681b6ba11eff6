import type { TimedEvent } from '@plancia/contracts';
import type { EngineConfig } from '@plancia/engine';
import type { BroadcastChange } from '../control-log/broadcasts.js';

/** A person's action on an alert, replicated through the stream so every node's engine applies it at the same point. */
export type AlertActionMessage =
  | { action: 'acknowledge'; alertId: string; by: string; note: string | null }
  | { action: 'assign'; alertId: string; to: string; note: string | null; by: string }
  | { action: 'resolve'; alertId: string; note: string | null; by: string }
  | { action: 'comment'; alertId: string; text: string; by: string }
  | { action: 'snooze'; alertId: string; untilMs: number; by: string };

/**
 * What the stream carries, one JSON message each. `now` is the sender's clock when it published: the cluster clock is
 * the greatest `now` seen so far in stream order, so every replica passes the same time to its engine.
 */
export type StreamMessage =
  | { kind: 'event'; now: number; event: TimedEvent }
  | { kind: 'tick'; now: number }
  | { kind: 'action'; now: number; requestId: string; change: AlertActionMessage }
  | ConfigMessage
  | { kind: 'broadcast'; now: number; change: BroadcastChange }
  | ReloadNotice;

/**
 * State each node holds in memory from PostgreSQL and any node may change: its silences, its tenants; and the
 * sessions that ended (a logout, a user changed or deleted), whose sockets every node closes.
 */
export type ReloadTopic = 'silences' | 'tenancy' | 'sessions';

/**
 * A change stored in PostgreSQL by node `node`: the other nodes read that state again from the store. It is no input
 * to the engine (its `now` moves the cluster clock as any message's does), so a replay of it only reads again what is
 * stored. `id` names what changed where the reader needs it (the tenant).
 */
export interface ReloadNotice {
  kind: 'reload';
  now: number;
  node: string;
  topic: ReloadTopic;
  id?: string;
}

/**
 * A configuration change: the whole stored configuration as the engine runs it, so every replica rebuilds with the
 * same one at the same position; `queueId` names the queue a change was about (its answer counts that queue's events).
 */
export interface ConfigMessage {
  kind: 'config';
  now: number;
  requestId: string;
  config: EngineConfig;
  queueId?: string;
}

/** The stream, consumer, bucket and subject names of one cluster: two clusters on one NATS never meet. */
export function clusterNames(cluster: string) {
  return {
    stream: `PLANCIA_${cluster}`,
    subjects: {
      event: `plancia.${cluster}.event`, tick: `plancia.${cluster}.tick`, action: `plancia.${cluster}.action`,
      config: `plancia.${cluster}.config`, broadcast: `plancia.${cluster}.broadcast`,
    },
    /** Each reload notice's topic on its own subject. */
    reload: { silences: `plancia.${cluster}.silence`, tenancy: `plancia.${cluster}.tenancy`, sessions: `plancia.${cluster}.sessions` } satisfies Record<ReloadTopic, string>,
    all: `plancia.${cluster}.>`,
    journalConsumer: 'journal-writer',
    bucket: `plancia_${cluster}_lease`,
    /** Without expiry: how far the leader has recorded alert transitions. */
    stateBucket: `plancia_${cluster}_state`,
    /** Request/reply, outside the stream (`all`): a follower's agent action for the leader's PBX link. */
    agentActions: `plancia_${cluster}.agent-action`,
  };
}

export type ClusterNames = ReturnType<typeof clusterNames>;

/** The message id of an event: its (source, id) key, so JetStream refuses a repeat within the duplicate window. */
export const messageId = (event: Pick<TimedEvent, 'source' | 'id'>): string => `${event.source.length}:${event.source}${event.id}`;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const encode = (message: StreamMessage): Uint8Array => encoder.encode(JSON.stringify(message));
export const decode = (data: Uint8Array): StreamMessage => JSON.parse(decoder.decode(data)) as StreamMessage;
