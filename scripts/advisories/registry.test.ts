import { describe, expect, it } from 'vitest';
import { advisoriesOf, mapLimit } from './registry.js';

describe('advisoriesOf', () => {
  it('reads the bulk advisory answer, one entry per package and advisory', () => {
    // The shape npm documents for POST /-/npm/v1/security/advisories/bulk.
    const body = {
      minimist: [{ id: 1179, url: 'https://github.com/advisories/GHSA-vh95-rmgr-6w4m', title: 'Prototype Pollution in minimist', severity: 'moderate', vulnerable_versions: '<0.2.1' }],
      lodash: [],
    };
    expect(advisoriesOf(body)).toEqual([
      { name: 'minimist', title: 'Prototype Pollution in minimist', severity: 'moderate', url: 'https://github.com/advisories/GHSA-vh95-rmgr-6w4m', vulnerableVersions: '<0.2.1' },
    ]);
    expect(() => advisoriesOf('Method Not Allowed')).toThrow(/not a JSON object/);
  });
});

describe('mapLimit', () => {
  it('keeps the order of its input and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });
});
