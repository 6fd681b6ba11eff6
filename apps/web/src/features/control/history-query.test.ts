import { describe, expect, it } from 'vitest';
import { NO_FILTER } from './alert-filter.js';
import { historyQuery } from './history-query.js';

describe('history query', () => {
  const range = { from: '2026-12-04T23:00:00.000Z', to: '2026-12-05T06:00:00.000Z' };

  it('asks for the period alone when nothing is filtered', () => {
    expect(historyQuery(range, NO_FILTER)).toEqual(range);
  });

  it('asks the server the same question as the live list', () => {
    expect(historyQuery(range, { severity: 'critical', state: 'assigned', queueId: 'sales', teamId: 'care', ruleId: 'r1' }))
      .toEqual({ ...range, severity: 'critical', state: 'assigned', queueId: 'sales', teamId: 'care', ruleId: 'r1' });
  });
});
