import { createServer } from 'node:net';

/**
 * A TCP port free on loopback right now, for a process about to be started on it (tests and benchmarks alike).
 * The probe closes before the caller binds, so another process could take it in between; on a test machine that
 * race is rare enough, and a clash fails loudly at listen.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
