import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { AlertRulePatch, BusinessCalendarPatch, QueuePatch } from './config-api.js';

describe('merge patches of the configuration', () => {
  it('leave every key out at any depth, take null only where the entity may lack the key, and refuse unknown keys', () => {
    expect(Value.Check(QueuePatch, {})).toBe(true);
    expect(Value.Check(QueuePatch, { serviceLevel: { target: 0.9 }, colours: { redBelow: 0.5 } })).toBe(true);
    expect(Value.Check(QueuePatch, { channel: null, teamId: null })).toBe(true);
    expect(Value.Check(AlertRulePatch, { scope: { id: null }, clearThreshold: null })).toBe(true);
    expect(Value.Check(QueuePatch, { name: null })).toBe(false);
    expect(Value.Check(QueuePatch, { serviceLevel: { target: 1.5 } })).toBe(false);
    expect(Value.Check(QueuePatch, { serviceLevel: { colour: 'red' } })).toBe(false);
  });

  it('take arrays whole: their items are the entity\'s own', () => {
    expect(Value.Check(BusinessCalendarPatch, { weekly: { mon: [{ start: '08:00', end: '12:00' }] } })).toBe(true);
    expect(Value.Check(BusinessCalendarPatch, { weekly: { mon: [{ start: '08:00' }] } })).toBe(false);
    expect(Value.Check(QueuePatch, { firstResponse: [{ seconds: 60 }] })).toBe(false);
  });
});
