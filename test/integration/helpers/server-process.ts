import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/ports.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  url: string;
  wsUrl: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** What the process wrote to standard output and error so far (only with `capture`; otherwise it is inherited). */
  output(): string;
}

/** Runs `apps/server/src/main.ts` as its own process, as `npm start` would, and waits until /readyz answers 200. */
export async function startServerProcess(env: Record<string, string>, { capture = false, readyWithinMs = 60_000 } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...parentEnv, PORT: String(port), HOST: '127.0.0.1', PLANCIA_DEMO: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server was not ready within ${readyWithinMs / 1000} s`);
    }
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { url, wsUrl: `ws://127.0.0.1:${port}`, child, exited, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
