import type { ChannelSettings, ChannelType, NotificationChannel } from '@plancia/contracts';

export const CHANNEL_TYPES: readonly ChannelType[] = ['webhook', 'slack', 'teams', 'pagerduty', 'email'];

/** A channel as its form holds it: every field a string, whatever the type. */
export interface ChannelDraft {
  id: string;
  type: ChannelType;
  url: string;
  secret: string;
  routingKey: string;
  /** Email recipients as typed: one per line or comma-separated. */
  to: string;
}

export const emptyDraft = (): ChannelDraft => ({ id: '', type: 'webhook', url: '', secret: '', routingKey: '', to: '' });

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The form for a stored channel: what a GET shows, without the masked secret or key (never sent back as they are). */
export function draftOf(channel: NotificationChannel): ChannelDraft {
  const { settings } = channel;
  return {
    id: channel.id, type: channel.type as ChannelType, url: text(settings.url), secret: '', routingKey: '',
    to: Array.isArray(settings.to) ? settings.to.join('\n') : '',
  };
}

/** The settings a PUT carries for the draft's type; fields of other types are left out. */
export function settingsOf(draft: ChannelDraft): ChannelSettings {
  const url = draft.url.trim();
  switch (draft.type) {
    case 'webhook':
      return { type: 'webhook', url, secret: draft.secret.trim() };
    case 'slack':
    case 'teams':
      return { type: draft.type, url };
    case 'pagerduty':
      return { type: 'pagerduty', routingKey: draft.routingKey.trim(), ...(url ? { url } : {}) };
    case 'email':
      return { type: 'email', to: draft.to.split(/[\n,;]/).map((a) => a.trim()).filter((a) => a !== '') };
  }
}

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes from the browser's cryptographic source. */
export function generateSecret(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}
