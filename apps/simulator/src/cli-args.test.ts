import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseDuration, parseRate } from './cli-args.js';
import { planRun } from './run.js';

describe('CLI arguments', () => {
  it('reads the documented example', () => {
    const parsed = parseCliArgs(['--queues', '20', '--agents', '300', '--rate', '50/s', '--target', 'http://localhost:8080', '--seed', '42', '--preset', 'surge', '--transport', 'ws', '--fast', '--duration', '1h', '--batch', '500']);
    expect(parsed).toEqual({ help: false, options: expect.objectContaining({ queues: 20, agents: 300, ratePerSecond: 50, seed: 42, preset: 'surge', transport: 'ws', fast: true, durationMs: 3_600_000, batch: 500 }) });
  });

  it('parses rates and durations in their units', () => {
    expect(parseRate('120/min')).toBe(2);
    expect(parseRate('3')).toBe(3);
    expect(parseDuration('2h30m')).toBe(9_000_000);
    expect(parseDuration('90s')).toBe(90_000);
  });

  it('names the flag that is wrong', () => {
    expect(() => parseCliArgs(['--rate', 'fast'])).toThrow(/--rate/);
    expect(() => parseCliArgs(['--preset', 'lunedi'])).toThrow(/--preset: expected one of normal, surge, outage/);
    expect(() => parseCliArgs(['--transport', 'webhook'])).toThrow(/--webhook-secret/);
    expect(() => parseCliArgs(['--duration', '5 minutes'])).toThrow(/--duration/);
  });

  it('starts a fast run in the past by default and refuses one ending in the future', () => {
    const now = Date.parse('2026-03-02T12:00:00Z');
    const plan = planRun({ target: 'http://x', fast: true, durationMs: 3_600_000 }, now);
    expect([plan.startMs, plan.endMs]).toEqual([now - 3_600_000, now]);
    expect(() => planRun({ target: 'http://x', fast: true, startMs: now, durationMs: 3_600_000 }, now)).toThrow(/in the future/);
  });

  it('continues a real-time run from its own start, its presets still counted from the end of its first warm-up', () => {
    const now = Date.parse('2026-03-02T12:00:00Z');
    const start = now - 3_600_000;
    const parsed = parseCliArgs(['--start', new Date(start).toISOString(), '--sent-until', new Date(now - 5_000).toISOString(), '--preset', 'surge']);
    if (parsed.help) throw new Error('not help');
    expect(parsed.options).toMatchObject({ startMs: start, sentUntilMs: now - 5_000 });
    const plan = planRun(parsed.options, now);
    expect([plan.startMs, plan.endMs]).toEqual([start, Infinity]);
    expect(plan.queues.find((q) => q.surges.length > 0)!.surges[0]!.fromMs).toBe(start + 10 * 60_000 + 2 * 60_000);
    expect(() => parseCliArgs(['--sent-until', new Date(now).toISOString()])).toThrow(/--sent-until: only in real time, with the --start/);
    expect(() => parseCliArgs(['--fast', '--start', new Date(start).toISOString(), '--sent-until', new Date(now).toISOString()])).toThrow(/--sent-until/);
    expect(() => planRun({ target: 'http://x', startMs: now + 60_000 }, now)).toThrow(/in the future/);
  });
});
