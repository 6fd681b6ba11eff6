import type { FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { INGEST_LIMITS } from '@plancia/contracts';
import type { ServerConfig } from './config.js';
import type { StartAhead } from './server.js';
import { errorHandler } from './http-errors.js';
import configPlugin from './plugins/infrastructure/config.js';
import metricsPlugin from './plugins/infrastructure/metrics.js';
import storePlugin from './plugins/infrastructure/store.js';
import entityCapsPlugin from './plugins/infrastructure/entity-caps.js';
import notificationsPlugin, { notificationMutes } from './plugins/infrastructure/notifications.js';
import livePlugin from './plugins/infrastructure/live.js';
import clusterPlugin from './plugins/infrastructure/cluster.js';
import openapiPlugin from './plugins/infrastructure/openapi.js';
import securityHeadersPlugin from './plugins/infrastructure/security-headers.js';
import rateLimitsPlugin from './plugins/infrastructure/rate-limits.js';
import sessionPlugin from './session/session-plugin.js';
import machineTokensPlugin from './tokens/tokens-plugin.js';
import accessPlugin from './plugins/app/access.js';
import sourceHealthPlugin from './plugins/app/source-health.js';
import callerPrivacyPlugin from './plugins/app/caller-privacy.js';
import ingestPlugin from './plugins/app/ingest.js';
import callbacksPlugin from './callbacks/callbacks-plugin.js';
import retentionPlugin from './plugins/app/retention.js';
import demoTrafficPlugin from './plugins/app/demo-traffic.js';
import webAppPlugin from './plugins/app/web-app.js';
import { pushPlugin } from './push/push-plugin.js';
import alertsPlugin from './alerts/alerts-plugin.js';
import controlLogPlugin from './control-log/control-log-plugin.js';
import tenancyPlugin from './tenancy/tenancy-plugin.js';
import tenantRoutes from './routes/tenants.js';
import configApiPlugin from './config-api/index.js';
import adaptersPlugin from './vendors/index.js';
import adapterRoutes from './vendors/webhooks/adapter-routes.js';
import healthRoutes from './routes/health.js';
import eventsRoutes from './routes/events.js';
import webhookRoutes from './routes/webhooks.js';
import ingestSocketRoute from './routes/ingest-socket.js';
import snapshotRoutes from './routes/snapshot.js';
import sessionRoutes from './routes/session.js';
import oidcSessionRoutes from './routes/session-oidc.js';
import userRoutes from './routes/users.js';
import userPasswordRoute from './routes/user-password.js';
import tokenRoutes from './routes/tokens.js';
import intervalRoutes from './routes/intervals.js';
import callerRoutes from './routes/callers.js';
import privacyRoutes from './routes/privacy.js';
import notificationRoutes from './routes/notifications.js';
import broadcastRoutes from './routes/broadcasts.js';
import shiftLogRoutes from './routes/shift-log.js';
import reportRoutes from './reports/report-routes.js';
import callbackRoutes from './routes/callbacks.js';
import agentActionRoutes from './routes/agent-actions.js';

/**
 * Plancia as one fastify plugin, in three layers: infrastructure (configuration, metrics, database, live state,
 * sockets, OpenAPI), application plugins built on it, then routes. Each layer only uses the ones above it.
 */
export default async function plancia(fastify: FastifyInstance, { config, ahead = {} }: { config: ServerConfig; ahead?: StartAhead }) {
  fastify.setErrorHandler(errorHandler);

  await fastify.register(configPlugin, { config });
  await fastify.register(metricsPlugin);
  await fastify.register(storePlugin);
  await fastify.register(entityCapsPlugin);
  await fastify.register(notificationsPlugin);
  await fastify.register(clusterPlugin);
  await fastify.register(livePlugin, { prefetched: ahead.checkpoint });
  // Compression off: per-message deflate fragments memory and costs throughput on many small frames.
  await fastify.register(websocket, { options: { maxPayload: INGEST_LIMITS.maxBytes, perMessageDeflate: false } });
  await fastify.register(openapiPlugin);
  await fastify.register(securityHeadersPlugin);
  await fastify.register(rateLimitsPlugin);

  await fastify.register(sessionPlugin);
  await fastify.register(machineTokensPlugin);
  await fastify.register(accessPlugin);
  await fastify.register(sourceHealthPlugin);
  await fastify.register(callerPrivacyPlugin);
  await fastify.register(callbacksPlugin);
  await fastify.register(ingestPlugin);
  await fastify.register(retentionPlugin);
  await fastify.register(demoTrafficPlugin);
  await fastify.register(webAppPlugin);
  await fastify.register(tenancyPlugin);
  await fastify.register(controlLogPlugin);
  await fastify.register(pushPlugin);
  await fastify.register(alertsPlugin);
  await fastify.register(notificationMutes);
  await fastify.register(configApiPlugin);
  await fastify.register(adaptersPlugin);

  await fastify.register(healthRoutes);
  await fastify.register(eventsRoutes);
  await fastify.register(webhookRoutes);
  await fastify.register(ingestSocketRoute);
  await fastify.register(snapshotRoutes);
  await fastify.register(sessionRoutes);
  if (config.oidc) await fastify.register(oidcSessionRoutes);
  await fastify.register(userRoutes);
  await fastify.register(userPasswordRoute);
  await fastify.register(tenantRoutes);
  await fastify.register(tokenRoutes);
  await fastify.register(intervalRoutes);
  await fastify.register(callerRoutes);
  await fastify.register(privacyRoutes);
  await fastify.register(notificationRoutes);
  await fastify.register(broadcastRoutes);
  await fastify.register(shiftLogRoutes);
  await fastify.register(reportRoutes);
  await fastify.register(callbackRoutes);
  await fastify.register(agentActionRoutes);
  await fastify.register(adapterRoutes);
}
