import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_FIRST_RESPONSE, DEFAULT_RESOLUTION, type AsyncTarget } from '@plancia/contracts';
import { Calendar } from '../calendar/business-calendar.js';
import { chooseTarget, deadlineOf } from './targets.js';

const HOUR = 3600;
const office = new Calendar(DEFAULT_CALENDAR);

describe('chooseTarget', () => {
  it('gives chat and messaging 60 s on the wall clock and email 8 business hours by default', () => {
    expect(chooseTarget(DEFAULT_FIRST_RESPONSE, 'chat', 'normal')).toEqual({ channel: 'chat', seconds: 60, businessHours: false });
    expect(chooseTarget(DEFAULT_FIRST_RESPONSE, 'messaging', 'urgent')?.seconds).toBe(60);
    expect(chooseTarget(DEFAULT_FIRST_RESPONSE, 'email', 'normal')).toEqual({ seconds: 8 * HOUR, businessHours: true });
  });

  it('gives urgent tickets 8 h and the others 48 h to resolve by default', () => {
    expect(chooseTarget(DEFAULT_RESOLUTION, 'email', 'urgent')?.seconds).toBe(8 * HOUR);
    expect(chooseTarget(DEFAULT_RESOLUTION, 'web', 'high')?.seconds).toBe(48 * HOUR);
  });

  it('prefers channel and priority, then channel, then priority, then generic, whatever the list order', () => {
    const targets: AsyncTarget[] = [
      { seconds: 1, businessHours: false },
      { priority: 'high', seconds: 2, businessHours: false },
      { channel: 'web', seconds: 3, businessHours: false },
      { channel: 'web', priority: 'high', seconds: 4, businessHours: false },
    ];
    expect(chooseTarget(targets, 'web', 'high')?.seconds).toBe(4);
    expect(chooseTarget(targets, 'web', 'low')?.seconds).toBe(3);
    expect(chooseTarget(targets, 'email', 'high')?.seconds).toBe(2);
    expect(chooseTarget(targets, 'email', 'low')?.seconds).toBe(1);
    expect(chooseTarget(targets.slice(1), 'email', 'low')).toBeUndefined();
  });
});

describe('deadlineOf', () => {
  it('puts a chat deadline 60 s after the start even at night, at risk after 48 s', () => {
    const start = Date.parse('2026-01-17T23:00:00+01:00');
    const chat = chooseTarget(DEFAULT_FIRST_RESPONSE, 'chat', 'normal')!;
    expect(deadlineOf(chat, start, () => office)).toEqual({ riskMs: start + 48_000, dueMs: start + 60_000 });
  });

  it('puts an email deadline on the business calendar, at risk after 6 h 24 min of opening time', () => {
    const start = Date.parse('2026-01-16T17:00:00+01:00');
    const email = chooseTarget(DEFAULT_FIRST_RESPONSE, 'email', 'normal')!;
    expect(deadlineOf(email, start, () => office)).toEqual({
      riskMs: Date.parse('2026-01-19T14:24:00+01:00'),
      dueMs: Date.parse('2026-01-19T16:00:00+01:00'),
    });
  });
});
