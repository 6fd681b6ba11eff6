import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const key = () => randomBytes(32).toString('base64');

describe('caller variables', () => {
  it('reads the pseudonym keys (current first), the callback key and its retention', () => {
    const [k2, k1, callback] = [key(), key(), key()];
    const config = loadConfig({ PLANCIA_CALLER_KEYS: `k2:${k2}, k1:${k1}`, PLANCIA_CALLBACK_KEY: callback, PLANCIA_CALLBACK_RETENTION_HOURS: '24' });
    expect(config.callers.keys.map((k) => [k.id, k.secret.toString('base64')])).toEqual([['k2', k2], ['k1', k1]]);
    expect(config.callers.callbackKey?.toString('base64')).toBe(callback);
    expect(config.callers.callbackRetentionHours).toBe(24);
  });

  it('defaults to a stored key, no callback numbers and 72 hours', () => {
    const { callers } = loadConfig({});
    expect(callers).toEqual({ keys: [], callbackRetentionHours: 72, closedCallbackRetentionDays: 30 });
  });

  it('refuses a key that is not 32 bytes without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    for (const env of [{ PLANCIA_CALLER_KEYS: `k1:${short}` }, { PLANCIA_CALLBACK_KEY: short }, { PLANCIA_CALLER_KEYS: key() }]) {
      const attempt = () => loadConfig(env);
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(/\(hidden\)/);
      try {
        attempt();
      } catch (error) {
        expect((error as Error).message).not.toContain(Object.values(env)[0]!.slice(0, 20));
      }
    }
  });
});
