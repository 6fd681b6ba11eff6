import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AlertEvent, BoardChanges } from '@plancia/contracts';
import { answered, postEvents, queued } from '../helpers/events.js';
import { isAlert, isSnapshot, openBoard, openLive, type Received } from './board-client.js';
import { useServer } from '../helpers/plancia-server.js';

const VIEW_TOKEN = 'viewer-token-0123456789';
/** A shared token acknowledges under its digest's first 12 hex digits: a name typed on the board no longer counts. */
const TOKEN_ACTOR = `token:${createHash('sha256').update(VIEW_TOKEN).digest('hex').slice(0, 12)}`;

/** A contact answered after 30 s against a 20 s threshold: service level 0 %, so both default SL rules fire. */
function slowAnswer(queueId: string, id: string) {
  const now = Date.now();
  return [queued(`${id}-q`, queueId, now - 60_000), answered(`${id}-a`, `c-${id}-q`, `agent-${id}`, now - 30_000)];
}

const raisedOn = (queueId: string) => (m: Received): m is Extract<Received, { kind: 'alert' }> =>
  isAlert(m) && m.event.kind === 'raised' && m.event.alert.scope.id === queueId;
const acknowledged = (alertId: string) => (m: Received): m is Extract<Received, { kind: 'alert' }> =>
  isAlert(m) && m.event.kind === 'acknowledged' && m.event.alert.id === alertId;

describe('plain WebSocket feed and alert acknowledgement', () => {
  const server = useServer({ PLANCIA_TICK_MS: '20', PLANCIA_VIEW_TOKENS: 'viewer-token-0123456789' });

  it('streams LiveMessage JSON on GET /api/v1/live: the snapshot first, then changes of its view', async () => {
    const live = openLive(server().wsUrl, '?queues=feed&token=viewer-token-0123456789');
    await live.opened;
    await expect.poll(() => live.messages.length).toBeGreaterThan(0);
    expect(live.messages[0]).toMatchObject({ type: 'snapshot', snapshot: { queues: [] } });
    expect((await postEvents(server().url, JSON.stringify([queued('feed-1', 'feed'), queued('other-1', 'other')]))).status).toBe(202);
    await expect.poll(() => live.messages.some((m) => m.type === 'changes' && m.delta.queues?.some((q) => q.queueId === 'feed'))).toBe(true);
    expect(live.messages.some((m) => m.type === 'changes' && m.delta.queues?.some((q) => q.queueId === 'other'))).toBe(false);
    live.socket.close();
  });

  it('frames the same changes deflated on a feed opened with encoding=deflate, and refuses an encoding it does not offer', async () => {
    const live = openLive(server().wsUrl, '?queues=packed-feed&encoding=deflate&token=viewer-token-0123456789');
    await live.opened;
    expect((await postEvents(server().url, JSON.stringify([queued('packed-feed-1', 'packed-feed')]))).status).toBe(202);
    const inflated = () => live.messages.flatMap((m) => (m.type === 'changesDeflated'
      ? [JSON.parse(inflateRawSync(Buffer.from(m.payload, 'base64')).toString('utf8')) as BoardChanges] : []));
    await expect.poll(() => inflated().some((c) => c.queues?.some((q) => q.queueId === 'packed-feed' && q.live?.waiting === 1))).toBe(true);
    expect(live.messages.some((m) => m.type === 'changes')).toBe(false);
    live.socket.close();
    const response = await fetch(`${server().url}/api/v1/live?encoding=gzip`, { headers: { authorization: 'Bearer viewer-token-0123456789' } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/encoding/);
  });

  it('refuses the feed without a token and rejects a malformed view naming the field', async () => {
    await expect(openLive(server().wsUrl, '').opened).rejects.toThrow(/401/);
    await expect(openLive(server().wsUrl, '?channels=fax&token=viewer-token-0123456789').opened).rejects.toThrow(/400/);
    const response = await fetch(`${server().url}/api/v1/live?channels=fax`, { headers: { authorization: 'Bearer viewer-token-0123456789' } });
    expect(await response.text()).toMatch(/channels/);
  });

  it('pushes a raised alert to every board, and an acknowledgement from one board to all of them', async () => {
    const supervisor = openBoard(server().url, { token: 'viewer-token-0123456789', view: { queues: ['slow'] } });
    const wallTv = openBoard(server().url, { token: 'viewer-token-0123456789', view: { queues: ['elsewhere'] } });
    const feed = openLive(server().wsUrl, '?token=viewer-token-0123456789');
    await feed.opened;
    await Promise.all([supervisor.waitFor(isSnapshot), wallTv.waitFor(isSnapshot)]);
    expect((await postEvents(server().url, JSON.stringify(slowAnswer('slow', 's1')))).status).toBe(202);
    const raised = await supervisor.waitFor(raisedOn('slow'));
    await wallTv.waitFor(raisedOn('slow'));

    const result = await supervisor.socket.timeout(5000).emitWithAck('acknowledgeAlert', { alertId: raised.event.alert.id, note: 'calling in the back office', by: 'Giulia' });
    expect(result).toEqual({ ok: true });
    for (const board of [supervisor, wallTv]) {
      const { event } = await board.waitFor(acknowledged(raised.event.alert.id));
      expect(event.alert).toMatchObject({ state: 'acknowledged', acknowledgedBy: TOKEN_ACTOR, note: 'calling in the back office' });
    }
    await expect.poll(() => feed.messages.some((m) => m.type === 'alert' && m.event.kind === 'acknowledged')).toBe(true);

    const unknown = await supervisor.socket.timeout(5000).emitWithAck('acknowledgeAlert', { alertId: 'no-such-alert' });
    expect(unknown).toMatchObject({ ok: false, error: expect.stringMatching(/alertId/) });
    supervisor.close();
    wallTv.close();
    feed.socket.close();
  });

  it('acknowledges over REST too: POST /api/v1/alerts/{id}/acknowledge', async () => {
    const board = openBoard(server().url, { token: 'viewer-token-0123456789' });
    await board.waitFor(isSnapshot);
    expect((await postEvents(server().url, JSON.stringify(slowAnswer('rest', 'r1')))).status).toBe(202);
    const raised = await board.waitFor(raisedOn('rest'));
    const url = `${server().url}/api/v1/alerts/${encodeURIComponent(raised.event.alert.id)}/acknowledge`;
    const headers = { authorization: 'Bearer viewer-token-0123456789', 'content-type': 'application/json' };
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ note: 'on it', by: 'Marco' }) });
    expect(response.status).toBe(200);
    expect(await response.json() as AlertEvent).toMatchObject({ kind: 'acknowledged', alert: { acknowledgedBy: TOKEN_ACTOR } });
    await board.waitFor(acknowledged(raised.event.alert.id));
    const missing = await fetch(`${server().url}/api/v1/alerts/nope/acknowledge`, { method: 'POST', headers, body: '{}' });
    expect(missing.status).toBe(404);
    board.close();
  });
});
