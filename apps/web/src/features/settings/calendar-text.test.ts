import { describe, expect, it } from 'vitest';
import { formatSpans, isTimeZone, parseDays, parseSpans } from './calendar-text.js';

describe('calendar text', () => {
  it('reads opening spans as typed and writes them back the same way', () => {
    const spans = parseSpans('9:00-13:00, 14:00 – 18:30');
    expect(spans).toEqual([{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:30' }]);
    expect(formatSpans(spans!)).toBe('09:00-13:00, 14:00-18:30');
  });

  it('takes an empty day as closed and rejects a span that is not HH:MM-HH:MM', () => {
    expect(parseSpans('  ')).toEqual([]);
    expect(parseSpans('09:00 to 18:00')).toBeNull();
    expect(parseSpans('09:00-18:00, 20')).toBeNull();
  });

  it('splits closures on lines and commas, ignoring blanks', () => {
    expect(parseDays('2026-12-24\n\n2026-12-31, 2027-01-02 ')).toEqual(['2026-12-24', '2026-12-31', '2027-01-02']);
  });

  it('knows IANA time zones and nothing else', () => {
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
