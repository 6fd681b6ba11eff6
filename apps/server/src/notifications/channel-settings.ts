import type { ChannelSettings, NotificationChannel } from '@plancia/contracts';
import type { ChannelRecord } from '@plancia/store';

/** A setting refused before anything is stored; the message names the field. */
export class NotificationRefusal extends Error {
  constructor(readonly status: 400 | 404 | 409, message: string) {
    super(message);
  }
}

function checkUrl(field: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new NotificationRefusal(400, `${field}: not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new NotificationRefusal(400, `${field}: must be an http or https URL`);
}

function checkSecret(field: string, value: string): void {
  if (!value.startsWith('whsec_')) throw new NotificationRefusal(400, `${field}: must start with whsec_ (Standard Webhooks secret)`);
  const key = value.slice('whsec_'.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key) || Buffer.from(key, 'base64').length < 24) {
    throw new NotificationRefusal(400, `${field}: whsec_ must be followed by base64 of at least 24 random bytes`);
  }
}

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;

/** What the schema cannot say: URLs that parse, secrets with their prefix, addresses, SMTP configured. */
export function checkChannel(settings: ChannelSettings, smtpConfigured: boolean): void {
  switch (settings.type) {
    case 'webhook':
      checkUrl('url', settings.url);
      checkSecret('secret', settings.secret);
      settings.previousSecrets?.forEach((secret, i) => checkSecret(`previousSecrets/${i}`, secret));
      return;
    case 'slack':
    case 'teams':
      checkUrl('url', settings.url);
      return;
    case 'pagerduty':
      if (settings.url !== undefined) checkUrl('url', settings.url);
      return;
    case 'email':
      settings.to.forEach((address, i) => {
        if (!EMAIL.test(address)) throw new NotificationRefusal(400, `to/${i}: not an email address`);
      });
      if (!smtpConfigured) throw new NotificationRefusal(400, 'type: email needs PLANCIA_SMTP_URL and PLANCIA_SMTP_FROM on the server');
  }
}

const mask = (secret: string) => `${secret.slice(0, 6)}…(hidden)`;

/** A channel as GETs show it: secrets, previous secrets and routing keys masked. */
export function shownChannel(record: ChannelRecord): NotificationChannel {
  const settings = { ...record.settings };
  if (typeof settings.secret === 'string') settings.secret = mask(settings.secret);
  if (Array.isArray(settings.previousSecrets)) settings.previousSecrets = (settings.previousSecrets as string[]).map(mask);
  if (typeof settings.routingKey === 'string') settings.routingKey = `${settings.routingKey.slice(0, 4)}…(hidden)`;
  return { id: record.id, type: record.type, settings, enabled: record.enabled, disabledReason: record.disabledReason };
}
