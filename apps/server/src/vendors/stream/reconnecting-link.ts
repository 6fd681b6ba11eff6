import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, type BackoffOptions } from './backoff.js';

/** One live connection after its handshake: `closed` resolves with the reason it ended. */
export interface LinkSession {
  closed: Promise<string>;
  close(): void;
}

export interface LinkHandlers {
  /** Opens a connection and completes its handshake (login, subscription); rejects when either fails or `signal` aborts. */
  open(signal: AbortSignal): Promise<LinkSession>;
  up(): void;
  down(reason: string): void;
  /** A retry is scheduled after a lost or failed connection. */
  retrying(delayMs: number): void;
}

/**
 * Keeps one connection to a vendor system open for as long as the server runs: on a failed handshake or a
 * dropped link it waits (exponential backoff with jitter, reset after each successful handshake) and opens again.
 */
export class ReconnectingLink {
  private running = false;
  private session: LinkSession | null = null;
  private loop: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();

  constructor(private readonly handlers: LinkHandlers, private readonly backoff: BackoffOptions) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.session?.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (this.running) {
      try {
        this.session = await this.handlers.open(this.abort.signal);
        attempt = 0;
        if (!this.running) break;
        this.handlers.up();
        this.handlers.down(await this.session.closed);
      } catch (error) {
        this.handlers.down((error as Error).message);
      } finally {
        this.session?.close();
        this.session = null;
      }
      if (!this.running) break;
      const delayMs = backoffDelay(attempt++, this.backoff);
      this.handlers.retrying(delayMs);
      await sleep(delayMs, undefined, { signal: this.abort.signal }).catch(() => undefined);
    }
  }
}
