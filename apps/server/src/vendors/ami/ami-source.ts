import { AsteriskMapper, MemberDirectory, amiField } from '@plancia/adapters';
import { createStreamSource, type StreamDeps, type StreamSource } from '../stream/stream-source.js';
import { openAmiSession, type AmiLinkSession, type KeepAlive } from './ami-session.js';
import type { LinkEndpoint } from '../stream/link-url.js';
import { PeerClock } from './peer-clock.js';

/** What supervisor actions need of an AMI source: the link now up (null while down) and who its members are. */
export interface AmiActionLink {
  session(): AmiLinkSession | null;
  readonly members: MemberDirectory;
}

/**
 * One Asterisk: a link that logs in again after every drop, and one mapper kept across reconnects, so what
 * QueueStatus reports on reconnecting is compared with what the board was already told (nothing counted twice); a
 * new mapper each time the source starts again. The same link carries supervisor actions (`actions`).
 */
export function createAmiSource(
  endpoint: LinkEndpoint,
  wrapUpSeconds: Record<string, number>,
  deps: StreamDeps & { keepAlive: KeepAlive },
): StreamSource & { actions: AmiActionLink } {
  const fresh = () => new AsteriskMapper({ source: endpoint.source, wrapUpSeconds });
  let mapper = fresh();
  const members = new MemberDirectory();
  const clock = new PeerClock();
  let current: AmiLinkSession | null = null;
  const source = createStreamSource('AMI', deps, async (signal, sink) => {
    const session = await openAmiSession({
      ...endpoint,
      keepAlive: deps.keepAlive,
      signal,
      observeClock(timestamp, receivedAtMs) {
        clock.observe(timestamp, receivedAtMs);
        // A quiet PBX still has wrap-ups running out: its clock on the Ping reply completes them.
        sink.submit(mapper.flush(clock.now(receivedAtMs)), receivedAtMs);
      },
      saturated: sink.saturated,
      drained: sink.drained,
      deliver(items, receivedAtMs) {
        const events = items.flatMap(({ kind, message }) => {
          clock.observe(amiField(message, 'Timestamp'), receivedAtMs);
          members.learn(message);
          return sink.map(
            () => ({ event: amiField(message, 'Event') }),
            () => (kind === 'status' ? mapper.reconcile([message], clock.lastHeard(receivedAtMs)) : mapper.map(message, clock.now(receivedAtMs))),
          );
        });
        sink.submit(events, receivedAtMs);
      },
    });
    current = session;
    void session.closed.then(() => {
      if (current === session) current = null;
    });
    return session;
  }, () => (mapper = fresh()));
  return { ...source, actions: { session: () => current, members } };
}
