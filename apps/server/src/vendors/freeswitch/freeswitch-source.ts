import { FreeSwitchCallcenterMapper } from '@plancia/adapters';
import { createStreamSource, type StreamDeps, type StreamSource } from '../stream/stream-source.js';
import { openEslSession, type EslLinkSession } from './esl-session.js';
import type { LinkEndpoint } from '../stream/link-url.js';

/** What supervisor actions need of a FreeSWITCH source: the event socket now up, null while down. */
export interface EslActionLink {
  session(): EslLinkSession | null;
}

/**
 * One FreeSWITCH: a reconnecting event-socket link and one mod_callcenter mapper kept across reconnects (a new one
 * each time the source starts again). The same link carries supervisor actions (`actions`).
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
    current = session;
    void session.closed.then(() => {
      if (current === session) current = null;
    });
    return session;
  }, () => (mapper = fresh()));
  return { ...source, actions: { session: () => current } };
}
