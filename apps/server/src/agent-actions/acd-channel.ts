import type { AcdRequest, AcdVendor, AgentActionName } from '@plancia/contracts';

/** What a supervisor asks of an agent: a pause (with its reason), back to available, or log off. */
export interface AgentAction {
  action: AgentActionName;
  reason?: string;
}

/** What went to the ACD, and the reason it carried (null when the vendor has no place for one). */
export interface AcdSent {
  sent: AcdRequest[];
  reason: string | null;
}

/** One ACD that takes actions: the vendor, and how to send one for an agent it reports. */
export interface AcdChannel {
  readonly vendor: AcdVendor;
  /** Resolves once the ACD accepted the action; rejects with AcdRefusal (refused, unreachable) or ActionInvalid. */
  send(agentId: string, action: AgentAction): Promise<AcdSent>;
}

/** The ACD refused the action or could not be reached: its own words, and what had been sent. */
export class AcdRefusal extends Error {
  override name = 'AcdRefusal';
  constructor(message: string, readonly sent: AcdRequest[] = []) {
    super(message);
  }
}

/** No node could send the action now (no leader, or it did not answer): a 503 naming the reason. */
export class ActionUnavailable extends Error {
  override name = 'ActionUnavailable';
}

/** The request cannot become an action of this vendor (e.g. a reason with no configured activity): a 400 naming the field. */
export class ActionInvalid extends Error {
  override name = 'ActionInvalid';
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/**
 * For the vendors whose states are configured objects (Twilio activities, Connect agent statuses) named by the
 * operator: unpause is `Available`, log off is `Offline`, a pause is the status named by its reason, else the first
 * configured status that is neither. Answers the status's name and id.
 */
export function statusFor(action: AgentAction, ids: Readonly<Record<string, string>>, vendorWord: string): { name: string; id: string } {
  const pick = (name: string, field: string) => {
    const id = ids[name];
    if (id === undefined) throw new ActionInvalid(field, `No ${vendorWord} named "${name}" is configured; known: ${Object.keys(ids).join(', ') || 'none'}`);
    return { name, id };
  };
  if (action.action === 'unpause') return pick('Available', 'paused');
  if (action.action === 'logoff') return pick('Offline', 'action');
  if (action.reason !== undefined) return pick(action.reason, 'reason');
  const first = Object.keys(ids).find((name) => name !== 'Available' && name !== 'Offline');
  if (first === undefined) throw new ActionInvalid('reason', `No pause ${vendorWord} is configured (only Available and Offline)`);
  return pick(first, 'reason');
}
