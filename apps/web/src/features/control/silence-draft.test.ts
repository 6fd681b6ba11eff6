import { describe, expect, it } from 'vitest';
import type { Alert } from '@plancia/contracts';
import { matchOf, silenceRequest } from './silence-draft.js';

const alert = { id: 'a', ruleId: 'sales:sl-warning', scope: { kind: 'queue', id: 'sales' }, severity: 'warning' } as Alert;

describe('silence drafts', () => {
  it('takes the rule and the queue of the alert it was opened from', () => {
    expect(matchOf(alert)).toEqual({ ruleId: 'sales:sl-warning', queueId: 'sales' });
    expect(matchOf({ ...alert, scope: { kind: 'team', id: 'care' } })).toEqual({ ruleId: 'sales:sl-warning', teamId: 'care' });
  });

  it('leaves out empty fields and refuses a silence of everything, without an end or without a reason', () => {
    const end = Date.parse('2026-12-05T10:00:00Z');
    expect(silenceRequest({ ruleId: ' sales:sl-warning ', queueId: '' }, end, ' maintenance ')).toEqual({
      match: { ruleId: 'sales:sl-warning' }, endsAt: '2026-12-05T10:00:00.000Z', reason: 'maintenance',
    });
    expect(silenceRequest({ queueId: '' }, end, 'x')).toBeNull();
    expect(silenceRequest({ queueId: 'sales' }, Number.NaN, 'x')).toBeNull();
    expect(silenceRequest({ queueId: 'sales' }, end, '  ')).toBeNull();
  });
});
