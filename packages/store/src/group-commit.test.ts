import { describe, expect, it, vi } from 'vitest';
import { GroupCommitter, type GroupFlush } from './group-commit.js';

/** A flush that records each group and completes only when the test releases it. */
function controlledFlush() {
  const groups: number[][][] = [];
  const releases: Array<() => void> = [];
  const flush: GroupFlush<number, number> = (batches) => {
    groups.push(batches.map((b) => [...b]));
    return new Promise((resolve) => {
      releases.push(() => resolve(batches.map((b) => ({ status: 'fulfilled', value: b.reduce((s, n) => s + n, 0) }))));
    });
  };
  return { flush, groups, release: (index: number) => releases[index]!() };
}

describe('GroupCommitter', () => {
  it('flushes the first submission at once and merges those arriving meanwhile into the next flush', async () => {
    const { flush, groups, release } = controlledFlush();
    const committer = new GroupCommitter(flush);
    const first = committer.submit([1, 2]);
    const second = committer.submit([3]);
    const third = committer.submit([4, 5]);
    expect(groups).toEqual([[[1, 2]]]);

    release(0);
    expect(await first).toBe(3);
    await vi.waitFor(() => expect(groups).toEqual([[[1, 2]], [[3], [4, 5]]]));
    release(1);
    expect(await Promise.all([second, third])).toEqual([3, 9]);
  });

  it('settles each batch with its own outcome', async () => {
    const committer = new GroupCommitter<number, number>(async (batches) =>
      batches.map((b) => (b[0]! < 0 ? { status: 'rejected', reason: new Error(`bad ${b[0]}`) } : { status: 'fulfilled', value: b[0]! })),
    );
    const outcomes = await Promise.allSettled([committer.submit([1]), committer.submit([-1]), committer.submit([2])]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([1, 'bad -1', 2]);
  });

  it('rejects every waiter of a failed flush and keeps serving later submissions', async () => {
    let fail = true;
    const committer = new GroupCommitter<number, string>(async (batches) => {
      if (fail) throw new Error('database down');
      return batches.map(() => ({ status: 'fulfilled', value: 'ok' }));
    });
    const failed = await Promise.allSettled([committer.submit([1]), committer.submit([2])]);
    expect(failed.every((o) => o.status === 'rejected' && (o.reason as Error).message === 'database down')).toBe(true);
    fail = false;
    expect(await committer.submit([3])).toBe('ok');
  });

  it('starts the next group before telling the finished one: its writers run while the next commit is in flight', async () => {
    const { flush, groups, release } = controlledFlush();
    const committer = new GroupCommitter(flush);
    const seen: string[] = [];
    const first = committer.submit([1]).then((sum) => seen.push(`first told ${sum} with ${groups.length} groups flushed`));
    void committer.submit([2]);
    release(0);
    await first;
    expect(seen).toEqual(['first told 1 with 2 groups flushed']);
    release(1);
  });
});
