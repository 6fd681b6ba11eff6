import type { PlanciaEvent } from '@plancia/contracts';

/** What the server answered for one delivery. */
export interface Delivery {
  accepted: number;
  duplicates: number;
}

/** One way into the public ingest API. Deliveries retry until the server commits them, with the same ids. */
export interface Transport {
  /** `inOrder`: the events must reach the server in the order given (no parallel deliveries within the call). */
  send(events: readonly PlanciaEvent[], inOrder?: boolean): Promise<Delivery>;
  close(): Promise<void>;
}

/** The server refused the events for good (400, 401, 413, 415…): retrying would not help. */
export class RejectedError extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`ingest refused the events with ${status}: ${body.slice(0, 500)}`);
  }
}

export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Called before each retry: lets the runner count and log them. */
  onRetry?: (attempt: number, reason: string) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 10, firstDelayMs: 200, maxDelayMs: 10_000 };

/** Thrown by an attempt that may succeed later; `retryAfterMs` honours the server's Retry-After. */
export class RetryableError extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with jitter, so many producers do not come back in step after an outage. */
export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof RejectedError || n >= policy.attempts) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (n - 1)) * (0.5 + Math.random() / 2);
      const wait = error instanceof RetryableError && error.retryAfterMs !== undefined ? Math.max(error.retryAfterMs, backoff) : backoff;
      policy.onRetry?.(n, error instanceof Error ? error.message : String(error));
      await sleep(wait);
    }
  }
}

/** Turns an HTTP answer into a delivery, a retryable failure (503, 429, 5xx) or a final refusal. */
export async function readDelivery(response: Response, eventCount: number): Promise<Delivery> {
  const text = await response.text();
  if (response.ok) {
    const body = text ? (JSON.parse(text) as Partial<Delivery>) : {};
    return { accepted: body.accepted ?? eventCount, duplicates: body.duplicates ?? 0 };
  }
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new RetryableError(`ingest answered ${response.status}`, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
  throw new RejectedError(response.status, text);
}

/** fetch, with network failures made retryable. */
export async function post(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new RetryableError(`cannot reach ${url}: ${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}`);
  }
}
