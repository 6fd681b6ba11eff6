import type { AgentStateName } from '@plancia/contracts';
import type { EventDraft } from '../common/events.js';
import { channelOf } from './contact-events.js';
import { arnId, list, msOf, text } from './json-fields.js';

type Draft = Omit<EventDraft, 'source'>;

export interface AgentView {
  agentId: string;
  state: AgentStateName;
  reason: string | undefined;
  name: string | undefined;
  queueIds: string[];
}

const BUSY: Record<string, AgentStateName> = { CONNECTED: 'on_contact', CONNECTED_ONHOLD: 'on_contact', ENDED: 'wrap_up' };
const MISSED = new Set(['MISSED', 'ERROR', 'REJECTED']);

/**
 * The agent's state from the current snapshot. Contacts come first (Connect's own precedence: on contact, then
 * after-contact work, which is a contact in ENDED; a missed or failed contact is not_ready with its state as
 * reason); otherwise the agent status the person set, through `statuses` (unknown names are not_ready).
 */
export function agentView(record: unknown, statuses: Readonly<Record<string, AgentStateName>>): AgentView | undefined {
  const agentArn = text(record, 'AgentARN');
  if (!agentArn) return undefined;
  const current = text(record, 'EventType') === 'LOGOUT' ? undefined : (record as Record<string, unknown>).CurrentAgentSnapshot;
  const contactStates = list(current, 'Contacts').map((c) => text(c, 'State') ?? '');
  const busy = ['CONNECTED', 'CONNECTED_ONHOLD', 'ENDED'].find((s) => contactStates.includes(s));
  const missed = contactStates.find((s) => MISSED.has(s));
  const status = text(current, 'AgentStatus', 'Name') ?? 'Offline';
  const state: AgentStateName = current === undefined ? 'offline' : busy ? BUSY[busy]! : missed ? 'not_ready' : (statuses[status] ?? 'not_ready');
  const reason = state === 'not_ready' ? (missed ?? status) : undefined;
  const config = (current as Record<string, unknown> | undefined)?.Configuration;
  const name = [text(config, 'FirstName'), text(config, 'LastName')].filter(Boolean).join(' ') || text(config, 'Username');
  // Agent queues (one per agent, Name null) are Connect's plumbing, not queues a board shows.
  const queueIds = list((config as Record<string, unknown> | undefined)?.RoutingProfile, 'InboundQueues')
    .filter((q) => text(q, 'Name') !== undefined)
    .map((q) => arnId(text(q, 'ARN') ?? '', 'queue'))
    .filter(Boolean)
    .sort();
  return { agentId: arnId(agentArn, 'agent'), state, reason, name, queueIds };
}

/**
 * What the snapshots say about inbound contacts: one CONNECTED now was queued and answered; one ENDED now has
 * ended (after-contact work begins: Connect sends no event of its own for it); one ENDED before and gone now
 * has completed its after-contact work, at the record's EventTimestamp.
 */
export function snapshotContacts(record: unknown, agentId: string, eventMs: number): Draft[] {
  const current = list((record as Record<string, unknown>).CurrentAgentSnapshot, 'Contacts');
  const previous = list((record as Record<string, unknown>).PreviousAgentSnapshot, 'Contacts');
  const inbound = (c: unknown) => text(c, 'ContactId') !== undefined && text(c, 'InitiationMethod') !== 'OUTBOUND';
  const drafts: Draft[] = [];
  for (const c of current.filter(inbound)) {
    const contactId = text(c, 'ContactId')!;
    const queuedMs = msOf(text(c, 'QueueTimestamp'));
    const queueArn = text(c, 'Queue', 'ARN');
    if (queuedMs !== undefined && queueArn) {
      const data = { contactId, queueId: arnId(queueArn, 'queue'), channel: channelOf(text(c, 'Channel')) };
      drafts.push({ type: 'contact.queued', id: `connect:${contactId}:queued`, timeMs: queuedMs, data });
    }
    const answeredMs = msOf(text(c, 'ConnectedToAgentTimestamp'));
    if (answeredMs !== undefined) drafts.push({ type: 'contact.answered', id: `connect:${contactId}:answered`, timeMs: answeredMs, data: { contactId, agentId } });
    const endedMs = msOf(text(c, 'StateStartTimestamp'));
    if (text(c, 'State') === 'ENDED' && endedMs !== undefined) drafts.push({ type: 'contact.ended', id: `connect:${contactId}:ended`, timeMs: endedMs, data: { contactId } });
  }
  const stillThere = new Set(current.map((c) => text(c, 'ContactId')));
  for (const c of previous.filter(inbound)) {
    const contactId = text(c, 'ContactId')!;
    if (text(c, 'State') === 'ENDED' && !stillThere.has(contactId)) {
      drafts.push({ type: 'contact.completed', id: `connect:${contactId}:completed`, timeMs: eventMs, data: { contactId } });
    }
  }
  return drafts;
}
