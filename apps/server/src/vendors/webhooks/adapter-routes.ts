import type { FastifyInstance } from 'fastify';
import { INGEST_LIMITS } from '@plancia/contracts';
import { connectRoute } from './connect-route.js';
import { twilioRoute } from './twilio-route.js';
import { zendeskRoute } from './zendesk-route.js';

/**
 * Vendor webhooks, each on only when its credential is configured. Bodies stay raw text: signatures are computed
 * over the exact bytes received, and the mappers parse them after the check.
 */
export default async function adapterRoutes(fastify: FastifyInstance) {
  const { twilioAuthToken, connectTokens, zendeskSigningSecret } = fastify.config.adapters;
  // Signatures cover the body: it is bounded in size, time and number before it is read, then checked.
  fastify.addHook('onRequest', fastify.guardIngestBody);
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(['application/x-www-form-urlencoded', 'application/json'], { parseAs: 'string', bodyLimit: INGEST_LIMITS.maxBytes }, (_request, body, done) => done(null, body));
  if (twilioAuthToken) twilioRoute(fastify, twilioAuthToken);
  if (connectTokens.length > 0) connectRoute(fastify, connectTokens);
  if (zendeskSigningSecret) zendeskRoute(fastify, zendeskSigningSecret);
}
