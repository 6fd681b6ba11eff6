import { RATE_LIMITED, type Ack } from '@plancia/contracts';

/** How long a board waits to ask again for a view the server dropped for coming too fast. */
export const RATE_LIMIT_RETRY_MS = 1000;

/** The server's reply to a `subscribe`, as the contract declares it. */
type Answer = Parameters<Ack<object>>[0];

export interface ViewSubscriberPorts {
  /** Sends the view the board wants now; `answer` is called with the server's reply. */
  send(answer: (result: Answer) => void): void;
  accepted(): void;
  refused(error: string): void;
  later(run: () => void, ms: number): void;
}

/**
 * Asks the server for the board's view, one request at a time: a TV paged quickly (an arrow key held down) asks once
 * more, for the page it stopped on, when the answer in flight comes back, not once per page. A request the server
 * dropped for coming too fast is asked again a second later, so the page on screen is never left waiting for agents
 * nobody will send.
 */
export class ViewSubscriber {
  private inFlight = false;
  private wanted = false;
  private retry = false;

  constructor(private readonly ports: ViewSubscriberPorts) {}

  request(): void {
    if (this.inFlight || this.retry) {
      this.wanted = true;
      return;
    }
    this.inFlight = true;
    this.wanted = false;
    this.ports.send((result) => this.answered(result));
  }

  /** The connection dropped: an answer in flight will never come, and the next connection asks afresh. */
  reset(): void {
    this.inFlight = false;
    this.wanted = false;
  }

  private answered(result: Answer): void {
    this.inFlight = false;
    if (!result.ok && result.error.startsWith(RATE_LIMITED)) return this.retryLater();
    if (result.ok) this.ports.accepted();
    else this.ports.refused(result.error);
    if (this.wanted) this.request();
  }

  private retryLater(): void {
    this.retry = true;
    this.ports.later(() => {
      this.retry = false;
      this.request();
    }, RATE_LIMIT_RETRY_MS);
  }
}
