import type { TSchema } from '@sinclair/typebox';
import { EARLIEST_EVENT_TIME, INGEST_LIMITS, MAX_EVENT_DEPTH, MAX_FUTURE_SKEW_MS, PASSWORD_LIMITS } from '@plancia/contracts';
import { EnvSchema, MIN_TOKEN_LENGTH } from '../config.js';
import { PREVIEW_CONCURRENCY, PREVIEW_SPAN_MS, PREVIEW_STEP_MS } from '../config-api/rule-preview.js';
import { RETRY_AFTER_SECONDS } from '../http-errors.js';
import { FAILED_LOGIN_DELAY_MS } from '../routes/session.js';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../session/sessions.js';
import { cell, defaultOf, valuesOf } from './env-doc.js';
import { replaceBetween } from './markers.js';

/** The docs/operations.md section between these markers is generated from EnvSchema and the constants below. */
export const LIMITS_START = '<!-- limits:start — generated from apps/server/src/config.ts and the code\'s constants by `npx tsx apps/server/src/docs/write-operations-doc.ts`; a test fails when it drifts -->';
export const LIMITS_END = '<!-- limits:end -->';

type Variable = keyof typeof EnvSchema.properties;

/** The variables that bound how long, how much or how many: what an operator tunes when the server is under strain. */
export const LIMIT_VARIABLES = [
  'PLANCIA_REQUEST_TIMEOUT_MS',
  'PLANCIA_MAX_CONCURRENT_BODIES',
  'PLANCIA_DB_STATEMENT_TIMEOUT_MS',
  'PLANCIA_DB_LOCK_TIMEOUT_MS',
  'PLANCIA_DB_PROBE_TIMEOUT_MS',
  'PLANCIA_MAX_QUEUES',
  'PLANCIA_MAX_AGENTS',
  'PLANCIA_RETENTION_DAYS',
  'PLANCIA_PUSH_INTERVAL_MS',
  'PLANCIA_LOGIN_RATE_LIMIT',
  'PLANCIA_INGEST_RATE_LIMIT',
] as const satisfies readonly Variable[];

/** A variable whose name says it bounds something must be in the table (the test holds every new one to it). */
export const looksLikeLimit = (name: string) => /(^PLANCIA_MAX_|_TIMEOUT_MS$|_RATE_LIMIT$)/.test(name);

const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

/** Limits the code fixes, each read from the constant the code itself uses. */
function fixedLimits(): [string, string][] {
  return [
    ['events per ingest request or WebSocket frame', `${INGEST_LIMITS.maxEvents.toLocaleString('en')}; more: \`413 too_many_events\``],
    ['bytes per ingest or webhook request, or frame', `${mib(INGEST_LIMITS.maxBytes)}; a larger declared \`Content-Length\`: \`413 payload_too_large\` before the body is read`],
    ['nesting of one event', `${MAX_EVENT_DEPTH} levels; deeper: \`400 invalid_events\` naming the field`],
    ['event time', `at most ${MAX_FUTURE_SKEW_MS / 60_000} minutes ahead of the server clock, not before ${EARLIEST_EVENT_TIME}, a date that exists; otherwise \`400 invalid_events\` at \`/time\``],
    ['bearer tokens', `at least ${MIN_TOKEN_LENGTH} characters each; a shorter one in \`PLANCIA_INGEST_TOKENS\`, \`PLANCIA_VIEW_TOKENS\` or \`PLANCIA_ADMIN_TOKENS\` stops the start`],
    ['alert-rule previews at once', `${PREVIEW_CONCURRENCY}; more: \`503 busy\` with \`Retry-After\``],
    ['one alert-rule preview', `the last ${PREVIEW_SPAN_MS / 60_000} minutes, a tick every ${PREVIEW_STEP_MS / 1000} s, over the journal of the engine's longest window`],
    ['`Retry-After` of a database failure', `${RETRY_AFTER_SECONDS} s`],
    ['a session', `ends after ${SESSION_IDLE_MS / 3_600_000} h without a request and ${SESSION_ABSOLUTE_MS / 3_600_000} h after login at the latest`],
    ['a refused login', `answered after ${FAILED_LOGIN_DELAY_MS / 1000} s, counted in \`plancia_login_failures_total\``],
    ['passwords', `${PASSWORD_LIMITS.minLength} to ${PASSWORD_LIMITS.maxLength} characters, \`PLANCIA_ADMIN_PASSWORD\` included`],
  ];
}

/** Two tables: the limits an operator sets, with their defaults and ranges, and the ones fixed in the code. */
export function renderLimitsTables(): string {
  const properties = EnvSchema.properties as Record<Variable, TSchema>;
  return [
    '| variable | default | values | what it bounds |',
    '|---|---|---|---|',
    ...LIMIT_VARIABLES.map((name) => {
      const schema = properties[name];
      return `| \`${name}\` | ${defaultOf(schema)} | ${valuesOf(schema)} | ${cell(String(schema.description ?? ''))} |`;
    }),
    '',
    '| fixed limit | value |',
    '|---|---|',
    ...fixedLimits().map(([what, value]) => `| ${what} | ${cell(value)} |`),
  ].join('\n');
}

/** `text` with the generated tables put between the markers; throws when the markers are missing. */
export function withLimitsTables(text: string): string {
  return replaceBetween(text, LIMITS_START, LIMITS_END, renderLimitsTables());
}
