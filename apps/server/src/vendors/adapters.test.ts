import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { PeerClock } from './ami/peer-clock.js';
import { backoffDelay } from './stream/backoff.js';
import { parseLinkUrl } from './stream/link-url.js';
import { RecentTokens } from './webhooks/recent-tokens.js';

describe('backoffDelay', () => {
  const options = { initialMs: 1_000, maxMs: 30_000 };
  it('doubles its ceiling per attempt up to the maximum and draws from the upper half', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((attempt) => backoffDelay(attempt, options, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect([0, 1, 5].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([500, 1_000, 15_000]);
  });
});

describe('PeerClock', () => {
  it('follows the PBX clock from its last Timestamp, and uses ours until it has one', () => {
    const clock = new PeerClock();
    expect(clock.now(10_000)).toBe(10_000);
    expect(clock.lastHeard(10_000)).toBe(10_000);
    clock.observe('1795390375.008095', 20_000);
    expect(clock.lastHeard(25_000)).toBe(1_795_390_375_008);
    expect(clock.now(25_000)).toBe(1_795_390_380_008);
    clock.observe(undefined, 30_000);
    clock.observe('not a time', 30_000);
    expect(clock.now(25_000)).toBe(1_795_390_380_008);
  });
});

describe('RecentTokens', () => {
  it('forgets the oldest token beyond its capacity', () => {
    const tokens = new RecentTokens(2);
    ['a', 'b', 'c'].forEach((t) => tokens.add(t));
    expect(['a', 'b', 'c'].map((t) => tokens.has(t))).toEqual([false, true, true]);
  });
});

describe('adapter settings', () => {
  it('reads link URLs with percent-encoded credentials and default ports; the source has no secret', () => {
    expect(parseLinkUrl('ami://plancia:s%40cret%3Ax@pbx1.example.it', 'ami', 5038)).toEqual({
      host: 'pbx1.example.it', port: 5038, username: 'plancia', password: 's@cret:x', source: 'ami://pbx1.example.it:5038',
    });
    expect(parseLinkUrl('esl://:ClueCon@fs1:8022', 'esl', 8021).source).toBe('esl://fs1:8022');
  });

  it('converts the variables, and a bad value stops the start naming the variable', () => {
    const { adapters } = loadConfig({
      PLANCIA_AMI_URL: 'ami://a:b@pbx1:5038, ami://c:d@pbx2', PLANCIA_AMI_WRAPUP_SECONDS: 'support=2,sales=10',
      PLANCIA_TWILIO_ACTIVITIES: 'Break=not_ready,Wrap Up=wrap_up', PLANCIA_PUBLIC_URL: 'https://board.example.com/',
    });
    expect(adapters).toMatchObject({
      amiUrls: ['ami://a:b@pbx1:5038', 'ami://c:d@pbx2'], amiWrapUpSeconds: { support: 2, sales: 10 },
      twilioActivities: { Break: 'not_ready', 'Wrap Up': 'wrap_up' }, publicUrl: 'https://board.example.com',
    });
    expect(() => loadConfig({ PLANCIA_AMI_URL: 'http://pbx1:5038' })).toThrow(/PLANCIA_AMI_URL/);
    expect(() => loadConfig({ PLANCIA_FREESWITCH_URL: 'esl://fs1:8021' })).toThrow(/PLANCIA_FREESWITCH_URL/);
    expect(() => loadConfig({ PLANCIA_TWILIO_ACTIVITIES: 'Break=asleep' })).toThrow(/PLANCIA_TWILIO_ACTIVITIES/);
    expect(() => loadConfig({ PLANCIA_AMI_KEEPALIVE_SECONDS: '0' })).toThrow(/PLANCIA_AMI_KEEPALIVE_SECONDS/);
  });
});
