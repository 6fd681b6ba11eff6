import type { TSchema } from '@sinclair/typebox';
import type { CapRefusal, EntityKind } from '../ingest/entity-caps.js';
import { CALLER_MAX_LENGTH, EARLIEST_EVENT_TIME, EVENT_TYPES, EventData, EventEnvelope, INGEST_LIMITS, MAX_EVENT_DEPTH, MAX_FUTURE_SKEW_MS } from '@plancia/contracts';

const MEANING: Record<string, string> = {
  'contact.queued': 'a contact enters a queue',
  'contact.answered': 'an agent accepts it: it leaves the queue',
  'contact.abandoned': 'the customer leaves while queued',
  'contact.transferred': 'it leaves its queue and enters `toQueueId`',
  'contact.ended': 'conversation over; wrap-up starts',
  'contact.completed': 'wrap-up over (if never sent, handle time ends at `contact.ended`)',
  'agent.state': 'an agent changes state',
  'ticket.created': 'an asynchronous work item is opened',
  'ticket.replied': 'an agent replied publicly (the first reply is the first response)',
  'ticket.solved': 'the ticket is solved',
  'ticket.reopened': 'a solved ticket is reopened',
  'survey.completed': 'a post-contact survey came back',
};

const ENVELOPE_NOTES: Record<string, string> = {
  specversion: 'CloudEvents version',
  id: 'unique per source; the idempotency key',
  source: 'the producing system, e.g. `urn:acd:rome-1`',
  type: 'what happened (one section each below)',
  time: 'when it happened, RFC 3339 with an offset',
  datacontenttype: 'optional, `application/json` when given',
  subject: 'optional, free text',
  data: 'the fields of the type, below',
};

/** The 422 codes of a batch past a queue or agent limit (a test checks them against EntityCaps' refusals). */
export const LIMIT_ERRORS = { queue: 'queue_limit_reached', agent: 'agent_limit_reached' } as const satisfies Record<EntityKind, CapRefusal['error']>;

const EXAMPLE = {
  specversion: '1.0', id: 'evt-0001', source: 'urn:acd:rome-1', type: 'contact.queued', time: '2026-03-02T10:00:00+01:00',
  data: { contactId: 'call-8812', queueId: 'sales', channel: 'voice' },
};

/** How a caller's number is kept out of the journal, the board and the API. */
const CALLER_SECTION = [
  '## Caller identifiers',
  '',
  `Contact events may carry \`data.caller\`: an E.164 number (\`+12025550123\`) or an opaque id, up to ${CALLER_MAX_LENGTH} printable`,
  'ASCII characters without spaces. It is never stored or shown in clear: before the journal or the engine see the event,',
  'it is replaced by a keyed pseudonym `cp1:<key id>:<base64url HMAC-SHA256>`. The key is per tenant, derived from a',
  'master key (`PLANCIA_CALLER_KEYS`, or one generated at first start and kept in the database), because a plain hash',
  'of a phone number is reversed by trying every number (EDPB guidelines 01/2025 on pseudonymisation). The same caller',
  'keeps the same pseudonym while the key is current; after a rotation new pseudonyms name the new key, and the keys',
  'listed after it are still recognised. A `caller` on another type of event is pseudonymised too (dropped when it is',
  'not text).',
  '',
  'With `PLANCIA_CALLBACK_KEY` set, the number of a `contact.queued` or `contact.abandoned` is also kept for a callback,',
  'encrypted (AES-256-GCM), per `source` and `contactId`, until `PLANCIA_CALLBACK_RETENTION_HOURS` after the event;',
  'a supervisor reads it with `GET /api/v1/contacts/{contactId}/caller?source=…` and each reading is written to the',
  'audit log (`caller.reveal`). Without that key no number is kept, only the pseudonym.',
  '',
];

/** A one-line description of a field's schema: its type and constraints. */
export function describeSchema(schema: TSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (Array.isArray(schema.anyOf)) return `one of ${(schema.anyOf as TSchema[]).map(describeSchema).join(', ')}`;
  if (schema.type === 'array') return `array of ${describeSchema(schema.items as TSchema)}${range(schema.minItems, schema.maxItems, ' items')}`;
  const limits = [
    schema.format ? `${schema.format}` : '',
    range(schema.minLength, schema.maxLength, ' chars'),
    range(schema.minimum, schema.maximum, ''),
  ].filter((part) => part !== '');
  return [String(schema.type), ...limits].join(', ');
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

function range(min: unknown, max: unknown, unit: string): string {
  if (min === undefined && max === undefined) return '';
  if (min !== undefined && max !== undefined) return `${String(min)}–${String(max)}${unit}`;
  return min !== undefined ? `≥ ${String(min)}${unit}` : `≤ ${String(max)}${unit}`;
}

function fieldTable(schema: TSchema): string[] {
  const properties = schema.properties as Record<string, TSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return [
    '| field | required | type | description |',
    '|---|---|---|---|',
    ...Object.entries(properties).map(([name, field]) =>
      `| \`${name}\` | ${required.has(name) ? 'yes' : 'no'} | ${describeSchema(field)} | ${(field.description as string | undefined) ?? ''} |`),
  ];
}

/** docs/events.md, generated from the contract schemas so that the document cannot drift from the validator. */
export function renderEventsDoc(): string {
  const properties = Object.fromEntries(
    Object.entries(EventEnvelope.properties).map(([name, field]) => [name, { ...field, description: ENVELOPE_NOTES[name] }]),
  );
  const envelope = { ...EventEnvelope, properties };
  return [
    '# The event contract',
    '',
    '<!-- Generated from packages/contracts by `pnpm --filter @plancia/server docs:events`; a test fails when it drifts. -->',
    '',
    'Plancia receives [CloudEvents 1.0](https://github.com/cloudevents/spec) in structured JSON mode. Every source of',
    'traffic (telephony and ticketing adapters, producers posting over HTTP or WebSocket, signed webhooks, the',
    'simulator) sends these events, and every one takes the same path: validation, the durable journal, the engine.',
    '',
    '```json',
    JSON.stringify(EXAMPLE, null, 2),
    '```',
    '',
    '## Envelope',
    '',
    ...fieldTable(envelope as unknown as TSchema),
    '',
    `\`id\` is unique per \`source\`: an event whose (\`source\`, \`id\`) was already accepted is counted as a duplicate and`,
    'not applied again, also across restarts. `time` needs an explicit offset; events dated more than',
    `${MAX_FUTURE_SKEW_MS / 60_000} minutes ahead of the server clock, before ${EARLIEST_EVENT_TIME}, or on a date that does not exist`,
    '(`2026-02-30`) are rejected. Events may arrive in any order. Unknown extra fields in `data` are kept; unknown',
    `\`type\`s are rejected, and so are events nested deeper than ${MAX_EVENT_DEPTH} levels or carrying a NUL character or an`,
    'unpaired surrogate in a key or a string.',
    '',
    '## Types',
    '',
    ...EVENT_TYPES.flatMap((type) => [
      `### \`${type}\``,
      '',
      `${sentence(MEANING[type] ?? type)}`,
      '',
      ...fieldTable(EventData[type] as TSchema),
      '',
    ]),
    ...CALLER_SECTION,
    '## Sending events',
    '',
    '| transport | payload |',
    '|---|---|',
    '| `POST /api/v1/events` | `application/cloudevents+json` (one event), `application/json` (one or an array), `application/cloudevents-batch+json` (an array), `application/x-ndjson` |',
    '| `GET /api/v1/ingest` (WebSocket) | each text frame: one event, an array or NDJSON; answered `{"ack": seq, "accepted": n, "duplicates": d}` or `{"nack": seq, "error": …, "details": […]}` |',
    '| `POST /api/v1/webhooks/events` | the same payloads, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`) |',
    '',
    `A request carries at most ${INGEST_LIMITS.maxEvents.toLocaleString('en')} events and ${INGEST_LIMITS.maxBytes / 1024 / 1024} MiB.`,
    'Producers authenticate with `Authorization: Bearer <token>` (or `?token=` on the WebSocket).',
    '',
    '| answer | when |',
    '|---|---|',
    '| `202 {"accepted": n, "duplicates": d}` | after the events are durably committed to the journal |',
    '| `400 {"error": "invalid_events", "details": [{"index", "path", "message"}]}` | any event is invalid: none of the batch is accepted |',
    '| `400 {"error": "malformed_json"}` | the body is not JSON (for NDJSON the message names the line) |',
    '| `400 {"error": "invalid_utf8"}` | the body is not valid UTF-8 (on the WebSocket: the connection is closed with 1007) |',
    '| `401` | missing or wrong token, or a webhook signature that does not verify |',
    '| `403` | no ingest tokens are configured and the client is not on loopback |',
    '| `413` | more events or bytes than the limits above |',
    '| `415` | any other content type, or a `charset` other than UTF-8 (`unsupported_charset`) |',
    `| \`422 {"error": "${LIMIT_ERRORS.queue}" or "${LIMIT_ERRORS.agent}", "details": [{"index", "path", "message"}]}\` | the batch names a new queue or agent beyond \`PLANCIA_MAX_QUEUES\` or \`PLANCIA_MAX_AGENTS\`: none of the batch is accepted (on the WebSocket, a \`nack\` with the same error) |`,
    '| `503` with `Retry-After` | the database is unreachable, or more than `PLANCIA_MAX_CONCURRENT_BODIES` bodies are being read at once (`busy`); retry later |',
    '',
  ].join('\n');
}
