import { describe, expect, it } from 'vitest';
import { apportion } from '@main/core/sources/sim/traffic/traffic-service';

/** The largest-remainder split as it was before the one-part shortcut (issue 15), for comparison. */
function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]!.index]!++;
  return parts;
}

describe('apportion (the traffic split over routes and request classes)', () => {
  it('one part takes the whole, exactly as the largest-remainder split gives it', () => {
    for (const weight of [1, 0.3, 0.1, 0.7, 1e-9, 3, 0, -1]) {
      for (const total of [0, 1, 7, 99, 1234, 100003, -2]) expect(apportion(total, [weight])).toEqual(largestRemainder(total, [weight]));
    }
  });

  it('several parts: proportional, remainders to the largest fractions, ties by order', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual(largestRemainder(7, [0.5, 0.25, 0.25]));
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
});
