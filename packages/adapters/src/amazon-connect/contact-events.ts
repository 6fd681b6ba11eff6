import type { ContactChannelName } from '@plancia/contracts';
import { callerData } from '../common/caller.js';
import type { EventDraft } from '../common/events.js';
import { arnId, msOf, text } from './json-fields.js';

type Draft = Omit<EventDraft, 'source'>;

const CHANNELS: Record<string, ContactChannelName> = { VOICE: 'voice', CHAT: 'chat', TASK: 'messaging', EMAIL: 'email' };

export function channelOf(channel: string | undefined): ContactChannelName {
  return CHANNELS[(channel ?? 'VOICE').toUpperCase()] ?? 'messaging';
}

/**
 * A contact event (the EventBridge `detail`) as the contact's lifecycle so far: queued when it carries
 * `queueInfo.enqueueTimestamp`, answered with `agentInfo.connectedToAgentTimestamp`, and on DISCONNECTED ended
 * (answered) or abandoned (queued, never answered). Ids are per contact and step, not per event, so the same
 * step learnt from any event (or from the agent event stream) is one event; Connect delivers out of order.
 * Outbound contacts never waited in a queue: they map to nothing here (the agent's state still shows them).
 */
export function contactLifecycle(detail: unknown): Draft[] {
  const contactId = text(detail, 'contactId');
  if (!contactId || text(detail, 'initiationMethod') === 'OUTBOUND') return [];
  const queueArn = text(detail, 'queueInfo', 'queueArn');
  const queuedMs = msOf(text(detail, 'queueInfo', 'enqueueTimestamp'));
  const agentArn = text(detail, 'agentInfo', 'agentArn');
  const answeredMs = msOf(text(detail, 'agentInfo', 'connectedToAgentTimestamp'));
  const drafts: Draft[] = [];
  if (queueArn && queuedMs !== undefined) {
    // customerEndpoint.address: the caller's number (or chat id), pseudonymised on ingest.
    const caller = callerData(text(detail, 'customerEndpoint', 'address'));
    const data = { contactId, queueId: arnId(queueArn, 'queue'), channel: channelOf(text(detail, 'channel')), ...caller };
    drafts.push({ type: 'contact.queued', id: `connect:${contactId}:queued`, timeMs: queuedMs, data });
  }
  if (agentArn && answeredMs !== undefined) {
    const data = { contactId, agentId: arnId(agentArn, 'agent') };
    drafts.push({ type: 'contact.answered', id: `connect:${contactId}:answered`, timeMs: answeredMs, data });
  }
  const disconnectedMs = msOf(text(detail, 'disconnectTimestamp'));
  if (text(detail, 'eventType') === 'DISCONNECTED' && disconnectedMs !== undefined) {
    if (answeredMs !== undefined) drafts.push({ type: 'contact.ended', id: `connect:${contactId}:ended`, timeMs: disconnectedMs, data: { contactId } });
    else if (queuedMs !== undefined) drafts.push({ type: 'contact.abandoned', id: `connect:${contactId}:abandoned`, timeMs: disconnectedMs, data: { contactId } });
  }
  return drafts;
}
