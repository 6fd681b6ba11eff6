import type { AgentStateName, EventType, PlanciaEvent } from '@plancia/contracts';
import { AdapterError } from '../common/errors.js';
import { callerData } from '../common/caller.js';
import { cloudEvent } from '../common/events.js';
import type { CallcenterRow } from './callcenter-list.js';
import type { EslEvent } from './esl-event.js';

export interface FreeSwitchMapperOptions {
  /** Names the FreeSWITCH in every event's `source`, e.g. `esl://fs1.example.it`. */
  source: string;
}

interface AgentRecord { status: string; state: string; wrapping: string | null; believed: string | null }

/** Members mod_callcenter still holds in its queue: Trying is a waiting caller being offered to an agent. */
const WAITING_MEMBER_STATES = new Set(['Waiting', 'Trying']);
/** A member bridged to an agent: mod_callcenter keeps its row (with bridge_epoch and serving_agent) until the call ends. */
const ANSWERED_MEMBER_STATE = 'Answered';

/**
 * Maps mod_callcenter's `CUSTOM callcenter::info` events. The member (caller in queue) is identified by
 * CC-Member-UUID; times come from the CC-*-Time fields (epoch seconds) or Event-Date-Timestamp (µs).
 * mod_callcenter keeps an agent's *status* (Available, On Break, Logged Out) apart from its *state*
 * (Waiting, Receiving, In a queue call, Idle, Reserved); the board's state combines the two.
 * Events tell only changes, so a link that opens also reads what mod_callcenter holds now (`agentNow`, `memberNow`).
 */
export class FreeSwitchCallcenterMapper {
  private readonly agents = new Map<string, AgentRecord>();

  constructor(private readonly options: FreeSwitchMapperOptions) {
    if (!options.source) throw new AdapterError('freeswitch', 'source', 'a source name is required');
  }

  /** `receivedAtMs` dates an event that carries no time of its own. */
  map(event: EslEvent, receivedAtMs?: number): PlanciaEvent[] {
    if (event['Event-Subclass'] !== 'callcenter::info') return [];
    const at = (field?: string) => timeOf(event, field, receivedAtMs);
    const member = () => need(event, 'CC-Member-UUID');
    switch (event['CC-Action']) {
      case 'member-queue-start':
        return [this.queuedEvent(event, at())];
      case 'bridge-agent-start': {
        const queued = given(event['CC-Member-Joined-Time']) ? [this.queuedEvent(event, at('CC-Member-Joined-Time'))] : [];
        return [...queued, this.answered(member(), need(event, 'CC-Agent'), at('CC-Agent-Answered-Time'))];
      }
      case 'bridge-agent-end':
        this.agent(need(event, 'CC-Agent')).wrapping = member();
        return [this.event('contact.ended', `${member()}:ended`, at('CC-Bridge-Terminated-Time'), { contactId: member() })];
      case 'member-queue-end': {
        if (event['CC-Cause'] !== 'Cancel') return [];
        const reason = given(event['CC-Cancel-Reason']);
        return [this.event('contact.abandoned', `${member()}:abandoned`, at('CC-Member-Leaving-Time'), { contactId: member(), ...(reason ? { reason } : {}) })];
      }
      case 'agent-status-change': case 'agent-state-change':
        return this.agentChange(event, at());
      default:
        return [];
    }
  }

  /**
   * An agent as `callcenter_config agent list` reports it, dated at the receive time: it sets both status and state
   * as a change event would, so the events heard after the read compare with what the read said.
   */
  agentNow(row: CallcenterRow, receivedAtMs: number): PlanciaEvent[] {
    return this.agentChange({
      'CC-Action': 'agent list', 'CC-Agent': column(row, 'name'), 'CC-Agent-Status': row.status ?? '', 'CC-Agent-State': row.state ?? '',
    }, receivedAtMs);
  }

  /**
   * A member as `callcenter_config queue list members` reports it, with the ids the live events give it, so hearing
   * both (or reading it again) never counts it twice: one still waiting is queued at its join time (as
   * member-queue-start); one answered is queued at its join and answered at its bridge by its serving agent (as
   * bridge-agent-start), so the call's later bridge-agent-end ends a contact the board knows.
   */
  memberNow(row: CallcenterRow, receivedAtMs: number): PlanciaEvent[] {
    const state = given(row.state) ?? '';
    if (WAITING_MEMBER_STATES.has(state)) return [this.queuedNow(row, receivedAtMs)];
    if (state !== ANSWERED_MEMBER_STATE) return [];
    // An epoch of 0 (or none) is one mod_callcenter did not set: an unknown bridge is dated at the read, the latest
    // it can have been, and an unknown join at the bridge, since a caller is queued before being answered; the
    // contact is still told, with its agent, rather than left out for want of a time.
    const answeredAtMs = epochMs(row.bridge_epoch) ?? receivedAtMs;
    return [this.queuedNow(row, answeredAtMs), this.answered(column(row, 'uuid'), column(row, 'serving_agent'), answeredAtMs)];
  }

  private agentChange(event: EslEvent, timeMs: number): PlanciaEvent[] {
    const agentId = need(event, 'CC-Agent');
    const agent = this.agent(agentId);
    agent.status = given(event['CC-Agent-Status']) ?? agent.status;
    agent.state = given(event['CC-Agent-State']) ?? agent.state;
    const out: PlanciaEvent[] = [];
    const stamp = event['Event-Sequence'] ?? String(timeMs);
    // Back to Waiting after a call: wrap-up is over.
    if (agent.wrapping && agent.state === 'Waiting') {
      out.push(this.event('contact.completed', `${agent.wrapping}:completed`, timeMs, { contactId: agent.wrapping }));
      agent.wrapping = null;
    }
    const [state, reason] = boardState(agent);
    const key = `${state}|${reason ?? ''}`;
    // Idle right after a call is wrap-up, which the board already derives from contact.ended.
    const derived = agent.wrapping !== null && agent.state === 'Idle';
    if (key !== agent.believed && !derived) {
      agent.believed = key;
      out.push(this.event('agent.state', `agent:${agentId}:${stamp}`, timeMs, { agentId, state, ...(reason ? { reason } : {}) }));
    }
    return out;
  }

  private queuedEvent(event: EslEvent, timeMs: number): PlanciaEvent {
    return this.queued(need(event, 'CC-Member-UUID'), need(event, 'CC-Queue'), event['CC-Member-CID-Number'], timeMs);
  }

  /** A listed member's queued event at its joined_epoch; `unsetMs` when mod_callcenter left it 0 or printed none. */
  private queuedNow(row: CallcenterRow, unsetMs: number): PlanciaEvent {
    return this.queued(column(row, 'uuid'), column(row, 'queue'), row.cid_number, epochMs(row.joined_epoch) ?? unsetMs);
  }

  private queued(contactId: string, queueId: string, callerNumber: string | undefined, timeMs: number): PlanciaEvent {
    const data = { contactId, queueId, channel: 'voice', ...callerData(given(callerNumber)) };
    return this.event('contact.queued', `${contactId}:queued`, timeMs, data);
  }

  private answered(contactId: string, agentId: string, timeMs: number): PlanciaEvent {
    return this.event('contact.answered', `${contactId}:answered`, timeMs, { contactId, agentId });
  }

  private agent(agentId: string): AgentRecord {
    let agent = this.agents.get(agentId);
    if (!agent) this.agents.set(agentId, (agent = { status: 'Available', state: 'Waiting', wrapping: null, believed: null }));
    return agent;
  }

  private event(type: EventType, id: string, timeMs: number, data: Record<string, unknown>): PlanciaEvent {
    return cloudEvent({ type, id: `freeswitch:${id}`, source: this.options.source, timeMs, data });
  }
}

function boardState(agent: AgentRecord): [AgentStateName, string | undefined] {
  if (agent.status === 'Logged Out') return ['offline', undefined];
  if (agent.status === 'On Break') return ['not_ready', 'On Break'];
  if (agent.state === 'In a queue call') return ['on_contact', undefined];
  if (agent.state === 'Idle') return ['not_ready', 'Idle'];
  return ['available', undefined];
}

/** A field an event (or a list's row) cannot do without, trimmed; `what` names the event or row in the error. */
function need(fields: EslEvent | CallcenterRow, name: string, what = fields['CC-Action'] ?? 'event'): string {
  const value = given(fields[name]);
  if (!value) throw new AdapterError('freeswitch', name, `${what} has no ${name}`);
  return value;
}

/**
 * A field's value, trimmed, or undefined when it holds none: FreeSWITCH prints `(null)` for an empty field (a caller
 * with no number, a column never set), which is no value, never the text itself.
 */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed !== '(null)' ? trimmed : undefined;
}

const column = (row: CallcenterRow, name: string): string => need(row, name, 'a callcenter_config list row');

/** Epoch seconds as milliseconds; undefined when unset (0, empty, `(null)`). */
function epochMs(seconds: string | undefined): number | undefined {
  const value = Number(given(seconds));
  return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
}

/** A named CC-*-Time (epoch seconds), else Event-Date-Timestamp (epoch µs), else the receive time. */
function timeOf(event: EslEvent, field: string | undefined, receivedAtMs?: number): number {
  const named = epochMs(field ? event[field] : undefined);
  if (named !== undefined) return named;
  const micros = Number(event['Event-Date-Timestamp']);
  if (Number.isFinite(micros) && micros > 0) return Math.floor(micros / 1000);
  if (receivedAtMs !== undefined) return receivedAtMs;
  throw new AdapterError('freeswitch', field ?? 'Event-Date-Timestamp', 'the event carries no time and no receivedAtMs was given');
}
