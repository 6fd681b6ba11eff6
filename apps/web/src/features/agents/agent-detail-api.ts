import type { AgentDetail, PrivacySettings } from '@plancia/contracts';

/** How much of each agent the server sends this board (`GET /api/v1/settings/privacy`). */
export async function fetchAgentDetail(token: string | undefined, signal: AbortSignal): Promise<AgentDetail> {
  const response = await fetch('/api/v1/settings/privacy', { headers: token ? { authorization: `Bearer ${token}` } : {}, signal });
  if (!response.ok) throw new Error(`privacy settings: ${response.status}`);
  return ((await response.json()) as PrivacySettings).agentDetail;
}
