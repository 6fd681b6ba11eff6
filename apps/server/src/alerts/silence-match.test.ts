import { describe, expect, it } from 'vitest';
import type { Alert, Silence } from '@plancia/contracts';
import { isMutedBy, silenceMatches } from './silence-match.js';

const alert = (scope: Alert['scope'], extra: Partial<Alert> = {}): Alert => ({
  id: 'a', ruleId: 'wait', ruleName: 'w', metric: 'waiting', scope, window: 'live', severity: 'critical', state: 'raised', value: 5,
  threshold: 3, raisedAt: '2026-03-02T09:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null, note: null, resolvedAt: null, ...extra,
});
const silence = (match: Silence['match']): Silence => ({
  id: 's', match, startsAt: '2026-03-02T08:00:00.000Z', endsAt: '2026-03-02T10:00:00.000Z', reason: 'r', createdBy: 'sara',
});
const teams = (queueId: string) => (queueId === 'sales' ? 'front' : null);

describe('silences', () => {
  it('match every given field; a team covers its queues', () => {
    const sales = alert({ kind: 'queue', id: 'sales' });
    expect(silenceMatches(silence({}), sales, teams)).toBe(true);
    expect(silenceMatches(silence({ queueId: 'sales', severity: 'critical' }), sales, teams)).toBe(true);
    expect(silenceMatches(silence({ queueId: 'sales', severity: 'warning' }), sales, teams)).toBe(false);
    expect(silenceMatches(silence({ teamId: 'front' }), sales, teams)).toBe(true);
    expect(silenceMatches(silence({ teamId: 'back' }), sales, teams)).toBe(false);
    expect(silenceMatches(silence({ ruleId: 'other' }), sales, teams)).toBe(false);
    expect(silenceMatches(silence({ queueId: 'sales' }), alert({ kind: 'centre', id: null }), teams)).toBe(false);
  });

  it('mute only while in force, and a snooze mutes until it ends', () => {
    const sales = alert({ kind: 'queue', id: 'sales' });
    const within = Date.parse('2026-03-02T09:30:00.000Z');
    const after = Date.parse('2026-03-02T10:00:00.000Z');
    expect(isMutedBy([silence({ queueId: 'sales' })], sales, within, teams)).toBe(true);
    expect(isMutedBy([silence({ queueId: 'sales' })], sales, after, teams)).toBe(false);
    const snoozed = alert({ kind: 'queue', id: 'sales' }, { snoozedUntil: '2026-03-02T09:45:00.000Z' });
    expect(isMutedBy([], snoozed, within, teams)).toBe(true);
    expect(isMutedBy([], snoozed, after, teams)).toBe(false);
  });
});
