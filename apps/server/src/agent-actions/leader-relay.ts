import { RequestError, TimeoutError, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { AcdRequest } from '@plancia/contracts';
import type { Leadership } from '../cluster/leadership.js';
import { AcdRefusal, ActionInvalid, ActionUnavailable, type AcdChannel, type AcdSent, type AgentAction } from './acd-channel.js';

/** Longer than an AMI or ESL reply may take (5 s), so the leader's own refusal arrives before the follower gives up. */
export const RELAY_TIMEOUT_MS = 10_000;

/** A follower's action, already authorised there, for the leader's link to `source`. */
export interface RelayRequest {
  source: string;
  agentId: string;
  action: AgentAction;
}

/** The leader's outcome as it travels back: what `AcdChannel.send` resolved or threw. */
export type RelayAnswer =
  | { kind: 'sent'; sent: AcdRequest[]; reason: string | null }
  | { kind: 'refused'; message: string; sent: AcdRequest[] }
  | { kind: 'invalid'; field: string; message: string }
  | { kind: 'failed'; message: string };

/** Sends the action on the leader's own channel and says how it went; never throws. */
export async function answerFor(channel: AcdChannel | undefined, { source, agentId, action }: RelayRequest): Promise<RelayAnswer> {
  if (!channel) return { kind: 'failed', message: `The leader has no link to ${source}` };
  try {
    const { sent, reason } = await channel.send(agentId, action);
    return { kind: 'sent', sent, reason };
  } catch (error) {
    if (error instanceof AcdRefusal) return { kind: 'refused', message: error.message, sent: error.sent };
    if (error instanceof ActionInvalid) return { kind: 'invalid', field: error.field, message: error.message };
    return { kind: 'failed', message: (error as Error).message };
  }
}

/** The leader's answer as the follower's caller would have had it from a channel of its own. */
export function settle(answer: RelayAnswer): AcdSent {
  switch (answer.kind) {
    case 'sent': return { sent: answer.sent, reason: answer.reason };
    case 'refused': throw new AcdRefusal(answer.message, answer.sent);
    case 'invalid': throw new ActionInvalid(answer.field, answer.message);
    case 'failed': throw new ActionUnavailable(`The leader could not send the action: ${answer.message}`);
  }
}

/** Why a request to the leader came back with nothing. */
export function unreachable(error: unknown, timeoutMs: number): ActionUnavailable {
  const cause = (error as Error).cause;
  if (error instanceof RequestError && error.isNoResponders()) {
    return new ActionUnavailable('No cluster node leads now, so none holds the PBX links: try again in a few seconds');
  }
  if (error instanceof TimeoutError || cause instanceof TimeoutError) {
    return new ActionUnavailable(`The leader, which holds the PBX links, did not answer within ${timeoutMs / 1000} s`);
  }
  return new ActionUnavailable(`Could not reach the leader, which holds the PBX links: ${(error as Error).message}`);
}

/**
 * Cluster mode's agent actions on the PBX links, which only the leader opens: on the leader a channel sends on its own
 * link; on a follower it asks the leader over NATS request/reply. The leader answers while it leads (`serve`).
 */
export class LeaderRelay {
  private readonly locals = new Map<string, AcdChannel>();
  private subscription: Subscription | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly subject: string,
    private readonly leadership: Leadership,
    private readonly timeoutMs = RELAY_TIMEOUT_MS,
  ) {}

  /** The channel for `source` on this node, in place of its own link's `local`. */
  channel(source: string, local: AcdChannel): AcdChannel {
    this.locals.set(source, local);
    return {
      vendor: local.vendor,
      send: (agentId, action) => (this.leadership.isLeader ? local.send(agentId, action) : this.forward({ source, agentId, action })),
    };
  }

  /** Answers the followers' actions while `leading`; no one answers between two leaders, so callers hear why. */
  serve(leading: boolean): void {
    if (leading && !this.subscription) {
      this.subscription = this.nc.subscribe(this.subject, {
        callback: (error, message) => {
          if (error) return;
          const request = message.json<RelayRequest>();
          void answerFor(this.locals.get(request.source), request).then((answer) => message.respond(JSON.stringify(answer)));
        },
      });
    } else if (!leading && this.subscription) {
      const subscription = this.subscription;
      this.subscription = null;
      // On close the connection may already be draining, which ends the subscription anyway.
      if (!this.nc.isClosed() && !this.nc.isDraining()) subscription.unsubscribe();
    }
  }

  private async forward(request: RelayRequest): Promise<AcdSent> {
    let reply;
    try {
      reply = await this.nc.request(this.subject, JSON.stringify(request), { timeout: this.timeoutMs });
    } catch (error) {
      throw unreachable(error, this.timeoutMs);
    }
    return settle(reply.json<RelayAnswer>());
  }
}
