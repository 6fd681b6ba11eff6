/** Wire-format events (as producers send them), dated around the receiving clock so that they land in today's windows. */
export interface WireEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  data: Record<string, unknown>;
}

const SOURCE = 'urn:test:acd';

export function wireEvent(type: string, id: string, data: Record<string, unknown>, atMs = Date.now()): WireEvent {
  return { specversion: '1.0', id, source: SOURCE, type, time: new Date(atMs).toISOString(), data };
}

export const queued = (id: string, queueId = 'sales', atMs?: number) =>
  wireEvent('contact.queued', id, { contactId: `c-${id}`, queueId, channel: 'voice' }, atMs);

export const answered = (id: string, contactId: string, agentId: string, atMs?: number) =>
  wireEvent('contact.answered', id, { contactId, agentId }, atMs);

export const agentState = (id: string, agentId: string, state: string, queueIds: string[], atMs?: number) =>
  wireEvent('agent.state', id, { agentId, state, queueIds }, atMs);

export function postEvents(url: string, body: NonNullable<RequestInit['body']>, contentType = 'application/json', headers: Record<string, string> = {}) {
  return fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
}
