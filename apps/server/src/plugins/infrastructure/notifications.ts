import fp from 'fastify-plugin';
import { createTransport, type Transporter } from 'nodemailer';
import type { Alert } from '@plancia/contracts';
import { DeliveryWorker } from '../../notifications/delivery-worker.js';
import { NotificationDispatcher, type IsMuted } from '../../notifications/dispatcher.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Notifications: the dispatcher the live state records transitions through, and the delivery worker. */
    notifications: {
      dispatcher: NotificationDispatcher; worker: DeliveryWorker; publicUrl: string; smtpConfigured: boolean;
      mail: { transport: Transporter; from: string } | null;
    };
  }
}

type Mutes = { alertMutes?: { isMuted: IsMuted } };

/**
 * The outbox's two ends. Silences and snoozes come from fastify.alertMutes (the alert lifecycle) when that is
 * registered; without it nothing is muted. The worker starts once the server is ready and stops before the store
 * closes; rows it has not sent stay in the database for the next start.
 */
export default fp(
  async (fastify) => {
    const { store, config, metrics, log } = fastify;
    const isMuted: IsMuted = (alert: Alert, atMs: number) => (fastify as unknown as Mutes).alertMutes?.isMuted(alert, atMs) ?? false;
    const publicUrl = config.adapters.publicUrl ?? `http://localhost:${config.port}`;
    const smtp = config.notify.smtp;
    const mail = smtp ? { transport: createTransport(smtp.url), from: smtp.from } : null;
    const dispatcher = new NotificationDispatcher(store, publicUrl, isMuted);
    const worker = new DeliveryWorker(store, {
      ...config.notify, mail, isMuted, outcomes: metrics.notificationOutcomes,
      onError: (error, what) => log.error({ err: error }, `notifications: failed ${what}`),
    });
    fastify.decorate('notifications', { dispatcher, worker, publicUrl, smtpConfigured: mail !== null, mail });
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
