import fp from 'fastify-plugin';
import { ConfigService } from './config-service.js';
import { engineControls } from './engine-controls.js';
import configRoutes from './config-routes.js';
import { readConfigFile } from './config-file.js';

declare module 'fastify' {
  interface FastifyInstance {
    configService: ConfigService;
  }
}

/**
 * Run-time configuration: queues, calendars, alert rules and agents over REST, applied to the live engine at once,
 * every change in the audit log. PLANCIA_CONFIG, when set, is imported at start (configuration as code).
 */
export default fp(
  async (fastify) => {
    const { store, live, config, log, entityCaps } = fastify;
    const engine = engineControls(live, store, entityCaps);
    const service = new ConfigService({
      store, engine, now: () => Date.now(), seenQueues: () => live.snapshot().queues.map((q) => q.queueId),
    });
    fastify.decorate('configService', service);
    if (config.adminTokens.length === 0) {
      log.warn('PLANCIA_ADMIN_TOKENS is not set: configuration changes are allowed from loopback clients only');
    }
    if (config.configFile) {
      await service.importAll(await readConfigFile(config.configFile), `file:${config.configFile}`);
      log.info({ file: config.configFile }, 'configuration file applied');
    }
    await fastify.register(configRoutes, { service });
  },
  { name: 'config-api', dependencies: ['config', 'store', 'live', 'access', 'entity-caps'] },
);
