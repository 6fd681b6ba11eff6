import { describe, expect, it } from 'vitest';
import type { Alert, NotificationPolicy } from '@plancia/contracts';
import { Calendar } from '@plancia/engine';
import { backoffMs, MAX_BACKOFF_MS } from './backoff.js';
import { quietCalendar, tenantOfAlert } from './dispatcher.js';
import { channelsFor, firstChannels, groupingOn, planTransition } from './routing.js';

const RAISED = '2026-12-07T10:00:00.000Z'; // a Monday, 11:00 in Rome
const T0 = Date.parse(RAISED);
const MIN = 60_000;

function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: 'sales:longest-wait@1', ruleId: 'sales:longest-wait', ruleName: 'Longest wait', metric: 'longestWaitSeconds',
    scope: { kind: 'queue', id: 'sales' }, window: 'live', severity: 'warning', state: 'raised', value: 300, threshold: 120,
    raisedAt: RAISED, acknowledgedAt: null, acknowledgedBy: null, note: null, resolvedAt: null, ...over,
  };
}

const policy: NotificationPolicy = {
  channels: ['root'],
  repeatIntervalMinutes: 0,
  routes: [
    { match: { severity: 'critical' }, channels: ['pager'], continue: true },
    { match: { queueId: 'sales' }, channels: ['sales-slack'], escalate: [{ afterMinutes: 10, channels: ['boss'] }] },
    { match: { queueId: 'sales' }, channels: ['never'] },
  ],
};

describe('routing', () => {
  it('the first matching route takes the alert; continue goes on; the root takes what no route took', () => {
    expect(channelsFor(policy, alert())).toEqual(['sales-slack']);
    expect(channelsFor(policy, alert({ severity: 'critical' }))).toEqual(['pager', 'sales-slack']);
    expect(channelsFor(policy, alert({ scope: { kind: 'queue', id: 'support' } }))).toEqual(['root']);
    expect(channelsFor(policy, alert({ severity: 'critical', scope: { kind: 'team', id: 'blue' } }))).toEqual(['pager']);
  });

  it('a raise owes its channels after the group wait, a repeat, and each escalation only while unacknowledged', () => {
    const plan = planTransition({ ...policy, groupWaitSeconds: 30, repeatIntervalMinutes: 60 }, 'raised', alert(), T0 + 1000);
    expect(plan).toEqual([
      { channelId: 'sales-slack', kind: 'raised', dueAtMs: T0 + 31_000, onlyUnacknowledged: false, groupKey: 'routes/1' },
      { channelId: 'sales-slack', kind: 'repeat', dueAtMs: T0 + 31_000 + 60 * MIN, onlyUnacknowledged: true, groupKey: 'routes/1' },
      { channelId: 'boss', kind: 'escalation', dueAtMs: T0 + 1000 + 10 * MIN, onlyUnacknowledged: true, groupKey: 'routes/1/escalate/0' },
    ]);
  });

  it('an acknowledgement reaches the escalation channels already paged, never before the group interval', () => {
    const early = planTransition({ ...policy, groupWaitSeconds: 30, groupIntervalSeconds: 60 }, 'acknowledged', alert(), T0 + 5000);
    expect(early).toEqual([{ channelId: 'sales-slack', kind: 'acknowledged', dueAtMs: T0 + 90_000, onlyUnacknowledged: false, groupKey: 'routes/1' }]);
    const late = planTransition(policy, 'resolved', alert(), T0 + 11 * MIN);
    expect(late.map((m) => [m.channelId, m.dueAtMs])).toEqual([['sales-slack', T0 + 11 * MIN], ['boss', T0 + 11 * MIN]]);
  });

  it('each channel is grouped under the first route that named it, or the root', () => {
    const shared = { ...policy, routes: [{ match: { severity: 'critical' as const }, channels: ['pager', 'sales-slack'], continue: true }, ...policy.routes!] };
    expect([...firstChannels(shared, alert({ severity: 'critical' }))]).toEqual([['pager', 'routes/0'], ['sales-slack', 'routes/0']]);
    expect([...firstChannels(policy, alert({ scope: { kind: 'queue', id: 'support' } }))]).toEqual([['root', 'root']]);
    expect(groupingOn(policy)).toBe(false);
    expect(groupingOn({ ...policy, groupIntervalSeconds: 60 })).toBe(true);
  });

  it('quiet hours hold a warning until the calendar opens; a critical alert and the on-call channels go at once', () => {
    const calendar = quietCalendar(new Calendar({
      id: 'office', name: 'Office', timeZone: 'Europe/Rome', italianHolidays: true, closures: [],
      weekly: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] },
    }));
    const night = Date.parse('2026-12-07T22:00:00.000Z'); // Monday 23:00 in Rome
    const tuesdayNine = Date.parse('2026-12-08T08:00:00.000Z');
    // 8 December is a holiday in Italy (Immacolata): the next opening is the Monday after.
    const nextMondayNine = Date.parse('2026-12-14T08:00:00.000Z');
    expect(tuesdayNine).toBeLessThan(nextMondayNine);
    const quiet = { ...policy, quietHours: { calendarId: 'office', channels: ['boss'] } };
    const held = planTransition(quiet, 'raised', alert({ raisedAt: new Date(night).toISOString() }), night, calendar);
    expect(held.find((m) => m.kind === 'raised')).toMatchObject({ channelId: 'sales-slack', dueAtMs: nextMondayNine });
    expect(held.find((m) => m.kind === 'escalation')).toMatchObject({ channelId: 'boss', dueAtMs: night + 10 * MIN });
    const critical = planTransition(quiet, 'raised', alert({ severity: 'critical', raisedAt: new Date(night).toISOString() }), night, calendar);
    expect(critical.filter((m) => m.kind === 'raised').map((m) => [m.channelId, m.dueAtMs])).toEqual([['pager', night], ['sales-slack', night]]);
    expect(planTransition(quiet, 'raised', alert(), T0, calendar).find((m) => m.kind === 'raised')?.dueAtMs).toBe(T0);
  });

  it('an alert belongs to the tenant that owns its queue or team, else to the default tenant', () => {
    const tenants = [{ id: 'default', queues: [], teams: [] }, { id: 'acme', queues: ['sales'], teams: ['blue'] }];
    expect(tenantOfAlert(alert(), tenants)).toBe('acme');
    expect(tenantOfAlert(alert({ scope: { kind: 'team', id: 'blue' } }), tenants)).toBe('acme');
    expect(tenantOfAlert(alert({ scope: { kind: 'queue', id: 'other' } }), tenants)).toBe('default');
  });
});

describe('backoff', () => {
  it('starts at the base, doubles, never passes ten minutes, with jitter between half and all of the step', () => {
    expect(backoffMs(1, 1000, () => 1)).toBe(1000);
    expect(backoffMs(1, 1000, () => 0)).toBe(500);
    expect(backoffMs(4, 1000, () => 1)).toBe(8000);
    expect(backoffMs(30, 1000, () => 1)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(100, 1000, () => 0)).toBe(MAX_BACKOFF_MS / 2);
  });
});
