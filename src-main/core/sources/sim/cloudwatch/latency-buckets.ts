/**
 * Response-time distributions as CloudWatch percentiles need them: mixture components (exponential per
 * target, log-normal for Lambda) bucketed by mean into 3 % wide keys, and p50/p90/p99 of the mixture.
 * Apart from metric-store.ts, which keeps the periods; the store merges a period's buckets and asks
 * mixturePercentiles when the period closes (CW-5).
 */

/** 3 % wide buckets: plenty for p50/p90/p99, and few components to integrate. */
const LOG_BUCKET = Math.log(1.03);
const SHAPE_STRIDE = 100_000;

export interface MixtureComponent {
  mean: number;
  weight: number;
  /** Undefined: exponential; else log-normal σ. */
  sigma?: number;
}

export function decodeComponent(key: number, weight: number): MixtureComponent {
  const shape = Math.floor(key / SHAPE_STRIDE);
  const mean = Math.exp((key - shape * SHAPE_STRIDE - SHAPE_STRIDE / 2) * LOG_BUCKET);
  return shape === 0 ? { mean, weight } : { mean, weight, sigma: (shape - 1) / 100 };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function componentCdf(c: MixtureComponent, x: number): number {
  if (c.sigma === undefined) return 1 - Math.exp(-x / c.mean);
  if (c.sigma === 0) return x >= c.mean ? 1 : 0;
  const mu = Math.log(c.mean) - (c.sigma * c.sigma) / 2;
  return x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / c.sigma);
}

/** p50, p90, p99 of a mixture of exponential and log-normal components (bisection on the mixture's CDF). */
export function mixturePercentiles(components: MixtureComponent[]): [number, number, number] {
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  // A plain loop (the reduce's additions in the same order): run 120 times per series and minute.
  const cdf = (x: number) => {
    let sum = 0;
    for (let i = 0; i < components.length; i++) sum = sum + components[i]!.weight * componentCdf(components[i]!, x);
    return sum / total;
  };
  // Far enough out for every component: 10 means (exponential), or e^(5σ) times the mean (log-normal).
  const upper = Math.max(...components.map((c) => c.mean * (c.sigma === undefined ? 10 : Math.exp(5 * c.sigma) + 1)));
  const quantile = (q: number) => {
    let lo = 0;
    let hi = upper;
    // 40 halvings resolve far below a microsecond.
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < q) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return [quantile(0.5), quantile(0.9), quantile(0.99)];
}

/** Mixture components keyed by (mean bucket, shape), in the order given; equal keys are not summed here. */
export interface BucketedDistribution {
  keys: number[];
  weights: number[];
}

/**
 * One key per (mean bucket, shape): shape 0 is exponential, k ≥ 1 is log-normal with σ = (k − 1) / 100.
 * Components without a positive mean and weight carry nothing and are left out. `into` appends.
 */
export function bucketDistribution(components: readonly (readonly [mean: number, weight: number])[], sigma?: number, into: BucketedDistribution = { keys: [], weights: [] }): BucketedDistribution {
  const shape = sigma === undefined ? 0 : Math.round(sigma * 100) + 1;
  for (const [mean, weight] of components) {
    if (!(mean > 0) || !(weight > 0)) continue;
    into.keys.push(shape * SHAPE_STRIDE + Math.round(Math.log(mean) / LOG_BUCKET) + SHAPE_STRIDE / 2);
    into.weights.push(weight);
  }
  return into;
}

/**
 * Values with weights in two growable typed arrays that a hot path reuses tick after tick instead of
 * building a pair (or two arrays) per target and tick — the simulator's largest source of garbage at
 * 10,000 instances (issue 15). Used for a bucketed distribution (values: keys as bucketDistribution
 * makes them) and for the load balancer's per-target mean response times. Only the first `length`
 * entries count.
 */
export class WeightedValues {
  values: Float64Array;
  weights: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    this.values = new Float64Array(capacity);
    this.weights = new Float64Array(capacity);
  }

  push(value: number, weight: number): void {
    if (this.length === this.values.length) {
      const values = new Float64Array(this.length * 2);
      const weights = new Float64Array(this.length * 2);
      values.set(this.values);
      weights.set(this.weights);
      this.values = values;
      this.weights = weights;
    }
    this.values[this.length] = value;
    this.weights[this.length++] = weight;
  }

  append(from: WeightedValues): void {
    for (let i = 0; i < from.length; i++) this.push(from.values[i]!, from.weights[i]!);
  }
}

/**
 * bucketDistribution for exponential components held in parallel arrays (the load balancer's per-target
 * response times): the same keys, appended to `into`. Neighbouring targets mostly share a mean, so the
 * last mean's key is reused rather than taking its logarithm again.
 */
export function bucketMeans(means: ArrayLike<number>, weights: ArrayLike<number>, length: number, into: WeightedValues): void {
  let lastMean = NaN;
  let lastKey = 0;
  for (let i = 0; i < length; i++) {
    const mean = means[i]!;
    const weight = weights[i]!;
    if (!(mean > 0) || !(weight > 0)) continue;
    if (mean !== lastMean) {
      lastMean = mean;
      lastKey = Math.round(Math.log(mean) / LOG_BUCKET) + SHAPE_STRIDE / 2;
    }
    into.push(lastKey, weight);
  }
}

/** Appends `from`'s components to `into` (element by element: a spread of 100,000 arguments throws). */
export function appendBucketed(into: BucketedDistribution, from: BucketedDistribution): void {
  for (let i = 0; i < from.keys.length; i++) {
    into.keys.push(from.keys[i]!);
    into.weights.push(from.weights[i]!);
  }
}
