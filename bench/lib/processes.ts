import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../test/support/ports.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface RunningProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

// Servers and baselines still running when the bench is interrupted are stopped with it, not left behind.
const running = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(130);
  });
}

function stopper(child: ChildProcess) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

/** Waits for a started process to answer; one that never does is stopped, not left behind. */
async function ready(child: ChildProcess, url: string, probe: string, timeoutMs: number): Promise<RunningProcess> {
  const stop = stopper(child);
  try {
    await waitFor(`${url}${probe}`, child, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}

/** The young generation the server's start script gives V8 (apps/server/package.json): the bench runs it alike. */
const SERVER_NODE_ARGS = ['--max-semi-space-size=32'];

/**
 * BENCH_CPU_PROF=<dir> starts every server under V8's sampling profiler; each writes a .cpuprofile there when it
 * stops cleanly (the suites stop servers with SIGTERM). Read one with `node --import tsx bench/profile-summary.ts <file>`.
 */
function profilerArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(dir)}`] : [];
}

/** Starts the real Plancia server in its own process and waits until it is ready. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000, nodeArgs: string[] = []): Promise<RunningProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...profilerArgs(), ...nodeArgs, '--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PLANCIA_DEMO: '0',
      // BENCH_LOG_LEVEL=info shows where a server's start spends its time (its own log lines carry `ms`).
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      PLANCIA_DATA_DIR: mkdtempSync(join(tmpdir(), 'plancia-bench-')),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return ready(child, `http://127.0.0.1:${port}`, '/readyz', timeoutMs);
}

/** Starts a baseline script from bench/baselines in its own process; it prints nothing and listens on PORT. */
export async function startBaseline(script: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/baselines', script)], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return ready(child, `http://127.0.0.1:${port}`, '/healthz', 30_000);
}

/** CPU time (user + system) a process has used, from /proc, in milliseconds. */
export function cpuMillis(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat are utime and stime in clock ticks (100 Hz on Linux).
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The fields of /proc/<pid>/stat after the command's name (so the first is the 3rd field, the state). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU time, in milliseconds, used by the processes whose command (`/proc/<pid>/comm`) is `command` and by their ended
 * children: a database's backends come and go with its connections, and an ended one's time moves to its parent's
 * children's time (fields 16 and 17 of stat), so the sum does not drop when one ends.
 */
export function cpuMillisOfCommand(command: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== command) continue;
      const fields = statFields(Number(entry));
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

/** CPU time the whole machine spent busy (all but idle and I/O wait, every core together), from /proc/stat, in ms. */
export function machineBusyMillis(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal …: idle and iowait are the 4th and 5th
  const busy = ticks.reduce((sum, t, i) => (i === 3 || i === 4 || i > 7 ? sum : sum + t), 0);
  return busy * 10;
}

/**
 * Cores busy over a phase: the server's, the database's (every local `postgres` process; 0 when the database runs
 * elsewhere) and the whole machine's, the load generator included.
 */
export function cpuMeter(serverPid: number): { cores(elapsedMs: number): { server: number; database: number; machine: number } } {
  const server0 = cpuMillis(serverPid);
  const database0 = cpuMillisOfCommand('postgres');
  const machine0 = machineBusyMillis();
  return {
    cores: (elapsedMs) => ({
      server: (cpuMillis(serverPid) - server0) / elapsedMs,
      database: (cpuMillisOfCommand('postgres') - database0) / elapsedMs,
      machine: (machineBusyMillis() - machine0) / elapsedMs,
    }),
  };
}

/** A meter's reading as a note: "server 0.92, database 0.61, machine 1.88 of 2 cores busy" (`process`: what was metered). */
export function coresNote(cores: { server: number; database: number; machine: number }, process = 'server'): string {
  return `${process} ${cores.server.toFixed(2)}, database ${cores.database.toFixed(2)}, machine ${cores.machine.toFixed(2)} of ${availableParallelism()} cores busy`;
}
