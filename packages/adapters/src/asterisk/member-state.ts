import type { AgentStateName } from '@plancia/contracts';
import { amiField, amiText, type AmiMessage } from './ami-message.js';

/** What one queue-member message says about an agent. */
export interface MemberReport {
  agentId: string;
  name: string | undefined;
  queueId: string | undefined;
  paused: boolean;
  /** What the device state says; absent when the message carries no Status (Asterisk 11 QueueMemberPaused). */
  device: AgentStateName | undefined;
  reason: string | undefined;
}

// app_queue member Status is an ast_device_state: 0 unknown, 1 not in use, 2 in use, 3 busy, 4 invalid,
// 5 unavailable, 6 ringing, 7 ringing while in use, 8 on hold.
const DEVICE_STATES: Record<string, AgentStateName> = {
  '0': 'available',
  '1': 'available',
  '2': 'on_contact',
  '3': 'on_contact',
  '4': 'offline',
  '5': 'offline',
  '6': 'available',
  '7': 'on_contact',
  '8': 'on_contact',
};

/**
 * The agent id is the member name when there is one, else the interface. Live events call it
 * `MemberName`/`Interface` (Asterisk 11: `Location`), QueueStatus replies `Name`/`Location`.
 */
export function memberAgentId(message: AmiMessage): string | undefined {
  return amiText(message, 'MemberName', 'Name') ?? memberInterface(message);
}

export function memberInterface(message: AmiMessage): string | undefined {
  return amiText(message, 'Interface', 'Location', 'Member');
}

/** Reads a queue-member message: pause flag and reason, device state. */
export function readMember(message: AmiMessage): MemberReport | undefined {
  const agentId = memberAgentId(message);
  if (agentId === undefined) return undefined;
  const paused = amiField(message, 'Paused') === '1';
  const status = amiField(message, 'Status');
  return {
    agentId,
    name: amiText(message, 'MemberName', 'Name'),
    queueId: amiText(message, 'Queue'),
    paused,
    device: status === undefined ? undefined : (DEVICE_STATES[status] ?? 'available'),
    reason: paused ? amiText(message, 'PausedReason') : undefined,
  };
}
