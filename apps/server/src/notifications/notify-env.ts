import { Type, type Static } from '@sinclair/typebox';

/** Notification settings from the environment, spread into the server's EnvSchema (validated at boot). */
export const NOTIFY_ENV = {
  PLANCIA_SMTP_URL: Type.Optional(Type.String({
    pattern: '^smtps?://[^\\s]+$',
    description: 'SMTP server of email notification channels, e.g. smtps://user:password@mail.example.com:465 (unset: email channels are refused)',
  })),
  PLANCIA_SMTP_FROM: Type.Optional(Type.String({ pattern: '^[^\\s@]+@[^\\s@]+$|^.+<[^\\s@]+@[^\\s@]+>$', description: 'sender address of notification emails, e.g. plancia@example.com' })),
  PLANCIA_NOTIFY_RETRY_BASE_MS: Type.Integer({
    minimum: 10, maximum: 60_000, default: 1_000,
    description: 'first wait before a failed notification is tried again; it doubles each try up to 10 minutes (tests shorten it)',
  }),
  PLANCIA_NOTIFY_GIVE_UP_SECONDS: Type.Integer({
    minimum: 1, maximum: 604_800, default: 86_400,
    description: 'a notification still failing this long after it fell due is dead (listed for a manual retry)',
  }),
  PLANCIA_NOTIFY_POLL_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 500, description: 'how often the delivery worker looks for notifications due' }),
};
type NotifyEnv = Static<ReturnType<typeof Type.Object<typeof NOTIFY_ENV>>>;

export interface NotifyConfig {
  smtp?: { url: string; from: string };
  retryBaseMs: number;
  giveUpMs: number;
  pollMs: number;
}

export const NOTIFY_SECRET_VARIABLES = ['PLANCIA_SMTP_URL'] as const;

/** Both SMTP variables or neither. */
export function notifyProblems(env: NotifyEnv): string[] {
  return Boolean(env.PLANCIA_SMTP_URL) === Boolean(env.PLANCIA_SMTP_FROM) ? [] : ['PLANCIA_SMTP_URL and PLANCIA_SMTP_FROM: set both, or neither'];
}

export function notifyConfig(env: NotifyEnv): NotifyConfig {
  return {
    ...(env.PLANCIA_SMTP_URL && env.PLANCIA_SMTP_FROM ? { smtp: { url: env.PLANCIA_SMTP_URL, from: env.PLANCIA_SMTP_FROM } } : {}),
    retryBaseMs: env.PLANCIA_NOTIFY_RETRY_BASE_MS,
    giveUpMs: env.PLANCIA_NOTIFY_GIVE_UP_SECONDS * 1000,
    pollMs: env.PLANCIA_NOTIFY_POLL_MS,
  };
}
