import type { ChannelSettings } from '@plancia/contracts';
import type { Transporter } from 'nodemailer';
import { decodeSecret, sign } from '../ingest/webhook-signature.js';
import { emailMessage, pagerDutyBody, slackBody, teamsBody, webhookBody, type Batch, type MessagePayload } from './messages.js';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
const HTTP_TIMEOUT_MS = 10_000;

/** How one try ended: `gone` (410) stops the channel; anything else not ok is tried again later. */
export type SendResult = { ok: true } | { ok: false; gone: boolean; error: string };

export interface SendContext {
  /** The batch's id (a message of one row: the row's): the webhook-id on every try. */
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

/** PagerDuty takes one event per alert: the batch's events in order, stopping at the first refusal (all are retried). */
async function sendPagerDuty(url: string, batch: Batch, routingKey: string): Promise<SendResult> {
  for (const payload of batch) {
    const result = await post(url, JSON.stringify(pagerDutyBody(payload, routingKey)));
    if (!result.ok) return result;
  }
  return { ok: true };
}

/** Sends one message (one alert, or a batch of one group's) over one channel. */
export async function send(settings: ChannelSettings, batch: Batch | MessagePayload, context: SendContext): Promise<SendResult> {
  const payloads: Batch = Array.isArray(batch) ? (batch as Batch) : [batch as MessagePayload];
  switch (settings.type) {
    case 'webhook': {
      const body = JSON.stringify(webhookBody(payloads, context.nowMs));
      return post(settings.url, body, signedHeaders(context.id, context.nowMs, body, [settings.secret, ...(settings.previousSecrets ?? [])]));
    }
    case 'slack': return post(settings.url, JSON.stringify(slackBody(payloads)));
    case 'teams': return post(settings.url, JSON.stringify(teamsBody(payloads)));
    case 'pagerduty': return sendPagerDuty(settings.url ?? PAGERDUTY_EVENTS_URL, payloads, settings.routingKey);
    case 'email': {
      if (!context.mail) return { ok: false, gone: false, error: 'PLANCIA_SMTP_URL is not set' };
      try {
        const { subject, text } = emailMessage(payloads);
        await context.mail.transport.sendMail({ from: context.mail.from, to: settings.to, subject, text, messageId: `<${context.id}@plancia>` });
        return { ok: true };
      } catch (error) {
        return { ok: false, gone: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
  }
}
