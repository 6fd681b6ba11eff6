import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BoardChanges } from '@plancia/contracts';
import { inOrderInflater, inflateChanges } from './inflate-changes.js';

const deflated = (changes: object) => deflateRawSync(JSON.stringify(changes)).toString('base64');
const change = (seq: number, waiting: number) => ({ seq, generatedAt: '2026-03-02T10:00:00.000Z', queues: [{ queueId: 'q1', live: { waiting } }], note: 'è €' }) as unknown as BoardChanges;

describe('inflateChanges', () => {
  it('reads what the server deflates, non-ASCII text included', async () => {
    expect(await inflateChanges(deflated(change(3, 7)))).toEqual(change(3, 7));
  });
});

describe('inOrderInflater', () => {
  it('applies the changes in the order they came, a large one before the small ones after it', async () => {
    const applied: number[] = [];
    let failures = 0;
    const take = inOrderInflater((c) => applied.push(c.seq), () => failures++);
    const large = { ...change(1, 1), queues: Array.from({ length: 5_000 }, (_, i) => ({ queueId: `q${i}`, live: { waiting: i } })) };
    take(deflated(large));
    for (let seq = 2; seq <= 20; seq++) take(deflated(change(seq, seq)));
    await new Promise((r) => setTimeout(r, 200));
    expect(applied).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(failures).toBe(0);
  });

  it('reports a payload it cannot read and goes on with the next', async () => {
    const applied: number[] = [];
    const errors: Error[] = [];
    const take = inOrderInflater((c) => applied.push(c.seq), (e) => errors.push(e));
    take('bm90IGRlZmxhdGVk');
    take(deflated(change(2, 2)));
    await new Promise((r) => setTimeout(r, 100));
    expect(errors).toHaveLength(1);
    expect(applied).toEqual([2]);
  });
});
