import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_PACKAGE = fileURLToPath(new URL('../../../apps/server/', import.meta.url));

export interface ServedPlancia {
  url: string;
  /** Everything the process tree wrote to standard output and error so far (JSON log lines, simulator stats). */
  output(): string;
  /** SIGTERM to the whole process tree (server and demo simulator); resolves once every process of it has exited. */
  stop(): Promise<void>;
}

/**
 * Runs the server the way `npm start` ends up running it: the `start` script of @plancia/server, in its package
 * folder, with its node_modules/.bin on the PATH as the package manager sets it. The environment decides the
 * rest; PORT=0 lets the system pick a free port, read back from the "Server listening" log line.
 */
export async function serve(env: Record<string, string>, timeoutMs = 120_000): Promise<ServedPlancia> {
  const { scripts } = JSON.parse(readFileSync(`${SERVER_PACKAGE}package.json`, 'utf8')) as { scripts: { start: string } };
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn('sh', ['-c', scripts.start], {
    cwd: SERVER_PACKAGE,
    // A process group of its own, so one signal reaches the server and the simulator it spawns.
    detached: true,
    env: {
      ...parentEnv,
      PATH: `${SERVER_PACKAGE}node_modules/.bin${delimiter}${process.env.PATH ?? ''}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    signalGroup(child.pid!, 'SIGTERM');
    await exited;
    await groupGone(child.pid!, GRACE_MS);
  };
  try {
    return { url: await listeningUrl(child, () => output, timeoutMs), output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** After SIGTERM, the simulator still retries what it had pending; past this it is killed rather than left behind. */
const GRACE_MS = 5_000;

/** Signals every process of the group led by `pid`; false when none is left. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function groupGone(pid: number, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (signalGroup(pid, 0)) {
    if (Date.now() > deadline) signalGroup(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function listeningUrl(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1];
    if (url) return url;
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`the server did not listen within ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
