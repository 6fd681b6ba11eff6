import type { ActionConfig } from './action-env.js';
import type { AcdChannel } from './acd-channel.js';
import { connectChannel } from './connect-channel.js';
import { twilioChannel } from './twilio-channel.js';

/** The webhook sources' names, as their routes set them (vendors/webhooks). */
const TWILIO_PREFIX = 'twilio:';
const CONNECT_SOURCE = 'amazon-connect';

/**
 * Which ACD takes actions for a source: the AMI and ESL links by their source name (`ami://host:port`), TaskRouter
 * for `twilio:<WorkspaceSid>` and Connect for `amazon-connect` when their credentials are configured. Undefined:
 * the source has no action channel (events posted as CloudEvents, or a vendor without credentials).
 */
export class AcdChannels {
  private readonly links = new Map<string, AcdChannel>();
  private readonly twilio = new Map<string, AcdChannel>();
  private readonly connect: AcdChannel | undefined;

  constructor(private readonly config: ActionConfig) {
    this.connect = config.connect && connectChannel(config.connect);
  }

  /** A linked ACD (AMI, ESL) under the source name its events carry. */
  addLink(source: string, channel: AcdChannel): void {
    this.links.set(source, channel);
  }

  for(source: string): AcdChannel | undefined {
    const linked = this.links.get(source);
    if (linked) return linked;
    if (source === CONNECT_SOURCE) return this.connect;
    if (!source.startsWith(TWILIO_PREFIX) || !this.config.twilio) return undefined;
    let channel = this.twilio.get(source);
    if (!channel) this.twilio.set(source, (channel = twilioChannel(this.config.twilio, source.slice(TWILIO_PREFIX.length))));
    return channel;
  }
}
