import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeriodicWriter } from './periodic-writer.js';

describe('PeriodicWriter', () => {
  afterEach(() => vi.useRealTimers());

  it('runs one at a time: a call while one runs waits for it, the next starts afresh', async () => {
    let finish!: () => void;
    let runs = 0;
    const writer = new PeriodicWriter(() => { runs++; return new Promise<void>((resolve) => (finish = resolve)); }, () => {});
    const first = writer.run();
    const second = writer.run();
    expect(runs).toBe(1);
    finish();
    await Promise.all([first, second]);
    void writer.run();
    expect(runs).toBe(2);
    finish();
    await writer.stop();
  });

  it('runs on its timer until stopped, and hands a failure to onError without stopping', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const writer = new PeriodicWriter(async () => {
      runs++;
      if (runs === 1) throw new Error('store down');
    }, (error) => errors.push(error));
    writer.start(1_000);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('store down')]);
    await writer.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(2);
  });
});
