import type { AgentStateName, ContactChannelName, EventType, PlanciaEvent } from '@plancia/contracts';
import { AdapterError } from '../common/errors.js';
import { callerData } from '../common/caller.js';
import { cloudEvent } from '../common/events.js';
import type { FormParams } from '../signatures/twilio.js';

export interface TwilioMapperOptions {
  /** Names the workspace in every event's `source`, e.g. `twilio:WSxxxxxxxx`. */
  source: string;
  /** Worker activity name → agent state; merged over the defaults (Available, Offline, anything else not_ready). */
  activities?: Readonly<Record<string, AgentStateName>>;
  /** TaskChannelUniqueName → channel; merged over the defaults. */
  channels?: Readonly<Record<string, ContactChannelName>>;
}

const DEFAULT_ACTIVITIES: Record<string, AgentStateName> = { Available: 'available', Idle: 'available', Offline: 'offline' };
const DEFAULT_CHANNELS: Record<string, ContactChannelName> = {
  voice: 'voice', video: 'voice', chat: 'chat', sms: 'messaging', whatsapp: 'messaging', messenger: 'messaging',
  email: 'email', default: 'messaging',
};

/**
 * Maps TaskRouter event callbacks (the workspace's EventCallbackUrl, form-encoded) to Plancia events.
 * Each event id is the callback's EventSid (`Sid`), so a retried callback is a duplicate downstream.
 * It remembers which tasks were accepted, to tell an abandon (canceled while waiting) from a hang-up later on.
 */
export class TwilioTaskRouterMapper {
  private readonly accepted = new Set<string>();
  private readonly activities: Record<string, AgentStateName>;
  private readonly channels: Record<string, ContactChannelName>;

  constructor(private readonly options: TwilioMapperOptions) {
    if (!options.source) throw new AdapterError('twilio', 'source', 'a source name is required');
    this.activities = { ...DEFAULT_ACTIVITIES, ...options.activities };
    this.channels = { ...DEFAULT_CHANNELS, ...options.channels };
  }

  /** Maps one callback; `receivedAtMs` is used only when it carries neither TimestampMs nor Timestamp. */
  map(params: FormParams, receivedAtMs?: number): PlanciaEvent[] {
    const type = one(params, 'EventType');
    const emit = (eventType: EventType, data: Record<string, unknown>): PlanciaEvent[] => [cloudEvent({
      type: eventType, id: `twilio:${need(params, 'Sid')}`, source: this.options.source, timeMs: timeOf(params, receivedAtMs), data,
    })];
    switch (type) {
      case 'task-queue.entered':
        return emit('contact.queued', {
          contactId: need(params, 'TaskSid'), queueId: queueOf(params), channel: this.channelOf(params), ...callerData(callerOf(params)), ...priorityOf(params),
        });
      case 'reservation.accepted': {
        const contactId = need(params, 'TaskSid');
        this.accepted.add(contactId);
        return emit('contact.answered', { contactId, agentId: need(params, 'WorkerSid'), ...named(params, 'agentName') });
      }
      case 'task.canceled': {
        const contactId = need(params, 'TaskSid');
        const reason = one(params, 'TaskCanceledReason');
        const data = { contactId, ...(reason ? { reason } : {}) };
        return this.accepted.delete(contactId) ? emit('contact.ended', data) : emit('contact.abandoned', data);
      }
      case 'task-queue.moved':
        return emit('contact.transferred', { contactId: need(params, 'TaskSid'), toQueueId: queueOf(params), ...priorityOf(params) });
      case 'task.wrapup':
        return emit('contact.ended', { contactId: need(params, 'TaskSid') });
      case 'task.completed': {
        const contactId = need(params, 'TaskSid');
        this.accepted.delete(contactId);
        return emit('contact.completed', { contactId });
      }
      case 'worker.activity.update': case 'worker.created':
        return emit('agent.state', this.agentState(params));
      default:
        return [];
    }
  }

  private agentState(params: FormParams): Record<string, unknown> {
    const activity = need(params, 'WorkerActivityName');
    const state = this.activities[activity] ?? 'not_ready';
    return { agentId: need(params, 'WorkerSid'), state, ...(state === 'not_ready' ? { reason: activity } : {}), ...named(params, 'name') };
  }

  private channelOf(params: FormParams): ContactChannelName {
    return this.channels[one(params, 'TaskChannelUniqueName') ?? 'voice'] ?? 'messaging';
  }
}

function one(params: FormParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : value?.[0];
}

function need(params: FormParams, name: string): string {
  const value = one(params, name);
  if (!value) throw new AdapterError('twilio', name, `${one(params, 'EventType') ?? 'callback'} has no ${name}`);
  return value;
}

/**
 * The caller of a task: `From` when the callback carries it, else the task attributes' `from` (set by <Enqueue> for
 * calls, by Flex for chats and messages). The attributes themselves are never forwarded: they hold more of the same.
 */
function callerOf(params: FormParams): string | undefined {
  const from = one(params, 'From');
  if (from) return from;
  try {
    const attributes = JSON.parse(one(params, 'TaskAttributes') ?? '{}') as Record<string, unknown>;
    return typeof attributes.from === 'string' ? attributes.from : undefined;
  } catch {
    return undefined;
  }
}

/** The largest priority the event contract takes; TaskRouter's may be larger, and is then left out rather than changed. */
const MAX_PRIORITY = 1_000_000;

/**
 * `TaskPriority`, which TaskRouter's event callbacks carry for task events (higher is served sooner, as in the
 * contract). Left out when absent or not a whole number in the contract's range.
 */
function priorityOf(params: FormParams): { priority?: number } {
  const text = one(params, 'TaskPriority');
  const priority = text === undefined || text === '' ? NaN : Number(text);
  return Number.isInteger(priority) && priority >= 0 && priority <= MAX_PRIORITY ? { priority } : {};
}

function queueOf(params: FormParams): string {
  return one(params, 'TaskQueueName') || need(params, 'TaskQueueSid');
}

function named(params: FormParams, key: 'name' | 'agentName'): Record<string, string> {
  const name = one(params, 'WorkerName');
  return name ? { [key]: name } : {};
}

/** TaskRouter sends `TimestampMs` (newer) and `Timestamp` (unix seconds). */
function timeOf(params: FormParams, receivedAtMs?: number): number {
  const ms = Number(one(params, 'TimestampMs'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const sec = Number(one(params, 'Timestamp'));
  if (Number.isFinite(sec) && sec > 0) return sec * 1000;
  if (receivedAtMs !== undefined) return receivedAtMs;
  throw new AdapterError('twilio', 'Timestamp', 'the callback has no Timestamp and no receivedAtMs was given');
}
