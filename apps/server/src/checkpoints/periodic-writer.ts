/**
 * Runs `work` every `intervalMs` (a timer that keeps no process alive) and whenever asked, one at a time: a call
 * while one runs waits for it instead of starting another. A failure goes to `onError`; the next run tries again.
 */
export class PeriodicWriter {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(private readonly work: () => Promise<void>, private readonly onError: (error: unknown) => void) {}

  /** `intervalMs` 0 or less: only when asked. */
  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.#timer = setInterval(() => void this.run(), intervalMs);
    this.#timer.unref();
  }

  run(): Promise<void> {
    this.#running ??= this.work().catch(this.onError).finally(() => (this.#running = undefined));
    return this.#running;
  }

  /** No more timed runs; resolves once the one running (if any) is over. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }
}
