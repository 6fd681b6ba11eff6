import { describe, expect, it } from 'vitest';
import { judgeVarz } from './durability.js';

describe('the JetStream durability check', () => {
  it('takes a server that fsyncs every write as durable', () => {
    expect(judgeVarz({ version: '2.11.4', jetstream: { config: { sync_always: true } } })).toEqual({ durable: true });
  });

  it('refuses the default sync_interval, naming the version and the setting', () => {
    const verdict = judgeVarz({ version: '2.9.10', jetstream: { config: {} } });
    expect(verdict).toMatchObject({ durable: false });
    expect(verdict.durable ? '' : verdict.reason).toMatch(/2\.9\.10.*sync_interval is its default \(2 minutes\), not "always"/);
  });

  it('refuses a configured interval, in seconds', () => {
    const verdict = judgeVarz({ version: '2.12.1', jetstream: { config: { sync_interval: 10_000_000_000 } } });
    expect(verdict.durable ? '' : verdict.reason).toMatch(/sync_interval is 10 s/);
  });

  it('refuses a server that says nothing of JetStream', () => {
    expect(judgeVarz({}).durable).toBe(false);
  });
});
