import fp from 'fastify-plugin';
import type { Transporter } from 'nodemailer';
import { DeliveryWorker } from '../../notifications/delivery-worker.js';
import { NEVER_MUTED, NotificationDispatcher, type IsMuted } from '../../notifications/dispatcher.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Notifications: the dispatcher the live state records transitions through, and the delivery worker. */
    notifications: {
      dispatcher: NotificationDispatcher; worker: DeliveryWorker; publicUrl: string; smtpConfigured: boolean;
      mail: { transport: Transporter; from: string } | null;
      /** Silences and snoozes, once the alert lifecycle is up (the notification-mutes plugin); until then nothing is muted. */
      useMutes(isMuted: IsMuted): void;
    };
  }
}

/**
 * The outbox's two ends. They come before the live state (which records transitions through the dispatcher), and so
 * before the alert lifecycle, whose silences need the live state: the notification-mutes plugin below hands them over
 * once both are registered. The worker starts once the server is ready and stops before the store closes; rows it has
 * not sent stay in the database for the next start.
 */
export default fp(
  async (fastify) => {
    const { store, config, metrics, log } = fastify;
    let mutes: IsMuted = NEVER_MUTED;
    const isMuted: IsMuted = (alert, atMs) => mutes(alert, atMs);
    const publicUrl = config.adapters.publicUrl ?? `http://localhost:${config.port}`;
    const smtp = config.notify.smtp;
    // nodemailer (~40 modules) is loaded only when SMTP is configured: most starts never send mail.
    const mail = smtp ? { transport: (await import('nodemailer')).createTransport(smtp.url), from: smtp.from } : null;
    const dispatcher = new NotificationDispatcher(store, publicUrl, isMuted);
    const worker = new DeliveryWorker(store, {
      ...config.notify, mail, isMuted, outcomes: metrics.notificationOutcomes,
      onError: (error, what) => log.error({ err: error }, `notifications: failed ${what}`),
    });
    const useMutes = (given: IsMuted) => {
      mutes = given;
    };
    fastify.decorate('notifications', { dispatcher, worker, publicUrl, smtpConfigured: mail !== null, mail, useMutes });
    // In cluster mode only the leader sends (cluster/cluster-node.ts starts and stops the worker with the lease).
    fastify.addHook('onReady', async () => {
      if (!config.cluster) worker.start();
    });
    fastify.addHook('onClose', async () => {
      await worker.stop();
      mail?.transport.close();
    });
  },
  { name: 'notifications', dependencies: ['config', 'store', 'metrics'] },
);

/** Notifications ask the alert lifecycle's silences and snoozes (fastify.alertMutes) before anything goes out. */
export const notificationMutes = fp(
  async (fastify) => {
    fastify.notifications.useMutes((alert, atMs) => fastify.alertMutes.isMuted(alert, atMs));
  },
  { name: 'notification-mutes', dependencies: ['notifications', 'alert-mutes'] },
);
