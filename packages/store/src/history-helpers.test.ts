import { describe, expect, it } from 'vitest';
import type { Alert } from '@plancia/contracts';
import { transitionTime } from './alert.repository.js';
import { guarded } from './guard.js';
import { StorageUnavailableError } from './errors.js';
import { clampLimit } from './paging.js';

const alert: Alert = {
  id: 'a', ruleId: 'r', ruleName: 'R', metric: 'waiting', scope: { kind: 'centre', id: null }, window: 'live',
  severity: 'warning', state: 'raised', value: 5, threshold: 3, raisedAt: '2026-01-01T09:00:00.000Z',
  acknowledgedAt: '2026-01-01T09:01:00.000Z', acknowledgedBy: 'sup', note: null, resolvedAt: '2026-01-01T09:02:00.000Z',
};

describe('transitionTime', () => {
  it('dates each transition by the instant the alert records for it', () => {
    expect(transitionTime({ kind: 'raised', alert })).toBe('2026-01-01T09:00:00.000Z');
    expect(transitionTime({ kind: 'acknowledged', alert })).toBe('2026-01-01T09:01:00.000Z');
    expect(transitionTime({ kind: 'resolved', alert })).toBe('2026-01-01T09:02:00.000Z');
    expect(transitionTime({ kind: 'resolved', alert: { ...alert, resolvedAt: null } })).toBe('2026-01-01T09:00:00.000Z');
  });
});

describe('clampLimit', () => {
  it('falls back when absent and keeps the value within 1..max', () => {
    expect(clampLimit(undefined, 100, 1000)).toBe(100);
    expect(clampLimit(Number.NaN, 100, 1000)).toBe(100);
    expect(clampLimit(0, 100, 1000)).toBe(1);
    expect(clampLimit(5000, 100, 1000)).toBe(1000);
    expect(clampLimit(7.9, 100, 1000)).toBe(7);
  });
});

describe('guarded', () => {
  class Repository {
    count = 0;
    async fail(): Promise<void> {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    }
    bump(): number {
      this.count += 1;
      return this.count;
    }
  }

  it('turns rejected promises into the store errors and leaves synchronous methods alone', async () => {
    const repository = guarded(new Repository());
    await expect(repository.fail()).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(repository.bump()).toBe(1);
    expect(repository.bump()).toBe(2);
  });
});
