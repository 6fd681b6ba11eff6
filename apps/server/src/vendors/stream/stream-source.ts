import { AdapterError } from '@plancia/adapters';
import type { PlanciaEvent } from '@plancia/contracts';
import type { IngestService } from '../../ingest/ingest-service.js';
import type { SourceTelemetry } from '../telemetry.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { ReconnectingLink, type LinkHandlers, type LinkSession } from './reconnecting-link.js';
import { StreamSubmitter } from './stream-submitter.js';

export interface AdapterLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface StreamDeps {
  ingest: IngestService;
  telemetry: SourceTelemetry;
  log: AdapterLog;
  backoff?: BackoffOptions;
}

export interface StreamSource {
  /** Opens the link (nothing if it runs); a stopped source may start again. */
  start(): void;
  stop(): Promise<void>;
  /** Reports the link as closed on purpose, held elsewhere (`detail`), to /readyz and /metrics. */
  standby(detail: string): void;
}

/** What a vendor's session needs from its source: where mapped events go and whether to stop reading. */
export interface StreamSink {
  /**
   * Maps one vendor message, counting it as ignored when it maps to nothing; an AdapterError counts it as
   * rejected and maps to nothing: a malformed message never ends the link.
   */
  map(describe: () => object, mapping: () => PlanciaEvent[]): PlanciaEvent[];
  /** Submits the events mapped from one received chunk. */
  submit(events: PlanciaEvent[], receivedAtMs: number): void;
  saturated(): boolean;
  drained(): Promise<void>;
}

/**
 * The part every connected vendor shares: a reconnecting link whose sessions map what they read and submit it
 * through the ingest path, with the link's ups, downs and retries reported to /readyz, /metrics and the log.
 * `forget` drops what the vendor's mapper believes once the link has stopped: a source started again (a cluster node
 * that leads again) must not compare what the PBX says with what it told the board before, since another node's
 * link has told the board other things meanwhile, and a stale belief would pass over a change as nothing new.
 */
export function createStreamSource(
  vendor: string,
  deps: StreamDeps,
  open: (signal: AbortSignal, sink: StreamSink) => Promise<LinkSession>,
  forget: () => void = () => undefined,
): StreamSource {
  const { telemetry, log } = deps;
  const source = telemetry.source;
  // A stopped submitter takes nothing more: each start has its own (a cluster node starts the links on every lead).
  let submitter = new StreamSubmitter(deps.ingest, telemetry, log);
  let link: ReconnectingLink | null = null;
  let ignored = 0;
  const sink: StreamSink = {
    map(describe, mapping) {
      try {
        const events = mapping();
        if (events.length === 0) ignored++;
        return events;
      } catch (error) {
        if (!(error instanceof AdapterError)) throw error;
        telemetry.rejected();
        log.warn({ source, field: error.field, ...describe() }, error.message);
        return [];
      }
    },
    submit(events, receivedAtMs) {
      telemetry.ignored(ignored);
      ignored = 0;
      if (events.length === 0) return;
      telemetry.mapped(events.length);
      telemetry.heard(receivedAtMs);
      submitter.push(events);
    },
    saturated: () => submitter.saturated,
    drained: () => submitter.idle(),
  };
  const handlers: LinkHandlers = {
    open: (signal) => open(signal, sink),
    up: () => {
      telemetry.link(true);
      log.info({ source }, `${vendor} link up`);
    },
    down: (reason) => {
      telemetry.link(false, reason);
      log.warn({ source, reason }, `${vendor} link down`);
    },
    retrying: (delayMs) => {
      telemetry.reconnected();
      log.info({ source, delayMs: Math.round(delayMs) }, `${vendor} reconnecting`);
    },
  };
  return {
    start() {
      if (link) return;
      link = new ReconnectingLink(handlers, deps.backoff ?? DEFAULT_BACKOFF);
      link.start();
    },
    async stop() {
      if (!link) return;
      await link.stop();
      await submitter.close();
      submitter = new StreamSubmitter(deps.ingest, telemetry, log);
      link = null;
      forget();
    },
    standby: (detail) => telemetry.standby(detail),
  };
}
