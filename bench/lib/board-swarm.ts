import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { View } from '@plancia/contracts';
import { ROOT } from './processes.js';

/**
 * What one swarm process connects: socket.io boards subscribed to `view`, or raw ws clients of the baseline. With
 * `probes`, each board also notes when it first sees each probe queue (PROBE_PREFIX), an event posted by the parent.
 */
export interface SwarmSpec { url: string; kind: 'socket.io' | 'raw'; boards: number; view?: View; probes?: boolean }
export type SwarmCommand = { kind: 'start' } | { kind: 'stop' } | { kind: 'close' };
/** A probe queue first seen by one board, and when (epoch ms: the parent's clock is the same machine's). */
export type Sighting = [queueId: string, atMs: number];
export type SwarmReply =
  | { kind: 'ready'; connected: number }
  | { kind: 'heard'; latencies: number[]; sizes: number[]; jsonSizes?: number[]; sightings?: Sighting[]; connected: number };

/** Boards one client process takes at most: beyond this one event loop decoding the changes would set the pace. */
export const BOARDS_PER_PROCESS = 1_250;
/** A probe event opens a queue of this prefix that nobody has seen. */
export const PROBE_PREFIX = 'probe-';

interface Heard { latencies: number[]; sizes: number[]; jsonSizes: number[]; sightings: Sighting[]; connected: number; elapsedMs: number }

export interface Swarm {
  processes: number;
  connected: number;
  /**
   * Every change heard by any board between start and stop, as latencies, the JSON length of the first ones (socket.io
   * boards), the probes sighted, and how many boards were still connected.
   */
  listen(seconds: number): Promise<Heard>;
  /** The same, listening while `work` runs. */
  listenWhile(work: () => Promise<void>): Promise<Heard>;
  close(): Promise<void>;
}

function nextReply(child: ChildProcess, kind: SwarmReply['kind']): Promise<SwarmReply> {
  return new Promise((done, fail) => {
    const onMessage = (message: SwarmReply) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      done(message);
    };
    const onExit = (code: number | null) => fail(new Error(`board swarm process exited with ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * `boards` boards spread over client processes of at most BOARDS_PER_PROCESS each, so the load generator is not the
 * bottleneck of a fan-out measurement: a single process decoding 20,000 change messages a second was (issue 21).
 */
export async function startSwarm(spec: SwarmSpec, perProcess = BOARDS_PER_PROCESS): Promise<Swarm> {
  const processes = Math.max(1, Math.ceil(spec.boards / perProcess));
  const children = Array.from({ length: processes }, (_, i) => {
    const share = Math.floor(spec.boards / processes) + (i < spec.boards % processes ? 1 : 0);
    return fork(join(ROOT, 'bench/lib/board-swarm-child.ts'), [], {
      cwd: ROOT, execArgv: ['--import', 'tsx'], env: { ...process.env, SWARM_SPEC: JSON.stringify({ ...spec, boards: share }) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  });
  const ready = await Promise.all(children.map((child) => nextReply(child, 'ready')));
  const connected = ready.reduce((sum, r) => sum + r.connected, 0);
  const listenWhile = async (work: () => Promise<void>): Promise<Heard> => {
    const started = Date.now();
    for (const child of children) child.send({ kind: 'start' } satisfies SwarmCommand);
    await work();
    const heard = children.map((child) => nextReply(child, 'heard'));
    for (const child of children) child.send({ kind: 'stop' } satisfies SwarmCommand);
    const elapsedMs = Date.now() - started;
    const replies = (await Promise.all(heard)) as Extract<SwarmReply, { kind: 'heard' }>[];
    return {
      latencies: replies.flatMap((r) => r.latencies), sizes: replies.flatMap((r) => r.sizes), jsonSizes: replies.flatMap((r) => r.jsonSizes ?? []),
      sightings: replies.flatMap((r) => r.sightings ?? []), connected: replies.reduce((sum, r) => sum + r.connected, 0), elapsedMs,
    };
  };
  return {
    processes,
    connected,
    listen: (seconds) => listenWhile(() => new Promise((r) => setTimeout(r, seconds * 1000))),
    listenWhile,
    async close() {
      await Promise.all(children.map((child) => new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.send({ kind: 'close' } satisfies SwarmCommand);
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      })));
    },
  };
}
