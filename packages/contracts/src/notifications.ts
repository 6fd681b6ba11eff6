import { Type, type Static } from '@sinclair/typebox';
import { Severity } from './config.js';

/**
 * Notification channels and the routing policy (issue 18). A channel is where a message goes; the policy says which
 * alert goes where and when. Settings are checked here for shape, and by the server for meaning (a URL that parses,
 * a `whsec_` secret) before anything is stored.
 */
export const ChannelId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' });
const Url = Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL' });
const Secret = Type.String({ minLength: 7, maxLength: 200, description: 'whsec_<base64>' });

export const WebhookChannel = Type.Object({
  type: Type.Literal('webhook'),
  url: Url,
  secret: Secret,
  previousSecrets: Type.Optional(Type.Array(Secret, { maxItems: 4, description: 'secrets still signed with during a rotation' })),
}, { additionalProperties: false });
export const SlackChannel = Type.Object({ type: Type.Literal('slack'), url: Url }, { additionalProperties: false });
export const TeamsChannel = Type.Object({ type: Type.Literal('teams'), url: Url }, { additionalProperties: false });
export const PagerDutyChannel = Type.Object({
  type: Type.Literal('pagerduty'),
  routingKey: Type.String({ minLength: 1, maxLength: 200, description: 'the integration (routing) key of a PagerDuty service' }),
  url: Type.Optional({ ...Url, description: 'Events API v2 endpoint (default https://events.pagerduty.com/v2/enqueue)' }),
}, { additionalProperties: false });
export const EmailChannel = Type.Object({
  type: Type.Literal('email'),
  to: Type.Array(Type.String({ minLength: 3, maxLength: 320 }), { minItems: 1, maxItems: 50, description: 'recipients (SMTP from PLANCIA_SMTP_URL)' }),
}, { additionalProperties: false });

export const ChannelSettings = Type.Union([WebhookChannel, SlackChannel, TeamsChannel, PagerDutyChannel, EmailChannel]);
export type ChannelSettings = Static<typeof ChannelSettings>;
export type ChannelType = ChannelSettings['type'];

/** A channel as GETs show it: secrets and keys masked. */
export const NotificationChannel = Type.Object({
  id: ChannelId,
  settings: Type.Record(Type.String(), Type.Unknown(), { description: 'as put, with secret, previousSecrets and routingKey masked' }),
  type: Type.String(),
  enabled: Type.Boolean(),
  disabledReason: Type.Union([Type.String(), Type.Null()], { description: 'why delivery stopped (a 410 Gone from the receiver); a PUT enables it again' }),
});
export type NotificationChannel = Static<typeof NotificationChannel>;
export const NotificationChannelList = Type.Object({ channels: Type.Array(NotificationChannel) });

export const RouteMatch = Type.Object({
  severity: Type.Optional(Severity),
  queueId: Type.Optional(Type.String({ minLength: 1 })),
  teamId: Type.Optional(Type.String({ minLength: 1 })),
  ruleId: Type.Optional(Type.String({ minLength: 1 })),
}, { additionalProperties: false });
export type RouteMatch = Static<typeof RouteMatch>;

const ChannelIds = Type.Array(ChannelId, { maxItems: 50 });
export const Escalation = Type.Object({
  afterMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 10_080 }),
  channels: ChannelIds,
}, { additionalProperties: false });
export type Escalation = Static<typeof Escalation>;

export const NotificationRoute = Type.Object({
  match: RouteMatch,
  channels: ChannelIds,
  continue: Type.Optional(Type.Boolean({ description: 'also try the routes after this one (default false: the first match takes the alert)' })),
  escalate: Type.Optional(Type.Array(Escalation, { maxItems: 10, description: 'still unacknowledged after afterMinutes: notify these channels too' })),
}, { additionalProperties: false });
export type NotificationRoute = Static<typeof NotificationRoute>;

export const NotificationLanguage = Type.Union([Type.Literal('it'), Type.Literal('en')]);
export type NotificationLanguage = Static<typeof NotificationLanguage>;

export const NotificationPolicy = Type.Object({
  channels: Type.Array(ChannelId, { maxItems: 50, description: 'the root: channels of alerts that no route took' }),
  groupWaitSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600, description: 'the first message of a new group (a route, on one channel) waits this long to collect others (default 0)' })),
  groupIntervalSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400, description: 'after a group\'s message, its next changes are collected this long into one message (default 0)' })),
  repeatIntervalMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080, description: 'an open, unacknowledged alert is notified again this often (default 240; 0: never)' })),
  routes: Type.Optional(Type.Array(NotificationRoute, { maxItems: 100 })),
  quietHours: Type.Optional(Type.Object({
    calendarId: Type.String({ minLength: 1, description: 'a business calendar: outside its opening hours it is quiet' }),
    channels: Type.Optional({ ...ChannelIds, description: 'channels that still get warnings during quiet hours (an on-call phone)' }),
  }, { additionalProperties: false })),
  language: Type.Optional({ ...NotificationLanguage, description: "the messages' language (default it)" }),
}, { additionalProperties: false });
export type NotificationPolicy = Static<typeof NotificationPolicy>;

export const DeliveryState = Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('dead'), Type.Literal('skipped')]);
export type DeliveryState = Static<typeof DeliveryState>;

export const NotificationDelivery = Type.Object({
  id: Type.String({ description: "the delivery's id: the webhook-id of a message of one alert" }),
  batchId: Type.Optional(Type.String({ description: 'the message it went in, and its webhook-id on every try: the id of its first delivery when grouped with others' })),
  channelId: Type.String(),
  alertId: Type.String(),
  kind: Type.String({ description: 'raised | acknowledged | resolved | repeat | escalation | test' }),
  state: DeliveryState,
  attempts: Type.Integer(),
  dueAt: Type.String({ format: 'date-time' }),
  nextAttemptAt: Type.String({ format: 'date-time' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type NotificationDelivery = Static<typeof NotificationDelivery>;
export const NotificationDeliveryList = Type.Object({ deliveries: Type.Array(NotificationDelivery) });

export type WebhookAlert = Record<string, unknown> & { id: string; ruleId: string; severity: string; state: string; url: string; queueId?: string };

/** The body of a generic webhook (Standard Webhooks signed). */
export interface AlertWebhookBody {
  type: 'alert.raised' | 'alert.acknowledged' | 'alert.resolved';
  timestamp: string;
  data: {
    /** The message's (first) alert. */
    alert: WebhookAlert;
    /** Every alert of the message: more than one when the policy groups (groupWaitSeconds, groupIntervalSeconds). */
    alerts?: WebhookAlert[];
  };
}
