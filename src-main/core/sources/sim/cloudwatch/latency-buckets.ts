/**
 * Response-time distributions as CloudWatch percentiles need them: mixture components (exponential per
 * target, log-normal for Lambda) bucketed by mean into 3 % wide keys, and p50/p90/p99 of the mixture.
 * Apart from metric-store.ts, which keeps the periods; the store merges a period's buckets and asks
 * mixturePercentiles when the period closes (CW-5).
 */
import { Bracket, exponentialBracket } from './exponential-bracket';
import { grown } from '../kernel/typed-arrays';

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

/** p50, p90, p99 of a mixture of exponential and log-normal components (bisection on the mixture's CDF). */
export function mixturePercentiles(components: MixtureComponent[]): [number, number, number] {
  const mixture = new Mixture(components.length);
  for (const c of components) mixture.add(c.mean, c.weight, c.sigma);
  return mixture.percentiles();
}

/**
 * Mixture components in parallel arrays, reused period after period by the metric store (issue 15: a
 * component object per bucket per series and minute was garbage that lived long enough to be promoted).
 * `percentiles` does the arithmetic mixturePercentiles always did, in the same order.
 */
export class Mixture {
  means: Float64Array;
  weights: Float64Array;
  /** 0: exponential (no σ); 1: log-normal with σ in `sigmas`. */
  kinds: Uint8Array;
  sigmas: Float64Array;
  /** A log-normal component's μ (ln mean − σ²/2), worked out once instead of at every CDF evaluation. */
  mus: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    this.means = new Float64Array(Math.max(1, capacity));
    this.weights = new Float64Array(this.means.length);
    this.kinds = new Uint8Array(this.means.length);
    this.sigmas = new Float64Array(this.means.length);
    this.mus = new Float64Array(this.means.length);
  }

  add(mean: number, weight: number, sigma: number | undefined): void {
    if (this.length === this.means.length) this.grow(this.length * 2);
    const i = this.length++;
    this.means[i] = mean;
    this.weights[i] = weight;
    this.kinds[i] = sigma === undefined ? 0 : 1;
    this.sigmas[i] = sigma ?? 0;
    this.mus[i] = sigma === undefined ? 0 : Math.log(mean) - (sigma * sigma) / 2;
  }

  /** A bucket key as decodeComponent reads it. */
  addKey(key: number, weight: number): void {
    const shape = Math.floor(key / SHAPE_STRIDE);
    const mean = Math.exp((key - shape * SHAPE_STRIDE - SHAPE_STRIDE / 2) * LOG_BUCKET);
    this.add(mean, weight, shape === 0 ? undefined : (shape - 1) / 100);
  }

  private grow(capacity: number): void {
    this.means = grown(this.means, capacity);
    this.weights = grown(this.weights, capacity);
    this.sigmas = grown(this.sigmas, capacity);
    this.mus = grown(this.mus, capacity);
    this.kinds = grown(this.kinds, capacity);
  }

  /** The mixture's CDF at x: each component's, weighted, summed in order, over the total weight. */
  cdf(x: number, total: number): number {
    const { means, weights, kinds, sigmas, mus } = this;
    let sum = 0;
    for (let i = 0; i < this.length; i++) {
      let p: number;
      if (kinds[i] === 0) p = 1 - Math.exp(-x / means[i]!);
      else if (sigmas[i] === 0) p = x >= means[i]! ? 1 : 0;
      else p = x <= 0 ? 0 : normalCdf((Math.log(x) - mus[i]!) / sigmas[i]!);
      sum = sum + weights[i]! * p;
    }
    return sum / total;
  }

  /** The quantiles' shared bracket (exponential-bracket.ts), reused. */
  private readonly bracket = new Bracket();

  percentiles(): [number, number, number] {
    let total = 0;
    for (let i = 0; i < this.length; i++) total = total + this.weights[i]!;
    // Far enough out for every component: 10 means (exponential), or e^(5σ) times the mean (log-normal).
    let upper = -Infinity;
    let exponentialOnly = true;
    for (let i = 0; i < this.length; i++) {
      upper = Math.max(upper, this.means[i]! * (this.kinds[i] === 0 ? 10 : Math.exp(5 * this.sigmas[i]!) + 1));
      if (this.kinds[i] !== 0) exponentialOnly = false;
    }
    this.bracket.settleNothing();
    const p50 = this.quantile(0.5, total, upper, exponentialOnly);
    const p90 = this.quantile(0.9, total, upper, exponentialOnly);
    const p99 = this.quantile(0.99, total, upper, exponentialOnly);
    return [p50, p90, p99];
  }

  /**
   * Bisection on the CDF, 40 halvings (far below a microsecond). Mids the bracket settles are not
   * evaluated: the comparison's answer there is proven (exponential-bracket.ts), so lo and hi, and the
   * result, are those of evaluating every one.
   */
  private quantile(q: number, total: number, upper: number, exponentialOnly: boolean): number {
    const bracket = this.bracket;
    if (exponentialOnly) exponentialBracket(this, total, q, bracket.root, bracket);
    const { below, above } = bracket;
    let lo = 0;
    let hi = upper;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (mid <= below || (mid < above && this.cdf(mid, total) < q)) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
}

/**
 * A period's bucketed components: weights summed per key, keys in the order first seen (what a Map gave),
 * in typed arrays with an open-addressing index, cleared and reused period after period (issue 15).
 */
export class OpenBuckets {
  keys = new Float64Array(64);
  weights = new Float64Array(64);
  length = 0;
  /** Position + 1 of each key by hash; 0: empty. Twice the capacity or more, a power of two. */
  private index = new Int32Array(128);

  clear(): void {
    this.length = 0;
    this.index.fill(0);
  }

  /** Where `key` is, or −(insertion point + 1) of its empty hash slot. */
  private find(key: number): number {
    const mask = this.index.length - 1;
    let h = Math.imul(key | 0, 0x9e3779b1) & mask;
    for (;;) {
      const at = this.index[h]!;
      if (at === 0) return -(h + 1);
      const k = this.keys[at - 1]!;
      if (k === key || (k !== k && key !== key)) return at - 1;
      h = (h + 1) & mask;
    }
  }

  /** The weight summed so far for `key` (0 when not seen), as Map.get(key) ?? 0 gave it. */
  weightOf(key: number): number {
    const at = this.find(key);
    return at >= 0 ? this.weights[at]! : 0;
  }

  /**
   * Where `key`'s weight is in `weights`, the key added at the end with weight 0 when it is new: a sum
   * then continues in place from what weightOf would give, with one hash probe instead of two.
   * `weights` may be replaced by a growth here, so read it after this call.
   */
  indexOf(key: number): number {
    const at = this.find(key);
    if (at >= 0) return at;
    this.set(key, 0);
    return this.length - 1;
  }

  /** Sets `key`'s weight, adding the key at the end when it is new (Map.set). */
  set(key: number, weight: number): void {
    const at = this.find(key);
    if (at >= 0) {
      this.weights[at] = weight;
      return;
    }
    if (this.length === this.keys.length) {
      this.growEntries();
      this.set(key, weight);
      return;
    }
    this.keys[this.length] = key;
    this.weights[this.length] = weight;
    this.index[-at - 1] = ++this.length;
  }

  private growEntries(): void {
    const capacity = this.keys.length * 2;
    const keys = new Float64Array(capacity);
    const weights = new Float64Array(capacity);
    keys.set(this.keys);
    weights.set(this.weights);
    this.keys = keys;
    this.weights = weights;
    this.index = new Int32Array(capacity * 2);
    const mask = this.index.length - 1;
    for (let i = 0; i < this.length; i++) {
      let h = Math.imul(this.keys[i]! | 0, 0x9e3779b1) & mask;
      while (this.index[h] !== 0) h = (h + 1) & mask;
      this.index[h] = i + 1;
    }
  }
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
