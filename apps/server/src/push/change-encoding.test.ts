import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boardEncodingOf, type BoardChanges } from '@plancia/contracts';
import { deflateChanges, encodingRoom, inflateChanges } from './change-encoding.js';

describe('deflated changes', () => {
  it('inflate to the very changes that were deflated, whatever they hold', () => {
    fc.assert(fc.property(fc.nat(), fc.array(fc.record({ queueId: fc.string(), live: fc.record({ waiting: fc.nat() }) })), (seq, queues) => {
      const changes = { seq, generatedAt: '2026-03-02T10:00:00.000Z', queues } as unknown as BoardChanges;
      expect(inflateChanges(deflateChanges(changes))).toEqual(changes);
    }), { numRuns: 200 });
  });

  it('weigh several times less than their JSON on a change of many alike queues', () => {
    const queues = Array.from({ length: 20 }, (_, i) => ({ queueId: `q${i}`, windows: { rolling: { offered: i, answered: i }, today: { offered: i, answered: i } } }));
    const changes = { seq: 1, generatedAt: '2026-03-02T10:00:00.000Z', queues } as unknown as BoardChanges;
    expect(deflateChanges(changes).length * 3).toBeLessThan(JSON.stringify(changes).length);
  });

  it('go to a room of their own within the view room', () => {
    expect(encodingRoom('view:a', 'deflate')).not.toBe(encodingRoom('view:a', 'json'));
    expect(encodingRoom('view:a', 'deflate').startsWith('view:a')).toBe(true);
  });
});

describe('boardEncodingOf', () => {
  it('takes json by default, deflate when asked, and nothing else', () => {
    expect(boardEncodingOf(undefined)).toBe('json');
    expect(boardEncodingOf({})).toBe('json');
    expect(boardEncodingOf({ encoding: 'deflate' })).toBe('deflate');
    expect(boardEncodingOf({ encoding: 'json' })).toBe('json');
    expect(boardEncodingOf({ encoding: 'gzip' })).toBeNull();
    expect(boardEncodingOf({ encoding: ['deflate'] })).toBeNull();
  });
});
