import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

const DATABASE_URL = 'postgres://plancia@db.example.com/plancia';

describe('cluster settings', () => {
  it('leaves cluster mode off unless PLANCIA_NATS_URL is set', () => {
    expect(loadConfig({ DATABASE_URL }).cluster).toBeUndefined();
  });

  it('names the stream, the node and the monitoring endpoint from the settings', () => {
    const { cluster } = loadConfig({ DATABASE_URL, PORT: '8081', PLANCIA_NATS_URL: 'nats://10.0.0.5:4222,nats://10.0.0.6:4222', PLANCIA_CLUSTER: 'north', PLANCIA_NODE_ID: 'board-1' });
    expect(cluster).toMatchObject({
      servers: ['nats://10.0.0.5:4222', 'nats://10.0.0.6:4222'], name: 'north', nodeId: 'board-1', monitorUrl: 'http://10.0.0.5:8222',
      allowUnsynced: false, replicas: 1, duplicateWindowMs: 120_000, leaseMs: 5_000,
    });
  });

  it('refuses cluster mode without PostgreSQL', () => {
    expect(() => loadConfig({ PLANCIA_NATS_URL: 'nats://127.0.0.1:4222' })).toThrow(/PLANCIA_NATS_URL: cluster mode needs DATABASE_URL/);
  });

  it('refuses a cluster name that would not make a stream name', () => {
    expect(() => loadConfig({ DATABASE_URL, PLANCIA_NATS_URL: 'nats://127.0.0.1:4222', PLANCIA_CLUSTER: 'a.b' })).toThrow(/PLANCIA_CLUSTER/);
  });
});
