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
        const queued = event['CC-Member-Joined-Time'] ? [this.queuedEvent(event, at('CC-Member-Joined-Time'))] : [];
        const agentId = need(event, 'CC-Agent');
        return [...queued, this.event('contact.answered', `${member()}:answered`, at('CC-Agent-Answered-Time'), { contactId: member(), agentId })];
      }
      case 'bridge-agent-end':
        this.agent(need(event, 'CC-Agent')).wrapping = member();
        return [this.event('contact.ended', `${member()}:ended`, at('CC-Bridge-Terminated-Time'), { contactId: member() })];
      case 'member-queue-end':
        if (event['CC-Cause'] !== 'Cancel') return [];
        return [this.event('contact.abandoned', `${member()}:abandoned`, at('CC-Member-Leaving-Time'), {
          contactId: member(), ...(event['CC-Cancel-Reason'] ? { reason: event['CC-Cancel-Reason'] } : {}),
        })];
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
   * A member as `callcenter_config queue list members` reports it: one still waiting is queued at its join time,
   * with the id a live member-queue-start gives it, so hearing both (or reading it again) never counts it twice.
   */
  memberNow(row: CallcenterRow, receivedAtMs: number): PlanciaEvent[] {
    if (!WAITING_MEMBER_STATES.has(row.state ?? '')) return [];
    const joinedSeconds = Number(row.joined_epoch);
    const timeMs = Number.isFinite(joinedSeconds) && joinedSeconds > 0 ? joinedSeconds * 1000 : receivedAtMs;
    return [this.queued(column(row, 'uuid'), column(row, 'queue'), row.cid_number, timeMs)];
  }

  private agentChange(event: EslEvent, timeMs: number): PlanciaEvent[] {
    const agentId = need(event, 'CC-Agent');
    const agent = this.agent(agentId);
    if (event['CC-Agent-Status']) agent.status = event['CC-Agent-Status'];
    if (event['CC-Agent-State']) agent.state = event['CC-Agent-State'];
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

  private queued(contactId: string, queueId: string, callerNumber: string | undefined, timeMs: number): PlanciaEvent {
    const data = { contactId, queueId, channel: 'voice', ...callerData(callerNumber) };
    return this.event('contact.queued', `${contactId}:queued`, timeMs, data);
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
  const value = fields[name]?.trim();
  if (!value) throw new AdapterError('freeswitch', name, `${what} has no ${name}`);
  return value;
}

const column = (row: CallcenterRow, name: string): string => need(row, name, 'a callcenter_config list row');

/** A named CC-*-Time (epoch seconds), else Event-Date-Timestamp (epoch µs), else the receive time. */
function timeOf(event: EslEvent, field: string | undefined, receivedAtMs?: number): number {
  const seconds = Number(field ? event[field] : undefined);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  const micros = Number(event['Event-Date-Timestamp']);
  if (Number.isFinite(micros) && micros > 0) return Math.floor(micros / 1000);
  if (receivedAtMs !== undefined) return receivedAtMs;
  throw new AdapterError('freeswitch', field ?? 'Event-Date-Timestamp', 'the event carries no time and no receivedAtMs was given');
}
