import fp from 'fastify-plugin';
import { MachineTokens } from './machine-tokens.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Named, revocable machine tokens, held in memory for the access policy (see tokens/machine-tokens.ts). */
    machineTokens: MachineTokens;
  }
}

/** Loads the active machine tokens before the server listens, so the first request is judged with all of them. */
export default fp(
  async (fastify) => {
    const { accounts, audit } = fastify.store;
    const onTouchFailure = (error: unknown, name: string) => fastify.log.warn({ err: error, token: name }, 'recording when a machine token was last used failed');
    fastify.decorate('machineTokens', await MachineTokens.open(accounts, audit, Date.now, onTouchFailure));
  },
  { name: 'machine-tokens', dependencies: ['config', 'store'] },
);
