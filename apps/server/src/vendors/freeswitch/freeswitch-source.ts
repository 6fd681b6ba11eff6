import { FreeSwitchCallcenterMapper } from '@plancia/adapters';
import { createStreamSource, type StreamDeps, type StreamSource } from '../stream/stream-source.js';
import { openEslSession, type EslLinkSession } from './esl-session.js';
import { readCallcenterNow } from './callcenter-reads.js';
import type { LinkEndpoint } from '../stream/link-url.js';

/** What supervisor actions need of a FreeSWITCH source: the event socket now up, null while down. */
export interface EslActionLink {
  session(): EslLinkSession | null;
}

/**
 * One FreeSWITCH: a reconnecting event-socket link and one mod_callcenter mapper kept across reconnects (a new one
 * each time the source starts again). Every link, once subscribed, reads the agents and waiting callers as they are
 * now; the mapper compares that with what it already believes, so a reconnect tells only what changed meanwhile.
 * The same link carries supervisor actions (`actions`).
 */
export function createFreeSwitchSource(endpoint: LinkEndpoint, deps: StreamDeps): StreamSource & { actions: EslActionLink } {
  const fresh = () => new FreeSwitchCallcenterMapper({ source: endpoint.source });
  let mapper = fresh();
  let current: EslLinkSession | null = null;
  const source = createStreamSource('FreeSWITCH event socket', deps, async (signal, sink) => {
    const session = await openEslSession({
      ...endpoint,
      signal,
      saturated: sink.saturated,
      drained: sink.drained,
      deliver(events, receivedAtMs) {
        const mapped = events.flatMap((event) => sink.map(() => ({ action: event['CC-Action'] }), () => mapper.map(event, receivedAtMs)));
        sink.submit(mapped, receivedAtMs);
      },
    });
    readCallcenterNow(session, {
      mapper: () => mapper,
      sink,
      refused: (command, reason) => deps.log.warn({ source: endpoint.source, command, reason }, 'FreeSWITCH refused a callcenter_config read: what it lists is known only once it changes'),
    });
    current = session;
    void session.closed.then(() => {
      if (current === session) current = null;
    });
    return session;
  }, () => (mapper = fresh()));
  return { ...source, actions: { session: () => current } };
}
