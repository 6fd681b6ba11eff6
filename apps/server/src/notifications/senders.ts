import type { ChannelSettings } from '@plancia/contracts';
import type { Transporter } from 'nodemailer';
import { decodeSecret, sign } from '../ingest/webhook-signature.js';
import { emailMessage, pagerDutyBody, slackBody, teamsBody, webhookBody, type MessagePayload } from './messages.js';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
const HTTP_TIMEOUT_MS = 10_000;

/** How one try ended: `gone` (410) stops the channel; anything else not ok is tried again later. */
export type SendResult = { ok: true } | { ok: false; gone: boolean; error: string };

export interface SendContext {
  /** The outbox row id: the webhook-id on every try. */
  id: string;
  nowMs: number;
  /** Null when PLANCIA_SMTP_URL is unset. */
  mail: { transport: Transporter; from: string } | null;
}

/** Standard Webhooks headers: one `v1,` signature per secret (the current one and those still in rotation). */
export function signedHeaders(id: string, nowMs: number, body: string, secrets: readonly string[]): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const signature = secrets.map((secret) => `v1,${sign(decodeSecret(secret), id, timestamp, body)}`).join(' ');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<SendResult> {
  try {
    const reply = await fetch(url, {
      method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS), redirect: 'error',
    });
    await reply.arrayBuffer().catch(() => undefined);
    if (reply.ok) return { ok: true };
    return { ok: false, gone: reply.status === 410, error: `HTTP ${reply.status}` };
  } catch (error) {
    return { ok: false, gone: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Sends one message over one channel. */
export async function send(settings: ChannelSettings, payload: MessagePayload, context: SendContext): Promise<SendResult> {
  switch (settings.type) {
    case 'webhook': {
      const body = JSON.stringify(webhookBody(payload, context.nowMs));
      return post(settings.url, body, signedHeaders(context.id, context.nowMs, body, [settings.secret, ...(settings.previousSecrets ?? [])]));
    }
    case 'slack': return post(settings.url, JSON.stringify(slackBody(payload)));
    case 'teams': return post(settings.url, JSON.stringify(teamsBody(payload)));
    case 'pagerduty': return post(settings.url ?? PAGERDUTY_EVENTS_URL, JSON.stringify(pagerDutyBody(payload, settings.routingKey)));
    case 'email': {
      if (!context.mail) return { ok: false, gone: false, error: 'PLANCIA_SMTP_URL is not set' };
      try {
        const { subject, text } = emailMessage(payload);
        await context.mail.transport.sendMail({ from: context.mail.from, to: settings.to, subject, text, messageId: `<${context.id}@plancia>` });
        return { ok: true };
      } catch (error) {
        return { ok: false, gone: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
  }
}
