import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { reloadNotices } from '../cluster/reload-notices.js';
import { Users } from '../users/users.js';
import { endingId, endingOf } from './session-ends.js';
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
/** How soon a socket held open with a session notices that the session expired (one query per session at expiry). */
const SWEEP_EVERY_MS = 10_000;

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
    // Cluster mode: a session ended on another node closes the sockets opened with it here too.
    const notices = reloadNotices(fastify.cluster, fastify.live, 'sessions');
    const { loaded: sessions, stop: stopNotices } = await notices.loadFollowing(
      async () => new Sessions(accounts),
      async (loaded, id) => {
        const ending = id === undefined ? undefined : endingOf(id);
        if (ending) loaded.heard(ending);
      },
    );
    sessions.announceThrough((ending) => notices.announce(endingId(ending)));
    users.endSessionsThrough((username) => sessions.endedFor(username));
    fastify.decorate('users', users);
    fastify.decorate('sessions', sessions);

    // Expired sessions no longer open anything; this only keeps the table small.
    const purge = setInterval(() => {
      accounts.purgeExpiredSessions(Date.now()).catch((error: unknown) => fastify.log.warn({ err: error }, 'purging expired sessions failed'));
    }, PURGE_EVERY_MS);
    purge.unref();
    const sweep = setInterval(() => {
      sessions.sweep().catch((error: unknown) => fastify.log.warn({ err: error }, 'checking the sessions of open sockets failed'));
    }, SWEEP_EVERY_MS);
    sweep.unref();
    fastify.addHook('onClose', async () => {
      clearInterval(purge);
      clearInterval(sweep);
      stopNotices();
    });
  },
  { name: 'sessions', dependencies: ['config', 'store', 'cluster', 'live'] },
);
