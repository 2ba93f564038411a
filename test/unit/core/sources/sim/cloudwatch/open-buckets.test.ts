import { describe, expect, it } from 'vitest';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { OpenBuckets } from '@main/core/sources/sim/cloudwatch/latency-buckets';

/** OpenBuckets replaced a Map of bucket key → summed weight (issue 15): the same keys in the same order, the same sums. */
describe('OpenBuckets (a period’s bucketed response-time components)', () => {
  it('CW-5: sums weights per key in first-seen order exactly as a Map did, through growth, collisions and clears', () => {
    const random = createRandom(7, 'open-buckets-test');
    const buckets = new OpenBuckets();
    for (let period = 0; period < 5; period++) {
      const map = new Map<number, number>();
      buckets.clear();
      // Up to 600 distinct keys (past the first capacity), around the keys latency buckets make, plus odd ones.
      const distinct = 10 + random.int(600);
      for (let n = 0; n < 3000; n++) {
        const key = n % 97 === 0 ? [Infinity, -5, 2 ** 40, 150_123][n % 4]! : 50_000 + random.int(distinct) - 300 + (n % 5 === 0 ? 100_000 : 0);
        const weight = random.next() * 10;
        map.set(key, (map.get(key) ?? 0) + weight);
        buckets.set(key, buckets.weightOf(key) + weight);
      }
      expect([...buckets.keys.subarray(0, buckets.length)]).toEqual([...map.keys()]);
      expect([...buckets.weights.subarray(0, buckets.length)]).toEqual([...map.values()]);
    }
    buckets.clear();
    expect([buckets.length, buckets.weightOf(50_000)]).toEqual([0, 0]);
  });

  it('CW-5: indexOf (one probe per run of a key) sums in place to the same keys, order and sums as a Map, through growth', () => {
    const random = createRandom(11, 'open-buckets-index-test');
    const buckets = new OpenBuckets();
    for (let period = 0; period < 4; period++) {
      const map = new Map<number, number>();
      buckets.clear();
      const distinct = 10 + random.int(500);
      for (let n = 0; n < 2000; n++) {
        const key = 50_000 + random.int(distinct);
        const weight = random.next() * 10;
        map.set(key, (map.get(key) ?? 0) + weight);
        const at = buckets.indexOf(key);
        buckets.weights[at] = buckets.weights[at]! + weight;
      }
      expect([...buckets.keys.subarray(0, buckets.length)]).toEqual([...map.keys()]);
      expect([...buckets.weights.subarray(0, buckets.length)]).toEqual([...map.values()]);
    }
  });
});
