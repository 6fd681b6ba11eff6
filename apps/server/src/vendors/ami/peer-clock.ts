/**
 * The PBX's clock as seen from here: the offset between the last `Timestamp` it sent (on an event, or on the
 * reply to a Ping) and the moment that arrived. QueueStatus items carry no time, and their `Wait` counts back from the PBX's now; dating them on our
 * clock would misplace them by the skew between the two machines (and put a reconciled agent state after
 * events the PBX stamped later). Until a stamped event arrives (`timestampevents = no`), our clock is used.
 */
export class PeerClock {
  private offsetMs = 0;
  private lastHeardMs: number | null = null;

  observe(timestamp: string | undefined, localMs: number): void {
    const seconds = Number(timestamp);
    if (timestamp === undefined || !Number.isFinite(seconds) || seconds <= 0) return;
    this.lastHeardMs = Math.round(seconds * 1000);
    this.offsetMs = this.lastHeardMs - localMs;
  }

  /**
   * The PBX time last heard. QueueStatus items are dated with it: the handshake's Ping was answered just before
   * them, so it is the PBX's own reading of that moment, free of the jitter of our receive times.
   */
  lastHeard(localMs: number): number {
    return this.lastHeardMs ?? localMs;
  }

  now(localMs: number): number {
    return Math.round(localMs + this.offsetMs);
  }
}
