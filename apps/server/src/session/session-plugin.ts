import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { Users } from '../users/users.js';
import { Sessions } from './sessions.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Local users (see users/users.ts). */
    users: Users;
    /** Sessions of signed-in users (see session/sessions.ts). */
    sessions: Sessions;
  }
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Users and their sessions; PLANCIA_ADMIN_PASSWORD creates or resets the user `admin` before the server listens. */
export default fp(
  async (fastify) => {
    await fastify.register(cookie);
    const { accounts, audit } = fastify.store;
    const users = await Users.open(accounts, audit);
    if (fastify.config.adminPassword !== undefined) {
      const outcome = await users.bootstrapAdmin(fastify.config.adminPassword);
      fastify.log.info({ outcome }, 'PLANCIA_ADMIN_PASSWORD: the user admin has this password and the admin role');
    }
    fastify.decorate('users', users);
    fastify.decorate('sessions', new Sessions(accounts));

    // Expired sessions no longer open anything; this only keeps the table small.
    const purge = setInterval(() => {
      accounts.purgeExpiredSessions(Date.now()).catch((error: unknown) => fastify.log.warn({ err: error }, 'purging expired sessions failed'));
    }, PURGE_EVERY_MS);
    purge.unref();
    fastify.addHook('onClose', async () => clearInterval(purge));
  },
  { name: 'sessions', dependencies: ['config', 'store'] },
);
