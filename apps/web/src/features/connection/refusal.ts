/** What the server refused of the board's view: queues or teams outside the user's scope. */
export interface ViewRefusal { kind: 'queues' | 'teams'; names: string[] }

/**
 * Reads a subscription refusal (`forbidden: queues: outside your scope: a, b`, see the server's reach). A refusal is
 * not an outage: reconnecting will not help, so the board says what was refused instead of waiting for data.
 */
export function viewRefusal(error: string | null): ViewRefusal | null {
  const match = /^forbidden: (queues|teams): outside your scope: (.+)$/.exec(error ?? '');
  if (!match) return error?.startsWith('forbidden:') ? { kind: 'queues', names: [] } : null;
  return { kind: match[1] as ViewRefusal['kind'], names: match[2]!.split(', ') };
}
