import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import fp from 'fastify-plugin';
import { REPO_ROOT, SIMULATOR_CLI } from '../../paths.js';

/**
 * With PLANCIA_DEMO on, the simulator runs as a separate process posting to this server like any outside
 * producer would, so demo traffic takes the same path as real traffic.
 */
export default fp(
  async (fastify) => {
    const { config, log } = fastify;
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
      const tsx = createRequire(import.meta.url).resolve('tsx/cli');
      const args = [tsx, SIMULATOR_CLI, '--preset', 'normal', '--target', target, ...(token ? ['--token', token] : [])];
      child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('exit', (code, signal) => log.info({ code, signal }, 'demo traffic stopped'));
      log.info({ target }, 'demo traffic started (PLANCIA_DEMO=0 turns it off)');
    });
    fastify.addHook('onClose', async () => {
      child?.kill('SIGTERM');
    });
  },
  { name: 'demo-traffic', dependencies: ['config'] },
);
