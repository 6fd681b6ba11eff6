import { describe, expect, it } from 'vitest';
import { validateEvent, validateEvents } from './validate.js';

const now = Date.parse('2026-03-02T10:00:00Z');
const queued = {
  specversion: '1.0', id: 'e1', source: 'pbx', type: 'contact.queued', time: '2026-03-02T10:00:00+01:00',
  data: { contactId: 'c1', queueId: 'sales', channel: 'voice', callerTier: 'gold' },
};

describe('validateEvent', () => {
  it('accepts a valid event, keeps unknown data fields and parses its time', () => {
    const result = validateEvent(queued, now);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.event.timeMs).toBe(Date.parse('2026-03-02T09:00:00Z'));
      expect((result.event.data as Record<string, unknown>).callerTier).toBe('gold');
    }
  });

  it('names the missing data field', () => {
    const result = validateEvent({ ...queued, data: { contactId: 'c1', channel: 'voice' } }, now);
    expect(result).toMatchObject({ ok: false, errors: [{ path: '/data/queueId' }] });
  });

  it('rejects an unknown type, a bad channel and a time without offset', () => {
    expect(validateEvent({ ...queued, type: 'contact.teleported' }, now)).toMatchObject({ ok: false, errors: [{ path: '/type' }] });
    expect(validateEvent({ ...queued, data: { ...queued.data, channel: 'fax' } }, now)).toMatchObject({ ok: false, errors: [{ path: '/data/channel' }] });
    expect(validateEvent({ ...queued, time: '2026-03-02T10:00:00' }, now)).toMatchObject({ ok: false, errors: [{ path: '/time' }] });
  });

  it('rejects events more than five minutes in the future', () => {
    const future = { ...queued, time: new Date(now + 5 * 60_000 + 1000).toISOString() };
    expect(validateEvent(future, now)).toMatchObject({ ok: false, errors: [{ path: '/time' }] });
    expect(validateEvent({ ...future, time: new Date(now + 4 * 60_000).toISOString() }, now).ok).toBe(true);
  });

  it('checks survey ranges', () => {
    const survey = { ...queued, type: 'survey.completed', data: { csat: 6 } };
    expect(validateEvent(survey, now)).toMatchObject({ ok: false, errors: [{ path: '/data/csat' }] });
  });
});

describe('validateEvents', () => {
  it('reports the index of each invalid event and accepts nothing', () => {
    const result = validateEvents([queued, { ...queued, id: '' }, queued], now);
    expect(result).toMatchObject({ ok: false, errors: [{ index: 1, path: '/id' }] });
  });
});
