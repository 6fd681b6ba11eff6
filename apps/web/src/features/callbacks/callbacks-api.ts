import type { CallbackDoneRequest, CallbackEntry, CallbackList, RevealedCaller } from '@plancia/contracts';

type Failure = { error: string };
const refusal = async (response: Response) => ((await response.json().catch(() => ({}))) as { message?: string }).message ?? String(response.status);

/** The callers still to call back (open and claimed) the signed-in user reaches, oldest abandon first. */
export async function fetchCallbacks(): Promise<CallbackList | Failure> {
  const response = await fetch('/api/v1/callbacks?state=active');
  return response.ok ? ((await response.json()) as CallbackList) : { error: await refusal(response) };
}

async function act(id: string, action: 'claim' | 'release' | 'done', body?: CallbackDoneRequest): Promise<CallbackEntry | Failure> {
  const response = await fetch(`/api/v1/callbacks/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
  });
  return response.ok ? ((await response.json()) as CallbackEntry) : { error: await refusal(response) };
}

export const claimCallback = (id: string) => act(id, 'claim');
export const releaseCallback = (id: string) => act(id, 'release');
export const closeCallback = (id: string, request: CallbackDoneRequest) => act(id, 'done', request);

/** The number kept for the entry's latest contact: for supervisors in scope only, and every reveal is audited. */
export async function revealNumber(entry: Pick<CallbackEntry, 'source' | 'contactId'>): Promise<RevealedCaller | Failure> {
  const response = await fetch(`/api/v1/contacts/${encodeURIComponent(entry.contactId)}/caller?source=${encodeURIComponent(entry.source)}`);
  return response.ok ? ((await response.json()) as RevealedCaller) : { error: await refusal(response) };
}

/** Every entry, closed ones too, as CSV: a link the browser downloads. */
export const CSV_EXPORT_URL = '/api/v1/callbacks?state=all&format=csv';
