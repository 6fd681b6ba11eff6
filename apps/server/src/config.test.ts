import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080, host: '0.0.0.0', dataDir: './data', demo: true, ingestTokens: [], webhookSecrets: [], viewTokens: [],
      adminTokens: [], allowedOrigins: [], retentionDays: 35, tickMs: 250, pushIntervalMs: 100, logLevel: 'info',
      adapters: { amiUrls: [], amiKeepAliveSeconds: 20, amiWrapUpSeconds: {}, freeswitchUrls: [], twilioActivities: {}, connectTokens: [], connectStatuses: {} },
    });
  });

  it('converts numbers, flags and comma lists, and ignores unrelated variables', () => {
    const config = loadConfig({
      PORT: '0', PLANCIA_DEMO: '0', PLANCIA_INGEST_TOKENS: ' a, b ,', PLANCIA_RETENTION_DAYS: '7', PLANCIA_PUSH_INTERVAL_MS: '250', HOME: '/root',
      DATABASE_URL: 'postgres://u@h:5432/db', PLANCIA_WEBHOOK_SECRETS: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    expect(config).toMatchObject({ port: 0, demo: false, ingestTokens: ['a', 'b'], retentionDays: 7, pushIntervalMs: 250, databaseUrl: 'postgres://u@h:5432/db' });
    expect(config.webhookSecrets).toHaveLength(1);
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ PLANCIA_TICK_MS: '1' })).toThrow(/PLANCIA_TICK_MS/);
    expect(() => loadConfig({ PLANCIA_PUSH_INTERVAL_MS: '20000' })).toThrow(/PLANCIA_PUSH_INTERVAL_MS="20000"/);
    expect(() => loadConfig({ PLANCIA_DEMO: 'maybe' })).toThrow(/PLANCIA_DEMO/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PLANCIA_WEBHOOK_SECRETS: 'whsec_not base64!' })).toThrow(/PLANCIA_WEBHOOK_SECRETS/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
