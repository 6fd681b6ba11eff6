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

  it('refuses impossible calendar dates and times, and times before 2000', () => {
    for (const time of ['2026-02-30T10:00:00Z', '2026-02-29T10:00:00Z', '2026-13-01T10:00:00Z', '2026-03-02T24:00:00Z', '2026-03-02T10:60:00Z', '2026-03-02T10:00:00+24:00', '0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '1999-12-31T23:59:59Z']) {
      expect(validateEvent({ ...queued, time }, now), time).toMatchObject({ ok: false, errors: [{ path: '/time' }] });
    }
    expect(validateEvent({ ...queued, time: '2024-02-29T10:00:00Z' }, now).ok).toBe(true);
    expect(validateEvent({ ...queued, time: '2000-01-01T00:00:00Z' }, now).ok).toBe(true);
  });

  it('refuses values nested deeper than the limit, naming where', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 5_000; level++) deep = [deep];
    const result = validateEvent({ ...queued, data: { ...queued.data, deep } }, now);
    expect(result).toMatchObject({ ok: false, errors: [{ path: expect.stringMatching(/^\/data\/deep(\/0)+$/), message: expect.stringMatching(/deeper than 32/) }] });
    let shallow: unknown = 1;
    for (let level = 0; level < 29; level++) shallow = { n: shallow };
    expect(validateEvent({ ...queued, data: { ...queued.data, shallow } }, now).ok).toBe(true);
  });

  it('refuses NUL characters and unpaired surrogates anywhere, keys included', () => {
    expect(validateEvent({ ...queued, data: { ...queued.data, note: 'a\u0000b' } }, now)).toMatchObject({ ok: false, errors: [{ path: '/data/note' }] });
    expect(validateEvent({ ...queued, data: { ...queued.data, note: ['x', '\uD800'] } }, now)).toMatchObject({ ok: false, errors: [{ path: '/data/note/1' }] });
    expect(validateEvent({ ...queued, data: { ...queued.data, 'a/\uDC00': 1 } }, now)).toMatchObject({ ok: false, errors: [{ path: '/data/a~1\uDC00' }] });
    expect(validateEvent({ ...queued, source: 'pbx\u0000' }, now)).toMatchObject({ ok: false, errors: [{ path: '/source' }] });
    expect(validateEvent({ ...queued, data: { ...queued.data, note: 'ok \uD83D\uDE00' } }, now).ok).toBe(true);
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
