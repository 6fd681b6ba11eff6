import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080, host: '0.0.0.0', dataDir: './data', demo: true, ingestTokens: [], webhookSecrets: [], viewTokens: [],
      adminTokens: [], allowedOrigins: [], allowedHosts: [], rateLimits: { loginPerMinute: 10, ingestPerMinute: 60_000 }, frameAncestors: ["'self'"], requestTimeoutMs: 30_000, maxConcurrentBodies: 64, retentionDays: 35, tickMs: 250, checkpointIntervalMs: 0, pushIntervalMs: 100, logLevel: 'info',
      agentDetail: 'named', agentAgreement: 'Demo: invented agents',
      database: { statementTimeoutMs: 30_000, lockTimeoutMs: 2_000, probeTimeoutMs: 2_000 }, entityLimits: { queues: 1_000, agents: 10_000 },
      callers: { keys: [], callbackRetentionHours: 72, closedCallbackRetentionDays: 30 },
      actions: {},
      adapters: { amiUrls: [], amiKeepAliveSeconds: 20, amiWrapUpSeconds: {}, freeswitchUrls: [], twilioActivities: {}, connectTokens: [], connectStatuses: {} },
      notify: { retryBaseMs: 1000, giveUpMs: 86_400_000, pollMs: 500 },
    });
  });

  it('converts numbers, flags and comma lists, and ignores unrelated variables', () => {
    const config = loadConfig({
      PORT: '0', PLANCIA_DEMO: '0', PLANCIA_INGEST_TOKENS: ' producer-a-0123456789, producer-b-0123456789 ,', PLANCIA_RETENTION_DAYS: '7', PLANCIA_PUSH_INTERVAL_MS: '250', HOME: '/root',
      DATABASE_URL: 'postgres://u@h:5432/db', PLANCIA_WEBHOOK_SECRETS: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    expect(config).toMatchObject({ port: 0, demo: false, ingestTokens: ['producer-a-0123456789', 'producer-b-0123456789'], retentionDays: 7, pushIntervalMs: 250, databaseUrl: 'postgres://u@h:5432/db' });
    expect(config.webhookSecrets).toHaveLength(1);
  });

  it('takes SMTP for email notifications only with both its variables', () => {
    expect(loadConfig({ PLANCIA_SMTP_URL: 'smtp://mail.example.com:25', PLANCIA_SMTP_FROM: 'plancia@example.com' }).notify.smtp)
      .toEqual({ url: 'smtp://mail.example.com:25', from: 'plancia@example.com' });
    expect(() => loadConfig({ PLANCIA_SMTP_URL: 'smtp://mail.example.com:25' })).toThrow(/PLANCIA_SMTP_URL and PLANCIA_SMTP_FROM: set both/);
    expect(() => loadConfig({ PLANCIA_SMTP_URL: 'http://mail', PLANCIA_SMTP_FROM: 'a@b.c' })).toThrow(/PLANCIA_SMTP_URL=\(hidden\)/);
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ PLANCIA_TICK_MS: '1' })).toThrow(/PLANCIA_TICK_MS/);
    expect(() => loadConfig({ PLANCIA_PUSH_INTERVAL_MS: '20000' })).toThrow(/PLANCIA_PUSH_INTERVAL_MS="20000"/);
    expect(() => loadConfig({ PLANCIA_DEMO: 'maybe' })).toThrow(/PLANCIA_DEMO/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PLANCIA_WEBHOOK_SECRETS: 'whsec_not base64!' })).toThrow(/PLANCIA_WEBHOOK_SECRETS/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ PLANCIA_ADMIN_TOKENS: 'long-enough-0123456789,short' })).toThrow(/PLANCIA_ADMIN_TOKENS: every token must have at least 16 characters/);
    expect(() => loadConfig({ PLANCIA_VIEW_TOKENS: 'viewer' })).toThrow(/PLANCIA_VIEW_TOKENS/);
  });

  it('takes the admin password and frame ancestors, and never repeats a refused password', () => {
    expect(loadConfig({ PLANCIA_ADMIN_PASSWORD: 'long enough secret', PLANCIA_FRAME_ANCESTORS: "'self', https://kiosk.example" }))
      .toMatchObject({ adminPassword: 'long enough secret', frameAncestors: ["'self'", 'https://kiosk.example'] });
    expect(() => loadConfig({ PLANCIA_ADMIN_PASSWORD: 'short-pw' })).toThrow(/PLANCIA_ADMIN_PASSWORD=\(hidden\)/);
    expect(() => loadConfig({ PLANCIA_ADMIN_PASSWORD: 'short-pw' })).not.toThrow(/short-pw/);
  });
});
