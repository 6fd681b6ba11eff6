import { describe, expect, it } from 'vitest';
import { BusinessCalendar, DEFAULT_CALENDAR, QueueConfig, defaultQueueConfig } from '@plancia/contracts';
import { fieldErrors } from './field-errors.js';

describe('fieldErrors', () => {
  const queue = defaultQueueConfig('sales');

  it('names each bad field in the page\'s language, limits in the units the field is shown in', () => {
    const bad = { ...queue, name: '', serviceLevel: { ...queue.serviceLevel, target: 1.4, thresholdSeconds: 2.5 } };
    expect(fieldErrors(QueueConfig, bad, 'it', { '/serviceLevel/target': 100 })).toEqual({
      '/name': 'Non può essere vuoto',
      '/serviceLevel/target': 'Al massimo 100',
      '/serviceLevel/thresholdSeconds': 'Deve essere un numero intero',
    });
    expect(fieldErrors(QueueConfig, bad, 'en')['/serviceLevel/target']).toBe('At most 1');
  });

  it('says a value is not in the format asked for, and nothing for a valid entry', () => {
    const calendar = { ...DEFAULT_CALENDAR, patronSaintDay: '7 December' };
    expect(fieldErrors(BusinessCalendar, calendar, 'en')).toEqual({ '/patronSaintDay': 'Not in the format asked for' });
    expect(fieldErrors(QueueConfig, queue, 'en')).toEqual({});
  });
});
