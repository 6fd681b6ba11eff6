import { ControlApiError } from './control-api.js';
import type { ControlText } from './control-messages.js';

/** Where a request for a panel stands; `problem` keeps the status so a 403 reads as "not allowed", not as a failure. */
export type Remote<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; problem: { status: number; message: string } };

export function problemOf(error: unknown): { status: number; message: string } {
  return error instanceof ControlApiError ? { status: error.status, message: error.message } : { status: 0, message: String(error) };
}

/** What to tell the person: not allowed (403), not reached, or what the server said. */
export function problemText(problem: { status: number; message: string }, t: ControlText): string {
  if (problem.status === 403) return t('forbidden', { message: problem.message });
  if (problem.status === 0) return t('offline');
  return t('failed', { message: problem.message });
}
