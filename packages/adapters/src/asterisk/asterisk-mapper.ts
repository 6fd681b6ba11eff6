import type { EventType, PlanciaEvent } from '@plancia/contracts';
import { AdapterError } from '../common/errors.js';
import { callerData } from '../common/caller.js';
import { cloudEvent } from '../common/events.js';
import { AgentBook, type AgentChange } from './agent-book.js';
import { amiField, amiText, type AmiMessage } from './ami-message.js';
import { ContactBook, type ContactRecord } from './contact-book.js';
import { memberInterface, readMember } from './member-state.js';
import { WrapUps, type Completion } from './wrap-ups.js';

export interface AsteriskMapperOptions {
  /** Names this Asterisk in every event's `source`, e.g. `ami://pbx1.example.it`. */
  source: string;
  /**
   * Wrap-up seconds per queue (app_queue `wrapuptime`); `contact.completed` comes that long after `contact.ended`,
   * or earlier when the agent's state changes first (a pause during wrap-up). Default 0.
   */
  wrapUpSeconds?: Readonly<Record<string, number>>;
}

/**
 * Maps app_queue's AMI events to Plancia events, keeping the little state it needs (which queue a caller
 * waits in and since when, what the board was last told about each agent).
 *
 * Times: contact events are placed on whole seconds, as Asterisk counts waits: queued at the join's second,
 * answered and abandoned at queued + `HoldTime`, so the board's wait equals Asterisk's `HoldTime` exactly
 * (a wait equal to the threshold is within it on both sides). Agent states keep the millisecond `Timestamp`.
 */
export class AsteriskMapper {
  private readonly contacts = new ContactBook();
  private readonly agents = new AgentBook();
  private readonly wrapUps = new WrapUps();

  constructor(private readonly options: AsteriskMapperOptions) {
    if (!options.source) throw new AdapterError('asterisk', 'source', 'a source name is required');
  }

  /**
   * Maps one live AMI message. `receivedAtMs` is used only when the message has no `Timestamp` header
   * (`timestampevents = no` in manager.conf). Unrelated messages map to nothing.
   */
  map(message: AmiMessage, receivedAtMs?: number): PlanciaEvent[] {
    const stamp = Number(amiField(message, 'Timestamp'));
    const due = Number.isFinite(stamp) && stamp > 0 ? this.completions(this.wrapUps.due(stamp * 1000)) : [];
    const own = this.mapOwn(message, receivedAtMs);
    return due.length === 0 ? own : [...due, ...own];
  }

  /**
   * Completes the wrap-ups that have run out by `nowMs` on the PBX's clock. `map` does it on every stamped message;
   * call this on a quiet link (e.g. with a Ping reply's `Timestamp`) so a wrap-up never outlasts its `wrapuptime`.
   */
  flush(nowMs: number): PlanciaEvent[] {
    return this.completions(this.wrapUps.due(nowMs));
  }

  private mapOwn(message: AmiMessage, receivedAtMs?: number): PlanciaEvent[] {
    switch (amiField(message, 'Event')) {
      case 'QueueCallerJoin': case 'Join': return this.join(message, receivedAtMs);
      case 'AgentConnect': return this.connect(message, receivedAtMs);
      case 'QueueCallerAbandon': return this.abandon(message, receivedAtMs);
      case 'QueueCallerLeave': case 'Leave': return this.leave(message, receivedAtMs);
      case 'AgentComplete': return this.complete(message, receivedAtMs);
      case 'QueueMemberStatus': case 'QueueMemberPause': case 'QueueMemberPaused': case 'QueueMemberAdded':
        return this.member(message, this.timeMs(message, receivedAtMs), false);
      case 'QueueMemberRemoved': return this.member(message, this.timeMs(message, receivedAtMs), true);
      case 'VarSet': return this.varSet(message);
      case 'Newexten': case 'Hangup': return this.callerMoved(message);
      default: return [];
    }
  }

  /**
   * Reconciles with a `QueueStatus` reply (its QueueParams, QueueMember and QueueEntry items), received at
   * `receivedAtMs`: callers waiting that were never seen join are queued `Wait` seconds before it; agents whose
   * state differs from what the board was told get an `agent.state`. Anything already known emits nothing.
   */
  reconcile(messages: readonly AmiMessage[], receivedAtMs: number): PlanciaEvent[] {
    const nowSec = Math.floor(receivedAtMs / 1000);
    return this.flush(receivedAtMs).concat(messages.flatMap((message) => {
      const event = amiField(message, 'Event');
      if (event === 'QueueMember') return this.member(message, receivedAtMs, false, 'QueueStatus');
      if (event !== 'QueueEntry') return [];
      const uniqueid = required(message, 'Uniqueid');
      const known = this.contacts.get(uniqueid);
      if (known && (known.stage === 'waiting' || known.stage === 'left')) return [];
      const wait = Number(amiField(message, 'Wait') ?? 0);
      return [this.queued(this.contacts.open(uniqueid, required(message, 'Queue'), nowSec - wait), message)];
    }));
  }

  private join(message: AmiMessage, receivedAtMs?: number): PlanciaEvent[] {
    const uniqueid = required(message, 'Uniqueid');
    const queueId = required(message, 'Queue');
    const sec = Math.floor(this.timeMs(message, receivedAtMs) / 1000);
    const known = this.contacts.get(uniqueid);
    if (known && known.queueId === queueId && known.queuedSec === sec) {
      // The same join again (a replayed stream): the same contact, whose steps will keep their ids, not a new stint.
      if (known.stage !== 'waiting') Object.assign(known, { stage: 'waiting', leftSec: null });
      return [this.queued(known, message)];
    }
    if (known?.stage === 'left') {
      // Out of one queue (timeout, exit key) and straight into another: an overflow, i.e. a transfer.
      Object.assign(known, { queueId, queuedSec: sec, stage: 'waiting', leftSec: null, lastSec: sec });
      return [this.event('contact.transferred', `${known.contactId}:transferred:${queueId}`, sec * 1000, { contactId: known.contactId, toQueueId: queueId })];
    }
    return [this.queued(this.contacts.open(uniqueid, queueId, sec), message)];
  }

  private connect(message: AmiMessage, receivedAtMs?: number): PlanciaEvent[] {
    const contact = this.contactOf(message);
    const agentId = amiText(message, 'MemberName') ?? memberInterface(message);
    if (agentId === undefined) throw new AdapterError('asterisk', 'MemberName', 'AgentConnect names no member');
    const sec = this.waitEnd(contact, message, receivedAtMs);
    Object.assign(contact, { stage: 'answered', agentId, lastSec: sec });
    return [this.event('contact.answered', `${contact.contactId}:answered`, sec * 1000, { contactId: contact.contactId, agentId })];
  }

  private abandon(message: AmiMessage, receivedAtMs?: number): PlanciaEvent[] {
    const contact = this.contactOf(message);
    const sec = this.waitEnd(contact, message, receivedAtMs);
    Object.assign(contact, { stage: 'abandoned', lastSec: sec });
    return [this.event('contact.abandoned', `${contact.contactId}:abandoned`, sec * 1000, { contactId: contact.contactId })];
  }

  private leave(message: AmiMessage, receivedAtMs?: number): PlanciaEvent[] {
    const contact = this.contacts.get(required(message, 'Uniqueid'));
    if (contact?.stage !== 'waiting') return [];
    // AgentConnect follows the leave of an answered caller; only what comes next tells an exit apart.
    const sec = Math.floor(this.timeMs(message, receivedAtMs) / 1000);
    Object.assign(contact, { stage: 'left', leftSec: sec, lastSec: sec });
    return [];
  }

  private complete(message: AmiMessage, receivedAtMs?: number): PlanciaEvent[] {
    const contact = this.completedContact(message);
    if (!contact) return [];
    const timeMs = this.timeMs(message, receivedAtMs);
    const endedSec = Math.floor(timeMs / 1000);
    const agentId = amiText(message, 'MemberName') ?? memberInterface(message) ?? contact.agentId ?? undefined;
    // Paused everywhere during the call, the agent has no wrap-up to show: the pause follows the call at once.
    const paused = agentId !== undefined && this.agents.pausedEverywhere(agentId);
    const completedSec = endedSec + (paused ? 0 : (this.options.wrapUpSeconds?.[contact.queueId] ?? 0));
    Object.assign(contact, { stage: 'ended', lastSec: completedSec });
    this.wrapUps.add(contact.contactId, agentId, completedSec);
    const ended = this.event('contact.ended', `${contact.contactId}:ended`, endedSec * 1000, { contactId: contact.contactId });
    const out = [ended, ...this.completions(this.wrapUps.due(endedSec * 1000))];
    // Asterisk sends the member idle (still paused) just before AgentComplete, which the board cannot tell from the
    // pause it already has; the completion would then make the agent available. The pause is said again after it.
    const restated = agentId === undefined ? null : this.agents.afterContact(agentId, timeMs);
    if (restated) out.push(this.agentState(restated, `AgentComplete:${contact.contactId}`, Math.max(timeMs, completedSec * 1000 + 1)));
    return out;
  }

  /**
   * The contact an AgentComplete ends: by the caller's Uniqueid, or, when app_queue sent it without one (a race in
   * app_queue), the call its member (MemberName or Interface) took from that queue and has not ended. Null when
   * there is no such call: nothing to end.
   */
  private completedContact(message: AmiMessage): ContactRecord | null {
    if (amiText(message, 'Uniqueid') !== undefined) return this.contactOf(message);
    const member = [amiText(message, 'MemberName'), memberInterface(message)].filter((x) => x !== undefined);
    if (member.length === 0) throw new AdapterError('asterisk', 'Uniqueid', 'AgentComplete has neither Uniqueid nor member');
    return this.contacts.answeredBy(member, amiText(message, 'Queue')) ?? null;
  }

  private completions(completions: Completion[]): PlanciaEvent[] {
    return completions.map(({ contactId, atSec }) => this.event('contact.completed', `${contactId}:completed`, atSec * 1000, { contactId }));
  }

  private member(message: AmiMessage, timeMs: number, removed: boolean, origin?: string): PlanciaEvent[] {
    const report = readMember(message);
    if (!report) return [];
    const change = this.agents.report(report, origin === 'QueueStatus' ? null : timeMs, removed);
    if (!change) return [];
    const completed = this.completions(this.wrapUps.endFor(change.agentId, timeMs));
    const stamp = amiField(message, 'Timestamp') ?? String(timeMs);
    return [...completed, this.agentState(change, `${report.queueId ?? ''}:${origin ?? amiField(message, 'Event')}:${stamp}`, timeMs)];
  }

  private agentState(change: AgentChange, idTail: string, timeMs: number): PlanciaEvent {
    const data = {
      agentId: change.agentId, state: change.state, queueIds: change.queueIds, memberships: change.memberships,
      ...(change.reason !== undefined ? { reason: change.reason } : {}),
      ...(change.name !== undefined ? { name: change.name } : {}),
    };
    return this.event('agent.state', `agent:${change.agentId}:${idTail}`, timeMs, data);
  }

  private varSet(message: AmiMessage): PlanciaEvent[] {
    const contact = this.contacts.get(amiField(message, 'Uniqueid') ?? '');
    if (contact && amiField(message, 'Variable') === 'QUEUESTATUS') contact.queueStatus = amiField(message, 'Value') ?? null;
    return [];
  }

  /** A caller who left without an agent and whose dialplan moves on (or hangs up) exited the queue. */
  private callerMoved(message: AmiMessage): PlanciaEvent[] {
    const contact = this.contacts.get(amiField(message, 'Uniqueid') ?? '');
    if (contact?.stage !== 'left' || contact.leftSec === null) return [];
    if (amiField(message, 'Event') === 'Newexten' && amiField(message, 'Application') === 'Queue') return [];
    contact.stage = 'exited';
    const data = { contactId: contact.contactId, reason: 'exit', ...(contact.queueStatus ? { queueStatus: contact.queueStatus } : {}) };
    return [this.event('contact.abandoned', `${contact.contactId}:abandoned`, contact.leftSec * 1000, data)];
  }

  private contactOf(message: AmiMessage): ContactRecord {
    const uniqueid = required(message, 'Uniqueid');
    return this.contacts.get(uniqueid) ?? this.contacts.open(uniqueid, required(message, 'Queue'), null);
  }

  /** Answer or abandon time: queued + HoldTime when the join was seen, else the event's own second. */
  private waitEnd(contact: ContactRecord, message: AmiMessage, receivedAtMs?: number): number {
    const hold = Number(amiField(message, 'HoldTime'));
    if (contact.queuedSec !== null && Number.isInteger(hold) && hold >= 0) return contact.queuedSec + hold;
    return Math.floor(this.timeMs(message, receivedAtMs) / 1000);
  }

  /** `message` is the join (or QueueEntry) that queued it: its CallerIDNum is the caller, pseudonymised on ingest. */
  private queued(contact: ContactRecord, message: AmiMessage): PlanciaEvent {
    const data = { contactId: contact.contactId, queueId: contact.queueId, channel: 'voice' as const, ...callerData(amiText(message, 'CallerIDNum')) };
    return this.event('contact.queued', `${contact.contactId}:queued`, (contact.queuedSec ?? 0) * 1000, data);
  }

  private timeMs(message: AmiMessage, receivedAtMs?: number): number {
    const stamp = Number(amiField(message, 'Timestamp'));
    if (Number.isFinite(stamp) && stamp > 0) return Math.round(stamp * 1000);
    if (receivedAtMs !== undefined) return receivedAtMs;
    throw new AdapterError('asterisk', 'Timestamp', 'no Timestamp header (set timestampevents = yes) and no receivedAtMs given');
  }

  private event(type: EventType, id: string, timeMs: number, data: Record<string, unknown>): PlanciaEvent {
    return cloudEvent({ type, id: `asterisk:${id}`, source: this.options.source, timeMs, data });
  }
}

function required(message: AmiMessage, name: string): string {
  const value = amiText(message, name);
  if (value === undefined) throw new AdapterError('asterisk', name, `${amiField(message, 'Event') ?? 'message'} has no ${name}`);
  return value;
}
