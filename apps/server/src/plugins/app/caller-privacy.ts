import fp from 'fastify-plugin';
import { CallbackCipher } from '../../callers/callback-cipher.js';
import { resolveCallerKeys } from '../../callers/caller-keys.js';
import { CallerPrivacy } from '../../callers/caller-privacy.js';
import { CallerPseudonymiser } from '../../callers/pseudonymiser.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Pseudonymises callers on ingest and reveals a kept callback number. */
    callers: CallerPrivacy;
  }
}

const HOUR_MS = 3_600_000;

/** Caller identifiers: keys from PLANCIA_CALLER_KEYS or the database, callback numbers only with PLANCIA_CALLBACK_KEY. */
export default fp(
  async (fastify) => {
    const { config, store, log } = fastify;
    const { keys, origin } = await resolveCallerKeys(config.callers.keys, store.callers);
    const pseudonymiser = new CallerPseudonymiser(keys);
    const { callbackKey, callbackRetentionHours } = config.callers;
    fastify.decorate('callers', new CallerPrivacy({
      pseudonymiser,
      cipher: callbackKey && new CallbackCipher(callbackKey),
      retentionMs: callbackRetentionHours * HOUR_MS,
      callbacks: store.callers,
      now: Date.now,
    }));
    log.info({ key: pseudonymiser.currentKeyId, origin }, origin === 'database'
      ? 'caller pseudonyms use a key kept in the database; set PLANCIA_CALLER_KEYS to keep the key apart from the data'
      : 'caller pseudonyms use PLANCIA_CALLER_KEYS');
    if (callbackKey) log.info({ retentionHours: callbackRetentionHours }, 'callback numbers are kept encrypted for contacts queued or abandoned');
    else log.info('PLANCIA_CALLBACK_KEY is unset: no caller number is kept for callbacks, only its pseudonym');
  },
  { name: 'caller-privacy', dependencies: ['config', 'store'] },
);
