/**
 * Fewer CDF evaluations for the period-closing percentiles, with the same answers to the bit (issue 15:
 * 3 × 40 bisection steps, each a mixture CDF, were the metric store's largest cost at 10,000 instances).
 *
 * The bisection (Mixture.percentiles) asks "cdf(mid) < q?" at 40 points; its answer depends only on those
 * yes/no answers. For a mixture of exponentials, the computed CDF F differs from the exact one T (with
 * exact exp, over the same computed total) by at most E = (n + 16)·2⁻⁵² — a bound more than twice the
 * rounding analysis: −x/m, exp (fdlibm, < 1 ulp), 1 − e and w·p each within a few units of 2⁻⁵³ per
 * term, plus (n − 1)·2⁻⁵³ for summing n non-negative terms in order, over the total. T is non-decreasing.
 * So, once F(a) < q − 2E is computed at some a, every mid ≤ a has F(mid) ≤ T(mid) + E ≤ T(a) + E ≤
 * F(a) + 2E < q: the answer is "yes" without evaluating it; likewise F(b) ≥ q + 2E settles every mid ≥ b
 * as "no". Newton's method on ln(survival) finds the quantile in a few CDF-sized sums, then a narrow
 * [a, b] around it is checked with F itself, and the bisection evaluates F only for mids inside it.
 * Log-normal components (Lambda) have no such proven bound here: their mixtures take every step.
 */

/** What the bisection may skip; reused from quantile to quantile (no object per period). */
export class Bracket {
  /** Every x ≤ below has cdf(x) < q. */
  below = -Infinity;
  /** Every x ≥ above has cdf(x) ≥ q. */
  above = Infinity;
  /** The quantile Newton's method found: where the next, larger quantile's search may start. */
  root = 0;

  settleNothing(): void {
    this.below = -Infinity;
    this.above = Infinity;
    this.root = 0;
  }
}

/** An exponential mixture as Mixture holds it; `cdf` is the very function the bisection evaluates. */
export interface ExponentialMixture {
  readonly means: Float64Array;
  readonly weights: Float64Array;
  readonly length: number;
  cdf(x: number, total: number): number;
}

const ULP_OF_ONE = 2 ** -52;

/**
 * Sets `out` to a bracket for quantile q of `mixture` (`total`: its weights' sum as the bisection
 * computed it), or to one that settles nothing when it cannot be proven. `from` should not be past the
 * quantile (0, or a smaller quantile's root); it is only where Newton's method starts.
 */
export function exponentialBracket(mixture: ExponentialMixture, total: number, q: number, from: number, out: Bracket): void {
  out.settleNothing();
  if (!(total > 0) || !(total < Infinity)) return;
  const { means, weights, length } = mixture;
  const bound = (length + 16) * ULP_OF_ONE;
  // Newton on h(x) = ln S(x) − ln((1 − q)·total), S(x) = Σ w·e^(−x/m): h is convex and decreasing, so from
  // the left of the root every step stays left of it and the steps shrink to nothing.
  const target = Math.log((1 - q) * total);
  let x = from;
  let density = 0;
  for (let iteration = 0; iteration < 40; iteration++) {
    let survival = 0;
    let slope = 0;
    for (let i = 0; i < length; i++) {
      const e = Math.exp(-x / means[i]!);
      survival += weights[i]! * e;
      slope += (weights[i]! / means[i]!) * e;
    }
    if (!(survival > 0) || !(slope > 0)) return;
    density = slope / total;
    const step = ((Math.log(survival) - target) * survival) / slope;
    x += step;
    if (!(Math.abs(step) > x * 1e-14)) break;
  }
  if (!(x > 0) || !(density > 0)) return;
  // Wide enough that T moves by several E either side (T' ≈ density there); widened if F says otherwise.
  let half = (8 * bound) / density;
  for (let attempt = 0; attempt < 4; attempt++, half *= 16) {
    const below = x - half;
    const above = x + half;
    // 3E in floating point, for the proof's 2E: q − 3E rounds to within far less than E of its value.
    if (mixture.cdf(below, total) < q - 3 * bound && mixture.cdf(above, total) >= q + 3 * bound) {
      out.below = below;
      out.above = above;
      out.root = x;
      return;
    }
  }
}
