/** What the NATS server's /varz says of JetStream's fsync, as far as the check needs it. */
interface Varz {
  version?: string;
  jetstream?: { config?: { sync_always?: boolean; sync_interval?: number } };
}

export type DurabilityVerdict = { durable: true } | { durable: false; reason: string };

/**
 * JetStream acknowledges a publish once the message is in the file store's buffers; by default it reaches the disk up
 * to two minutes later (sync_interval), so a power loss can lose acknowledged events (Jepsen, NATS 2.12.1, 2025).
 * Only `sync_interval: always` makes the acknowledgement mean "on disk"; servers before 2.10 cannot be set so.
 */
export function judgeVarz(varz: Varz): DurabilityVerdict {
  if (varz.jetstream?.config?.sync_always === true) return { durable: true };
  const version = varz.version ?? 'unknown';
  const interval = varz.jetstream?.config?.sync_interval;
  return {
    durable: false,
    reason: `the NATS server (version ${version}) acknowledges before fsync: sync_interval is ${interval ? `${interval / 1e9} s` : 'its default (2 minutes)'}, not "always"`,
  };
}

/** Reads the server's monitoring endpoint; a server that cannot be asked is not taken as durable. */
export async function checkDurability(monitorUrl: string): Promise<DurabilityVerdict> {
  try {
    const response = await fetch(new URL('/varz', monitorUrl), { signal: AbortSignal.timeout(3_000) });
    if (!response.ok) return { durable: false, reason: `${monitorUrl}/varz answered ${response.status}: the NATS server's sync_interval cannot be checked` };
    return judgeVarz((await response.json()) as Varz);
  } catch (error) {
    return { durable: false, reason: `${monitorUrl}/varz cannot be read (${(error as Error).message}): the NATS server's sync_interval cannot be checked` };
  }
}
