import type { ClusterRepository } from '@plancia/store';
import type { DeliveryWorker } from '../notifications/delivery-worker.js';
import type { AlertLedger } from './alert-ledger.js';
import type { ClusterBus } from './cluster-bus.js';
import { JournalWriter } from './journal-writer.js';
import { LeaderLease } from './leader-lease.js';
import type { LeadershipSignal } from './leadership.js';

export interface LeaderDutiesOptions {
  bus: ClusterBus;
  repository: ClusterRepository;
  ledger: AlertLedger;
  worker: DeliveryWorker;
  tickMs: number;
  /** Told after the duties have started, and before they stop: what else leads (the PBX links) follows it. */
  leadership: LeadershipSignal;
  log: { info(details: object, message: string): void; error(details: object, message: string): void };
}

/**
 * What one node of the cluster does besides replicating: it holds or waits for the lease, and while it leads it
 * publishes the clock ticks, writes the journal, records alert transitions and sends notifications. Followers only
 * forget the transitions the leader has recorded.
 */
export class LeaderDuties {
  readonly lease: LeaderLease;
  private readonly journal: JournalWriter;
  private ticker: NodeJS.Timeout | undefined;
  private leading = false;
  private follower: NodeJS.Timeout | undefined;

  constructor(private readonly options: LeaderDutiesOptions) {
    const { bus, log } = options;
    const onError = (error: unknown, what: string) => log.error({ err: error }, `cluster: failed ${what}`);
    this.journal = new JournalWriter(bus, options.repository, onError);
    this.lease = new LeaderLease(bus.kv, bus.config.nodeId, bus.config.leaseMs, (leading) => void this.change(leading), (error) => onError(error, 'renewing the leader lease'));
  }

  async start(): Promise<void> {
    this.follower = setInterval(() => void this.options.ledger.catchUp().catch(() => undefined), 1_000);
    await this.lease.start();
  }

  async stop(): Promise<void> {
    clearInterval(this.follower);
    await this.lease.stop();
    await this.change(false);
  }

  private async change(leading: boolean): Promise<void> {
    if (leading === this.leading) return;
    this.leading = leading;
    const { bus, ledger, worker, tickMs, log, leadership } = this.options;
    log.info({ node: bus.config.nodeId, leading }, leading ? 'cluster: this node leads' : 'cluster: this node follows');
    if (!leading) leadership.set(false);
    if (leading) {
      this.ticker ??= setInterval(() => void bus.publishTick(Date.now()).catch((error: unknown) => log.error({ err: error }, 'cluster: failed publishing a tick')), tickMs);
      this.journal.start();
      await ledger.lead();
      worker.start();
      // The lease may have gone while the duties started: only a node that still leads says so.
      if (this.leading) leadership.set(true);
    } else {
      clearInterval(this.ticker);
      this.ticker = undefined;
      ledger.follow();
      await worker.stop();
      await this.journal.stop();
    }
  }
}
