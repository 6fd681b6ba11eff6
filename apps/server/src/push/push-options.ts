/** How the push layer paces and bounds what it sends. */
export interface PushOptions {
  /** At most one change message per room in this many milliseconds (PLANCIA_PUSH_INTERVAL_MS). */
  intervalMs: number;
  /** Past this many bytes waiting on one connection, its changes are dropped and it is resynced. */
  maxBacklogBytes: number;
  /** Client messages per connection: a burst of `burst`, then `perSecond`. */
  clientMessages: { burst: number; perSecond: number };
  /** Largest client message accepted, in bytes. */
  maxMessageBytes: number;
}

/** The push options for a pace set by configuration; the bounds are fixed, they protect the server. */
export function pushOptions(intervalMs: number): PushOptions {
  return { intervalMs, maxBacklogBytes: 1 << 20, clientMessages: { burst: 20, perSecond: 5 }, maxMessageBytes: 16 * 1024 };
}
