import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fp from 'fastify-plugin';
import { chooseDemoRun, DEMO_RESUME_WITHIN_MS, DEMO_SOURCE_PREFIX, demoRunArgs } from '../../demo-run.js';
import { REPO_ROOT, SIMULATOR_CLI } from '../../paths.js';

/**
 * With PLANCIA_DEMO on, the simulator runs as a separate process posting to this server like any outside
 * producer would, so demo traffic takes the same path as real traffic. A restart continues the run the journal
 * holds (same ids, nothing sent twice) instead of starting a second one over the same minutes.
 */
export default fp(
  async (fastify) => {
    const { config, log, store } = fastify;
    if (!config.demo) return;
    if (!existsSync(SIMULATOR_CLI)) {
      log.warn({ path: SIMULATOR_CLI }, 'demo traffic requested but the simulator is not there');
      return;
    }
    let child: ChildProcess | undefined;
    fastify.addHook('onListen', async () => {
      const address = fastify.server.address();
      if (address === null || typeof address === 'string') return;
      const target = `http://127.0.0.1:${address.port}`;
      const token = config.ingestTokens[0];
      const nowMs = Date.now();
      let latest;
      try {
        latest = await store.journal.latestFromSource(DEMO_SOURCE_PREFIX, nowMs - DEMO_RESUME_WITHIN_MS);
      } catch (error) {
        // Without knowing what the demo already sent, a new run could count the same minutes twice.
        log.warn({ err: error }, 'demo traffic not started: the journal could not be read');
        return;
      }
      const run = chooseDemoRun(latest, nowMs);
      const args = [
        '--import', import.meta.resolve('tsx'), SIMULATOR_CLI, '--preset', 'normal', '--target', target,
        ...demoRunArgs(run), ...(token ? ['--token', token] : []),
      ];
      // The simulator runs in this node with tsx's loader (no launcher process between), over an IPC channel that
      // closes when this server ends, however it ends: the simulator stops with it.
      child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.channel?.unref();
      child.on('exit', (code, signal) => log.info({ code, signal }, 'demo traffic stopped'));
      log.info({ target, run: run.runId, continuedAfter: run.sentUntilMs && new Date(run.sentUntilMs).toISOString() }, 'demo traffic started (PLANCIA_DEMO=0 turns it off)');
    });
    fastify.addHook('onClose', async () => {
      child?.kill('SIGTERM');
    });
  },
  { name: 'demo-traffic', dependencies: ['config', 'store'] },
);
