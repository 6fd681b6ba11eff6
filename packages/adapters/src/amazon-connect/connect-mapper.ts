import type { AgentStateName, PlanciaEvent } from '@plancia/contracts';
import { AdapterError } from '../common/errors.js';
import { cloudEvent, type EventDraft } from '../common/events.js';
import { agentView, snapshotContacts } from './agent-records.js';
import { contactLifecycle } from './contact-events.js';
import { field, msOf, text } from './json-fields.js';

export interface AmazonConnectMapperOptions {
  /** Names the Connect instance in every event's `source`, e.g. `connect:eu-central-1/my-instance`. */
  source: string;
  /** Agent status name → state, merged over the defaults (Available → available, Offline → offline, others not_ready). */
  statuses?: Readonly<Record<string, AgentStateName>>;
}

const DEFAULT_STATUSES: Record<string, AgentStateName> = { Available: 'available', Offline: 'offline' };

/**
 * Maps Amazon Connect agent event stream records and contact events to Plancia events. It takes one payload or a
 * batch (array), each either an EventBridge envelope (`detail-type` + `detail`) or the bare `detail`, or an agent
 * event record as Kinesis carries it. Ids are per contact step (`connect:<contactId>:answered`) or per agent
 * event (`connect:agent:<agentId>:<EventId>`), so duplicates and out-of-order delivery are harmless downstream.
 */
export class AmazonConnectMapper {
  private readonly statuses: Record<string, AgentStateName>;
  private readonly believed = new Map<string, string>();

  constructor(private readonly options: AmazonConnectMapperOptions) {
    if (!options.source) throw new AdapterError('amazon-connect', 'source', 'a source name is required');
    this.statuses = { ...DEFAULT_STATUSES, ...options.statuses };
  }

  /** `receivedAtMs` dates an agent record that has no EventTimestamp. */
  map(payload: unknown, receivedAtMs?: number): PlanciaEvent[] {
    const items = Array.isArray(payload) ? payload : [payload];
    return items.flatMap((item, index) => this.one(field(item, 'detail') ?? item, receivedAtMs, index));
  }

  private one(item: unknown, receivedAtMs: number | undefined, index: number): PlanciaEvent[] {
    if (text(item, 'AgentARN') !== undefined) return this.agentRecord(item, receivedAtMs);
    if (text(item, 'contactId') !== undefined && text(item, 'eventType') !== undefined) return this.emit(contactLifecycle(item));
    throw new AdapterError('amazon-connect', `/${index}/eventType`, 'neither a contact event nor an agent event record');
  }

  private agentRecord(record: unknown, receivedAtMs?: number): PlanciaEvent[] {
    const view = agentView(record, this.statuses)!;
    const eventMs = msOf(text(record, 'EventTimestamp')) ?? receivedAtMs;
    if (eventMs === undefined) throw new AdapterError('amazon-connect', 'EventTimestamp', 'the record has none and no receivedAtMs was given');
    const drafts = snapshotContacts(record, view.agentId, eventMs);
    const key = [view.state, view.reason ?? '', view.queueIds.join(',')].join('|');
    // Heartbeats repeat the state every two minutes: only a change is news.
    if (this.believed.get(view.agentId) !== key) {
      this.believed.set(view.agentId, key);
      const data = {
        agentId: view.agentId, state: view.state, queueIds: view.queueIds,
        ...(view.reason ? { reason: view.reason } : {}), ...(view.name ? { name: view.name } : {}),
      };
      drafts.push({ type: 'agent.state', id: `connect:agent:${view.agentId}:${text(record, 'EventId') ?? eventMs}`, timeMs: eventMs, data });
    }
    return this.emit(drafts);
  }

  private emit(drafts: Omit<EventDraft, 'source'>[]): PlanciaEvent[] {
    return drafts.map((d) => cloudEvent({ ...d, source: this.options.source }));
  }
}
