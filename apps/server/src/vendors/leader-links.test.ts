import { describe, expect, it } from 'vitest';
import type { StreamSource } from './stream/stream-source.js';
import { LeaderLinks } from './leader-links.js';

/** A source that records its starts and stops, its stop taking a while as a link's close does. */
function recordingSource(calls: string[]): StreamSource {
  return {
    start: () => void calls.push('start'),
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      calls.push('stop');
    },
    standby: () => void calls.push('standby'),
  };
}

const quiet = { info: () => undefined };

describe('LeaderLinks', () => {
  it('opens the links on leading and closes them on following, once each however often it is told', async () => {
    const calls: string[] = [];
    const links = new LeaderLinks([recordingSource(calls)], 'n1', quiet);
    await links.follow(false);
    await links.follow(true);
    await links.follow(true);
    await links.follow(false);
    await links.follow(false);
    expect(calls).toEqual(['standby', 'start', 'stop', 'standby', 'standby']);
  });

  it('runs changes in the order they came: a lead right after a loss reopens after the close has finished', async () => {
    const calls: string[] = [];
    const links = new LeaderLinks([recordingSource(calls), recordingSource(calls)], 'n1', quiet);
    void links.follow(true);
    void links.follow(false);
    await links.follow(true);
    expect(calls).toEqual(['start', 'start', 'stop', 'stop', 'standby', 'standby', 'start', 'start']);
  });

  it('a failed close does not stop the next change', async () => {
    const calls: string[] = [];
    let failing = true;
    const source: StreamSource = { start: () => void calls.push('start'), stop: async () => { if (failing) throw new Error('boom'); }, standby: () => undefined };
    const links = new LeaderLinks([source], 'n1', quiet);
    await links.follow(true);
    await expect(links.follow(false)).rejects.toThrow('boom');
    failing = false;
    await links.follow(true);
    expect(calls).toEqual(['start', 'start']);
  });
});
