// One process of a board swarm (board-swarm.ts): connects its share of the boards, records when each change reached
// it, and answers its parent over IPC. Run only by board-swarm.ts.
import WebSocket from 'ws';
import type { BoardChanges, PlanciaEvent, View } from '@plancia/contracts';
import { connectBoards, onChanges, type Board } from './socket-boards.js';
import { PROBE_PREFIX, type Sighting, type SwarmCommand, type SwarmReply, type SwarmSpec } from './board-swarm.js';

const spec = JSON.parse(process.env.SWARM_SPEC!) as SwarmSpec;
const reply = (message: SwarmReply) => process.send!(message);

/** Arrival latencies (ms after the message was made) while a measurement runs; null between measurements. */
let heard: number[] | null = null;
/** The payload length of the changes heard while measuring (of its first boards only): what one change weighs. */
const sizes: number[] = [];
/** The same changes' length as JSON, as a board taking `changes` would have been sent them. */
const jsonSizes: number[] = [];
const WEIGHED_BOARDS = 10;
const record = (madeAtMs: number) => heard?.push(Date.now() - madeAtMs);
/** Probe queues first seen while measuring, by any board (each board reports its own first sighting). */
let sightings: Sighting[] = [];

/** One board's eye for probes: the first time it sees each probe queue among `queueIds`. */
function probeWatcher(): (queueIds: Iterable<string>) => void {
  const seen = new Set<string>();
  return (queueIds) => {
    if (!spec.probes || !heard) return;
    const now = Date.now();
    for (const queueId of queueIds) {
      if (!queueId.startsWith(PROBE_PREFIX) || seen.has(queueId)) continue;
      seen.add(queueId);
      sightings.push([queueId, now]);
    }
  };
}

/** The queues a relayed ingest body opens (the latency baseline forwards the posted events as they are). */
const queuedIn = (events: PlanciaEvent[]) => events.flatMap((e) => (e.type === 'contact.queued' ? [e.data.queueId] : []));

async function socketIoBoards(view: View): Promise<{ connected(): number; close(): void }> {
  const boards: Board[] = await connectBoards(spec.url, spec.boards, view);
  // Every board of a room hears the same message, so a few boards weigh all the messages sent.
  boards.forEach((board, i) => {
    const sight = probeWatcher();
    onChanges(board, (delta: BoardChanges, bytes) => {
      record(Date.parse(delta.generatedAt));
      sight((delta.queues ?? []).map((q) => q.queueId));
      if (heard && i < WEIGHED_BOARDS) {
        sizes.push(bytes);
        jsonSizes.push(JSON.stringify(delta).length);
      }
    });
  });
  return { connected: () => boards.filter((b) => b.connected).length, close: () => boards.forEach((b) => b.disconnect()) };
}

async function rawBoards(): Promise<{ connected(): number; close(): void }> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < spec.boards; i++) {
    const socket = new WebSocket(spec.url.replace('http', 'ws'), { perMessageDeflate: false });
    const sight = probeWatcher();
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { sentAt: number } | PlanciaEvent[];
      if (Array.isArray(message)) sight(queuedIn(message));
      else record(message.sentAt);
    });
    sockets.push(socket);
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 1000));
  return { connected: () => sockets.filter((s) => s.readyState === WebSocket.OPEN).length, close: () => sockets.forEach((s) => s.terminate()) };
}

const swarm = spec.kind === 'raw' ? await rawBoards() : await socketIoBoards(spec.view ?? {});
reply({ kind: 'ready', connected: swarm.connected() });
process.on('message', (command: SwarmCommand) => {
  if (command.kind === 'start') heard = [];
  if (command.kind === 'stop') {
    reply({ kind: 'heard', latencies: heard ?? [], sizes: sizes.splice(0), jsonSizes: jsonSizes.splice(0), sightings, connected: swarm.connected() });
    heard = null;
    sightings = [];
  }
  if (command.kind === 'close') {
    swarm.close();
    process.exit(0);
  }
});
