/**
 * The error figure of a twin (docs/twin.md): the weighted absolute percentage error,
 * WAPE = Σ|twin − real| / Σ|real| over the periods where both have a value. Chosen over MAPE, which
 * is undefined or explodes on periods where the real value is 0 or near it (a quiet night's request
 * count, an idle CPU), and over RMSE, whose unit differs per series (percent, instances, seconds),
 * so figures for CPU, capacity and latency could not be read side by side. A figure is given only
 * from MIN_FIT_POINTS paired periods up: below that it is "not enough data", never a number.
 */

/** One hour of 5-minute periods (our choice): fewer paired points say too little to be a figure. */
export const MIN_FIT_POINTS = 12;

export interface Wape {
  points: number;
  /** null when there are fewer than MIN_FIT_POINTS pairs, or the real series is all zero while the twin's is not. */
  error: number | null;
}

export function wape(pairs: [twin: number, real: number][]): Wape {
  if (pairs.length < MIN_FIT_POINTS) return { points: pairs.length, error: null };
  let diff = 0;
  let total = 0;
  for (const [twin, real] of pairs) {
    diff += Math.abs(twin - real);
    total += Math.abs(real);
  }
  if (total === 0) return { points: pairs.length, error: diff === 0 ? 0 : null };
  return { points: pairs.length, error: diff / total };
}

/** Least squares through the origin: the c that minimises Σ(y − c·x)², for y = c·x models. */
export function slopeThroughOrigin(pairs: [x: number, y: number][]): number | undefined {
  let xy = 0;
  let xx = 0;
  for (const [x, y] of pairs) {
    xy += x * y;
    xx += x * x;
  }
  return xx > 0 ? Math.max(0, xy / xx) : undefined;
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
