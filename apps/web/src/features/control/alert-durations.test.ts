import { describe, expect, it } from 'vitest';
import type { Alert } from '@plancia/contracts';
import { alertDurations, openFor } from './alert-durations.js';

const raised = { raisedAt: '2026-12-05T09:00:00.000Z', acknowledgedAt: null, assignedAt: null, resolvedAt: null } as unknown as Alert;

describe('alert durations', () => {
  it('counts to the first of acknowledgement and assignment, and to resolution', () => {
    expect(alertDurations(raised)).toEqual({ toAcknowledge: null, toResolve: null });
    expect(alertDurations({ ...raised, acknowledgedAt: '2026-12-05T09:02:00.000Z', assignedAt: '2026-12-05T09:01:30.000Z', resolvedAt: '2026-12-05T09:10:00.000Z' }))
      .toEqual({ toAcknowledge: 90, toResolve: 600 });
    expect(alertDurations({ ...raised, acknowledgedAt: '2026-12-05T09:00:45.000Z' }).toAcknowledge).toBe(45);
  });

  it('tells how long an open alert has been open', () => {
    expect(openFor(raised, Date.parse('2026-12-05T09:05:00.000Z'))).toBe(300);
  });
});
