import type { Broadcast, BroadcastRequest } from '@plancia/contracts';

/** Sends a broadcast; resolves to it, or to the server's message when refused. */
export async function sendBroadcast(request: BroadcastRequest): Promise<Broadcast | { error: string }> {
  const response = await fetch('/api/v1/broadcasts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (response.ok) return (await response.json()) as Broadcast;
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return { error: body.message ?? String(response.status) };
}

/** Withdraws one; resolves to an error message, or null when done. */
export async function withdrawBroadcast(id: string): Promise<string | null> {
  const response = await fetch(`/api/v1/broadcasts/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (response.ok) return null;
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return body.message ?? String(response.status);
}
