import { describe, expect, it } from 'vitest';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { Mixture } from '@main/core/sources/sim/cloudwatch/latency-buckets';
import { Bracket, exponentialBracket } from '@main/core/sources/sim/cloudwatch/exponential-bracket';

/** The period-closing percentiles before issue 15's bracket: 40 halvings, the CDF evaluated at every one. */
function everyStep(mixture: Mixture): [number, number, number] {
  let total = 0;
  for (let i = 0; i < mixture.length; i++) total = total + mixture.weights[i]!;
  let upper = -Infinity;
  for (let i = 0; i < mixture.length; i++) upper = Math.max(upper, mixture.means[i]! * (mixture.kinds[i] === 0 ? 10 : Math.exp(5 * mixture.sigmas[i]!) + 1));
  const quantile = (q: number) => {
    let lo = 0;
    let hi = upper;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (mixture.cdf(mid, total) < q) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return [quantile(0.5), quantile(0.9), quantile(0.99)];
}

/** Bucket keys as the store makes them: 3 % log buckets around a response time, shape 0 (exponential). */
function randomMixture(random: ReturnType<typeof createRandom>, mixture: Mixture): void {
  mixture.length = 0;
  const components = 1 + random.int(random.next() < 0.1 ? 400 : 40);
  const centre = 50_000 + random.int(400) - 300;
  for (let c = 0; c < components; c++) {
    const key = centre + random.int(1 + random.int(120));
    const weight = random.next() < 0.2 ? 1 + random.int(3) : random.next() * 10 ** (random.int(6) - 1);
    mixture.addKey(key, weight);
  }
}

describe('CW-5 percentiles at period close: the bracketed bisection gives the same bits as evaluating every step', () => {
  it('CW-5: exponential mixtures (ALB TargetResponseTime): identical p50, p90, p99 over 3,000 random mixtures', () => {
    const random = createRandom(7, 'percentile-bracket-test');
    const mixture = new Mixture();
    for (let n = 0; n < 3000; n++) {
      randomMixture(random, mixture);
      expect(mixture.percentiles()).toEqual(everyStep(mixture));
    }
  });

  it('CW-5: edge mixtures (one component, tiny and huge weights, far-apart means, log-normal and step components) are identical too', () => {
    const cases: [mean: number, weight: number, sigma?: number][][] = [
      [[0.1, 1]],
      [[1e-6, 1]],
      [[1e6, 1e-9]],
      [[0.01, 99], [1, 1]],
      [[0.001, 1e9], [100, 1]],
      [[0.05, 1], [0.05, 1], [0.05, 1]],
      [[0.2, 3], [0.3, 2, 0.4]],
      [[100, 1, 0]],
      [[5, 1, 0.3], [50, 2, 1.2]],
    ];
    for (const components of cases) {
      const mixture = new Mixture(1);
      for (const [mean, weight, sigma] of components) mixture.add(mean, weight, sigma);
      expect(mixture.percentiles()).toEqual(everyStep(mixture));
    }
  });

  it('the bracket is proven only around the quantile, and narrow: the bisection evaluates a few CDFs, not 40', () => {
    const mixture = new Mixture();
    mixture.add(0.1, 30, undefined);
    mixture.add(0.12, 10, undefined);
    const total = 40;
    const bracket = new Bracket();
    exponentialBracket(mixture, total, 0.9, 0, bracket);
    expect(mixture.cdf(bracket.below, total)).toBeLessThan(0.9);
    expect(mixture.cdf(bracket.above, total)).toBeGreaterThanOrEqual(0.9);
    expect(bracket.root).toBeGreaterThan(bracket.below);
    expect(bracket.root).toBeLessThan(bracket.above);
    // Narrower than the 40th halving's interval (upper = 1.2 s): at most a step or two needs the CDF.
    expect(bracket.above - bracket.below).toBeLessThan(1.2 / 2 ** 36);
  });

  it('settles nothing when there is nothing to prove (no weight)', () => {
    const mixture = new Mixture();
    const bracket = new Bracket();
    exponentialBracket(mixture, 0, 0.5, 0, bracket);
    expect([bracket.below, bracket.above]).toEqual([-Infinity, Infinity]);
  });
});
