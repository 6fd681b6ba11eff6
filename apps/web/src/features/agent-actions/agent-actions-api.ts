import type { AgentActionSent } from '@plancia/contracts';

export type ActionResult = { ok: true; sent: AgentActionSent } | { ok: false; error: string };

async function post(path: string, body?: unknown): Promise<ActionResult> {
  const response = await fetch(path, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (response.status === 202) return { ok: true, sent: (await response.json()) as AgentActionSent };
  const refused = (await response.json().catch(() => ({}))) as { message?: string };
  return { ok: false, error: refused.message ?? String(response.status) };
}

const agentPath = (agentId: string, verb: 'pause' | 'logoff') => `/api/v1/agents/${encodeURIComponent(agentId)}/${verb}`;

/** Asks the agent's ACD for a pause (with a reason) or to make it available; the board follows the ACD, not this answer. */
export function pauseAgent(agentId: string, paused: boolean, reason?: string): Promise<ActionResult> {
  return post(agentPath(agentId, 'pause'), { paused, ...(paused && reason ? { reason } : {}) });
}

export function logOffAgent(agentId: string): Promise<ActionResult> {
  return post(agentPath(agentId, 'logoff'));
}
