import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_SETTINGS, defaultQueueConfig } from '@plancia/contracts';
import { describeRefusal, engineConfigOf } from './engine-config.js';

const good = { ...DEFAULT_CALENDAR, id: 'milano' };
const bad = { ...DEFAULT_CALENDAR, id: 'mars', timeZone: 'Not/AZone' };

describe('engineConfigOf', () => {
  it('passes a sound document through with the default settings filled in', () => {
    const { config, refused } = engineConfigOf({ queues: [defaultQueueConfig('sales')], calendars: [good], alertRules: [], agents: [] });
    expect(refused).toEqual([]);
    expect(config).toEqual({ settings: DEFAULT_SETTINGS, queues: [defaultQueueConfig('sales')], calendars: [good], alertRules: [], agents: [] });
  });

  it('leaves out what the engine refuses and says which entity, which field and how to repair it', () => {
    const { config, refused } = engineConfigOf({
      settings: { ...DEFAULT_SETTINGS, timeZone: 'Mars/Olympus' }, queues: [], calendars: [good, bad], alertRules: [], agents: [],
    });
    expect(config.calendars).toEqual([good]);
    expect(config.settings.timeZone).toBe(DEFAULT_SETTINGS.timeZone);
    expect(refused.map((r) => r.entity)).toEqual(['calendars/mars', 'settings']);
    const words = describeRefusal(refused[0]!);
    expect(words).toContain('calendars/mars');
    expect(words).toContain('/timeZone "Not/AZone" is not a known IANA time zone');
    expect(words).toMatch(/PUT or DELETE \/api\/v1\/calendars\/mars.*PLANCIA_CONFIG/);
    expect(describeRefusal(refused[1]!)).toMatch(/settings refused \(\/timeZone .*PUT \/api\/v1\/config/);
  });
});
