import fp from 'fastify-plugin';
import { MachineTokens } from './machine-tokens.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Named, revocable machine tokens, held in memory for the access policy (see tokens/machine-tokens.ts). */
    machineTokens: MachineTokens;
  }
}

/** Other servers on the same database create and revoke tokens too: their changes count here within this long. */
const REFRESH_EVERY_MS = 60_000;

/** Loads the active machine tokens before the server listens, so the first request is judged with all of them. */
export default fp(
  async (fastify) => {
    const { accounts, audit } = fastify.store;
    const onTouchFailure = (error: unknown, name: string) => fastify.log.warn({ err: error, token: name }, 'recording when a machine token was last used failed');
    const tokens = await MachineTokens.open(accounts, audit, Date.now, onTouchFailure);
    fastify.decorate('machineTokens', tokens);

    // A failed refresh keeps the tokens as they were; the next one tries again.
    const refresh = setInterval(() => {
      tokens.refresh().catch((error: unknown) => fastify.log.warn({ err: error }, 'refreshing the machine tokens failed'));
    }, REFRESH_EVERY_MS);
    refresh.unref();
    fastify.addHook('onClose', async () => clearInterval(refresh));
  },
  { name: 'machine-tokens', dependencies: ['config', 'store'] },
);
