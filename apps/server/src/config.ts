import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ADAPTER_ENV, adapterConfig, type AdapterConfig } from './adapters/adapter-env.js';

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
  PLANCIA_CONFIG: Type.Optional(Type.String({ minLength: 1, description: 'path of a JSON configuration document imported at start' })),
  PLANCIA_ALLOWED_ORIGINS: List('browser origins allowed to open sockets, e.g. https://board.example.com'),
  PLANCIA_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 35, description: 'journal rows older than this many days are purged' }),
  PLANCIA_TICK_MS: Type.Integer({ minimum: 10, maximum: 10_000, default: 250, description: 'how often time-driven metrics and alerts are updated' }),
  PLANCIA_PUSH_INTERVAL_MS: Type.Integer({ minimum: 10, maximum: 10_000, default: 100, description: 'at most one change message per board view in this many milliseconds' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'log level of the JSON log on standard output' },
  ),
  ...ADAPTER_ENV,
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
  /** PLANCIA_CONFIG: a configuration document imported at start. */
  configFile?: string;
  allowedOrigins: string[];
  retentionDays: number;
  tickMs: number;
  pushIntervalMs: number;
  logLevel: string;
  /** Vendor adapters: PBX links and webhook credentials (see adapters/adapter-env.ts). */
  adapters: AdapterConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

/** Reads the variables Plancia knows from `env`, converting numbers and applying defaults. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const known = Object.fromEntries(
    Object.keys(EnvSchema.properties).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  );
  const candidate = Value.Convert(EnvSchema, Value.Default(EnvSchema, known));
  const errors = [...Value.Errors(EnvSchema, candidate)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.path.slice(1)}=${JSON.stringify(env[e.path.slice(1)])}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${[...new Set(lines)].join('\n  ')}`);
  }
  const valid = candidate as Env;
  return {
    port: valid.PORT,
    host: valid.HOST,
    ...(valid.DATABASE_URL ? { databaseUrl: valid.DATABASE_URL } : {}),
    dataDir: valid.PLANCIA_DATA_DIR,
    demo: valid.PLANCIA_DEMO === '1' || valid.PLANCIA_DEMO === 'true',
    ingestTokens: list(valid.PLANCIA_INGEST_TOKENS),
    webhookSecrets: list(valid.PLANCIA_WEBHOOK_SECRETS),
    viewTokens: list(valid.PLANCIA_VIEW_TOKENS),
    adminTokens: list(valid.PLANCIA_ADMIN_TOKENS),
    ...(valid.PLANCIA_CONFIG ? { configFile: valid.PLANCIA_CONFIG } : {}),
    allowedOrigins: list(valid.PLANCIA_ALLOWED_ORIGINS),
    retentionDays: valid.PLANCIA_RETENTION_DAYS,
    tickMs: valid.PLANCIA_TICK_MS,
    pushIntervalMs: valid.PLANCIA_PUSH_INTERVAL_MS,
    logLevel: valid.LOG_LEVEL,
    adapters: adapterConfig(valid),
  };
}
