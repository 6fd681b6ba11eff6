import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PASSWORD_LIMITS, type AgentDetail } from '@plancia/contracts';
import { ADAPTER_ENV, adapterConfig, type AdapterConfig } from './vendors/adapter-env.js';
import { ACTION_ENV, ACTION_SECRET_VARIABLES, actionConfig, type ActionConfig } from './agent-actions/action-env.js';
import { CALLER_ENV, CALLER_SECRET_VARIABLES, callerConfig, type CallerConfig } from './callers/caller-env.js';
import { PRIVACY_ENV, privacyConfig } from './privacy/privacy-env.js';
import { NOTIFY_ENV, NOTIFY_SECRET_VARIABLES, notifyConfig, notifyProblems, type NotifyConfig } from './notifications/notify-env.js';
import { CLUSTER_ENV, clusterConfig, clusterProblems, type ClusterConfig } from './cluster/cluster-env.js';
import { OIDC_ENV, OIDC_SECRET_VARIABLES, oidcConfig, oidcProblems, type OidcConfig } from './session/oidc/oidc-env.js';

const List = (description: string) => Type.String({ default: '', description: `comma-separated ${description}` });
const Flag = (fallback: '0' | '1', description: string) =>
  Type.Union(['0', '1', 'false', 'true'].map((v) => Type.Literal(v)), { default: fallback, description });

/** The environment Plancia reads, validated once at boot; a bad value stops the start naming the variable. */
export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 8080, description: 'HTTP port of the API, the sockets and the wallboard' }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0', description: 'address to listen on' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL connection URL; unset: the embedded PGlite database' })),
  PLANCIA_DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'directory of the embedded PGlite database (relative to the working directory)' }),
  PLANCIA_DEMO: Flag('1', 'runs the simulator against this server as demo traffic; 0 turns it off'),
  PLANCIA_INGEST_TOKENS: List('bearer tokens of event producers (none: ingest only from loopback)'),
  PLANCIA_WEBHOOK_SECRETS: Type.String({
    default: '',
    pattern: '^((whsec_)?[A-Za-z0-9+/]+={0,2}(,(whsec_)?[A-Za-z0-9+/]+={0,2})*)?$',
    description: 'Standard Webhooks signing secrets (whsec_…), comma-separated, several for key rotation (none: the webhook route is off)',
  }),
  PLANCIA_VIEW_TOKENS: List('bearer tokens of wallboard viewers (administrator tokens view too; with neither, the board is open)'),
  PLANCIA_ADMIN_TOKENS: List('bearer tokens of administrators (none: configuration changes only from loopback)'),
  PLANCIA_ADMIN_PASSWORD: Type.Optional(Type.String({
    ...PASSWORD_LIMITS,
    description: `at start, creates the user admin (role admin, every queue and team) with this password, or resets its password and role; at least ${PASSWORD_LIMITS.minLength} characters`,
  })),
  PLANCIA_LOGIN_RATE_LIMIT: Type.Integer({ minimum: 1, maximum: 10_000, default: 10, description: 'login attempts (POST /api/v1/session) per client address and minute; more answer 429 with Retry-After' }),
  PLANCIA_INGEST_RATE_LIMIT: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 60_000, description: 'bearer-token ingest requests (POST /api/v1/events and GET /api/v1/ingest upgrades) per client address and minute; more answer 429 with Retry-After (0: no limit)' }),
  PLANCIA_FRAME_ANCESTORS: List("sources allowed to embed the board in a frame (Content-Security-Policy frame-ancestors), e.g. 'self',https://kiosk.example.com; empty: 'self'"),
  PLANCIA_CONFIG: Type.Optional(Type.String({ minLength: 1, description: 'path of a JSON configuration document imported at start' })),
  PLANCIA_ALLOWED_ORIGINS: List('browser origins allowed to open sockets, e.g. https://board.example.com'),
  PLANCIA_ALLOWED_HOSTS: List('further Host names this server answers to, beyond localhost, HOST and the hosts of PLANCIA_PUBLIC_URL and PLANCIA_ALLOWED_ORIGINS (a loopback client naming another host gets no loopback trust)'),
  PLANCIA_REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 1_000, maximum: 600_000, default: 30_000, description: 'a request whose headers and body have not all arrived within this many milliseconds is cut (sockets, once open, are not)' }),
  PLANCIA_MAX_CONCURRENT_BODIES: Type.Integer({ minimum: 1, maximum: 10_000, default: 64, description: 'ingest and webhook bodies read at once; beyond it a request answers 503 with Retry-After before its body is read' }),
  PLANCIA_DB_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 30_000, description: 'PostgreSQL statement_timeout of the server\'s connections: a longer statement fails and its request answers 503 (0: none)' }),
  PLANCIA_DB_LOCK_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 2_000, description: 'PostgreSQL lock_timeout: a write waiting this long for a lock another session holds answers 503 (0: none)' }),
  PLANCIA_DB_PROBE_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 2_000, description: '/readyz reports not ready when the database does not answer its probe query within this many milliseconds' }),
  PLANCIA_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 35, description: 'journal rows older than this many days are purged' }),
  PLANCIA_TICK_MS: Type.Integer({ minimum: 10, maximum: 10_000, default: 250, description: 'how often time-driven metrics and alerts are updated' }),
  PLANCIA_CHECKPOINT_INTERVAL_S: Type.Integer({ minimum: 0, maximum: 86_400, default: 0, description: 'off by default (its cost is not yet below a full replay, see docs/operations.md); how often the engine\'s state is written with the journal position it covers, so a start replays only the journal after it (also at a clean stop; 0: never, every start replays the journal); in cluster mode each node writes its replica\'s state with the stream sequence it covers and starts from its cluster\'s newest usable checkpoint and the stream after it' }),
  PLANCIA_PUSH_INTERVAL_MS: Type.Integer({ minimum: 10, maximum: 10_000, default: 100, description: 'at most one change message per board view in this many milliseconds' }),
  PLANCIA_MAX_QUEUES: Type.Integer({ minimum: 1, maximum: 100_000, default: 1_000, description: 'most distinct queues (configured and seen in events) the board tracks; events naming more are refused with 422' }),
  PLANCIA_MAX_AGENTS: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10_000, description: 'most distinct agents seen in events the board tracks; events naming more are refused with 422' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'log level of the JSON log on standard output' },
  ),
  ...PRIVACY_ENV,
  ...CALLER_ENV,
  ...OIDC_ENV,
  ...ADAPTER_ENV,
  ...ACTION_ENV,
  ...NOTIFY_ENV,
  ...CLUSTER_ENV,
});
type Env = Static<typeof EnvSchema>;

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demo: boolean;
  ingestTokens: string[];
  webhookSecrets: string[];
  viewTokens: string[];
  adminTokens: string[];
  /** PLANCIA_ADMIN_PASSWORD: the password the user `admin` is given at start. */
  adminPassword?: string;
  /** Per client address and minute: login attempts, and bearer-token ingest requests (0: unlimited). */
  rateLimits: { loginPerMinute: number; ingestPerMinute: number };
  /** PLANCIA_FRAME_ANCESTORS: CSP frame-ancestors sources. */
  frameAncestors: string[];
  /** PLANCIA_CONFIG: a configuration document imported at start. */
  configFile?: string;
  allowedOrigins: string[];
  /** PLANCIA_ALLOWED_HOSTS: Host names trusted beyond the listening and configured ones. */
  allowedHosts: string[];
  /** PLANCIA_REQUEST_TIMEOUT_MS: the whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** PLANCIA_MAX_CONCURRENT_BODIES: ingest bodies being read at once. */
  maxConcurrentBodies: number;
  /** PostgreSQL statement_timeout and lock_timeout (0: none); /readyz probe bound. */
  database: { statementTimeoutMs: number; lockTimeoutMs: number; probeTimeoutMs: number };
  retentionDays: number;
  tickMs: number;
  /** PLANCIA_CHECKPOINT_INTERVAL_S in ms (0: no checkpoints). */
  checkpointIntervalMs: number;
  pushIntervalMs: number;
  /** PLANCIA_MAX_QUEUES and PLANCIA_MAX_AGENTS: how many distinct queues and agents the live state may hold. */
  entityLimits: { queues: number; agents: number };
  logLevel: string;
  /** PLANCIA_AGENT_DETAIL: the default tenant's agent detail at start (docs/privacy.md); unset: as stored. */
  agentDetail?: AgentDetail;
  /** PLANCIA_AGENT_AGREEMENT: the agreement or authorisation that allows `named`. */
  agentAgreement?: string;
  /** Caller pseudonym keys and the callback numbers' key and retention (see callers/caller-env.ts). */
  callers: CallerConfig;
  /** Sign-in through an OpenID Connect provider (see session/oidc/oidc-env.ts); unset: local users only. */
  oidc?: OidcConfig;
  /** Vendor adapters: PBX links and webhook credentials (see adapters/adapter-env.ts). */
  adapters: AdapterConfig;
  /** Supervisor actions through the ACDs' APIs (see agent-actions/action-env.ts). */
  actions: ActionConfig;
  /** Notifications: SMTP and the delivery worker's pace (see notifications/notify-env.ts). */
  notify: NotifyConfig;
  /** Cluster mode on NATS JetStream (see cluster/cluster-env.ts); unset: one process. */
  cluster?: ClusterConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

const SECRET_VARIABLES = new Set<string>(['PLANCIA_ADMIN_PASSWORD', ...CALLER_SECRET_VARIABLES, ...OIDC_SECRET_VARIABLES, ...NOTIFY_SECRET_VARIABLES, ...ACTION_SECRET_VARIABLES]);

/** A guessable token is no credential: each must be at least this long. */
export const MIN_TOKEN_LENGTH = 16;
const TOKEN_VARIABLES = ['PLANCIA_INGEST_TOKENS', 'PLANCIA_VIEW_TOKENS', 'PLANCIA_ADMIN_TOKENS'] as const;

function assertTokensLongEnough(valid: Env) {
  const short = TOKEN_VARIABLES.filter((name) => list(valid[name]).some((token) => token.length < MIN_TOKEN_LENGTH));
  if (short.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${short.map((name) => `${name}: every token must have at least ${MIN_TOKEN_LENGTH} characters`).join('\n  ')}`);
  }
}

/** Reads the variables Plancia knows from `env`, converting numbers and applying defaults. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const known = Object.fromEntries(
    Object.keys(EnvSchema.properties).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  );
  const candidate = Value.Convert(EnvSchema, Value.Default(EnvSchema, known));
  const errors = [...Value.Errors(EnvSchema, candidate)];
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const name = e.path.slice(1);
      // A secret is named, never echoed: the message reaches logs.
      const shown = SECRET_VARIABLES.has(name) ? '(hidden)' : JSON.stringify(env[name]);
      return `${name}=${shown}: ${e.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${[...new Set(lines)].join('\n  ')}`);
  }
  const valid = candidate as Env;
  assertTokensLongEnough(valid);
  const problems = [...oidcProblems(valid), ...notifyProblems(valid), ...clusterProblems(valid)];
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const oidc = oidcConfig(valid);
  const cluster = clusterConfig(valid);
  const demo = valid.PLANCIA_DEMO === '1' || valid.PLANCIA_DEMO === 'true';
  const privacy = privacyConfig(valid, demo);
  if ('problem' in privacy) throw new ConfigError(`Invalid configuration:\n  ${privacy.problem}`);
  return {
    port: valid.PORT,
    host: valid.HOST,
    ...(valid.DATABASE_URL ? { databaseUrl: valid.DATABASE_URL } : {}),
    dataDir: valid.PLANCIA_DATA_DIR,
    demo,
    ingestTokens: list(valid.PLANCIA_INGEST_TOKENS),
    webhookSecrets: list(valid.PLANCIA_WEBHOOK_SECRETS),
    viewTokens: list(valid.PLANCIA_VIEW_TOKENS),
    adminTokens: list(valid.PLANCIA_ADMIN_TOKENS),
    ...(valid.PLANCIA_ADMIN_PASSWORD ? { adminPassword: valid.PLANCIA_ADMIN_PASSWORD } : {}),
    rateLimits: { loginPerMinute: valid.PLANCIA_LOGIN_RATE_LIMIT, ingestPerMinute: valid.PLANCIA_INGEST_RATE_LIMIT },
    frameAncestors: list(valid.PLANCIA_FRAME_ANCESTORS).length > 0 ? list(valid.PLANCIA_FRAME_ANCESTORS) : ["'self'"],
    ...(valid.PLANCIA_CONFIG ? { configFile: valid.PLANCIA_CONFIG } : {}),
    allowedOrigins: list(valid.PLANCIA_ALLOWED_ORIGINS),
    allowedHosts: list(valid.PLANCIA_ALLOWED_HOSTS),
    requestTimeoutMs: valid.PLANCIA_REQUEST_TIMEOUT_MS,
    maxConcurrentBodies: valid.PLANCIA_MAX_CONCURRENT_BODIES,
    database: {
      statementTimeoutMs: valid.PLANCIA_DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: valid.PLANCIA_DB_LOCK_TIMEOUT_MS,
      probeTimeoutMs: valid.PLANCIA_DB_PROBE_TIMEOUT_MS,
    },
    retentionDays: valid.PLANCIA_RETENTION_DAYS,
    tickMs: valid.PLANCIA_TICK_MS,
    checkpointIntervalMs: valid.PLANCIA_CHECKPOINT_INTERVAL_S * 1000,
    pushIntervalMs: valid.PLANCIA_PUSH_INTERVAL_MS,
    entityLimits: { queues: valid.PLANCIA_MAX_QUEUES, agents: valid.PLANCIA_MAX_AGENTS },
    logLevel: valid.LOG_LEVEL,
    ...privacy,
    callers: callerConfig(valid),
    ...(oidc ? { oidc } : {}),
    adapters: adapterConfig(valid),
    actions: actionConfig(valid),
    notify: notifyConfig(valid),
    ...(cluster ? { cluster } : {}),
  };
}
