import { FreeSwitchCallcenterMapper } from '@plancia/adapters';
import { createStreamSource, type StreamDeps, type StreamSource } from '../stream/stream-source.js';
import { openEslSession } from './esl-session.js';
import type { LinkEndpoint } from '../stream/link-url.js';

/** One FreeSWITCH: a reconnecting event-socket link and one mod_callcenter mapper kept across reconnects. */
export function createFreeSwitchSource(endpoint: LinkEndpoint, deps: StreamDeps): StreamSource {
  const mapper = new FreeSwitchCallcenterMapper({ source: endpoint.source });
  return createStreamSource('FreeSWITCH event socket', deps, (signal, sink) => openEslSession({
    ...endpoint,
    signal,
    saturated: sink.saturated,
    drained: sink.drained,
    deliver(events, receivedAtMs) {
      const mapped = events.flatMap((event) => sink.map(() => ({ action: event['CC-Action'] }), () => mapper.map(event, receivedAtMs)));
      sink.submit(mapped, receivedAtMs);
    },
  }));
}
