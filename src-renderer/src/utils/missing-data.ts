/**
 * Missing CloudWatch periods, drawn as what they mean instead of a straight line between the points
 * around them (issue: a 30-minute diagonal from a start-up 5XX spike to an outage read as errors
 * slowly declining):
 * - counts that CloudWatch publishes only when non-zero (ALB HTTPCode_*_Count, RequestCount; the
 *   load-balancer-cloudwatch-metrics page: "reported if the value is non-zero" / "only when requests
 *   flow") are zero in a missing period, so the line drops to zero and stays there;
 * - every other metric has a gap: the line breaks (ECharts breaks a line at a null value).
 * Pure, so it is tested directly.
 */
import type { MetricQuery } from './metric-key';

export type Point = [number, number];
export type GapPoint = [number, number | null];
export type MissingMode = 'zero' | 'gap';

/** A period is missing when the next point is more than 1.5 periods away. */
const MISSING_FACTOR = 1.5;

/** Whether an absent datapoint of this series means zero (counts published only when non-zero). */
export function missingMeansZero(query: MetricQuery): boolean {
  if (query.stat !== 'Sum') return false;
  if (query.namespace === 'AWS/ApplicationELB') return /_Count$/.test(query.metricName) || query.metricName === 'RequestCount' || query.metricName === 'RequestCountPerTarget';
  if (query.namespace === 'AWS/WAFV2' || query.namespace === 'AWS/ApiGateway') return true;
  return false;
}

/** The series' period: the smallest step between consecutive points (undefined with fewer than 2). */
export function estimatePeriod(points: readonly Point[]): number | undefined {
  let step = Infinity;
  for (let i = 1; i < points.length; i++) {
    const d = points[i]![0] - points[i - 1]![0];
    if (d > 0 && d < step) step = d;
  }
  return Number.isFinite(step) ? step : undefined;
}

/**
 * Zero-fills missing periods of a count: one zero a period after the last point before a gap and
 * one a period before the first point after it (the line drops, runs along zero, rises), and, up
 * to `horizon` (the newest time another series of the chart has data for), after the last point.
 */
export function fillZeros(points: readonly Point[], period: number, horizon?: number): Point[] {
  if (points.length === 0) return points as Point[];
  const out: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    const prev = out[out.length - 1];
    if (prev && point[0] - prev[0] > MISSING_FACTOR * period) {
      out.push([prev[0] + period, 0]);
      if (point[0] - period > prev[0] + period) out.push([point[0] - period, 0]);
    }
    out.push(point);
  }
  const last = out[out.length - 1]!;
  if (horizon !== undefined && horizon - last[0] >= MISSING_FACTOR * period) {
    out.push([last[0] + period, 0]);
    if (horizon > last[0] + period) out.push([horizon, 0]);
  }
  return out;
}

/** Times inside each missing stretch (half a period after the point before it), in order. */
export function gapTimes(points: readonly Point[], period: number): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]![0];
    if (points[i]![0] - before > MISSING_FACTOR * period) gaps.push(before + period / 2);
  }
  return gaps;
}

/** Inserts a null at each gap time into time-ordered (possibly downsampled) points: the line breaks there. */
export function withBreaks(points: readonly Point[], gaps: readonly number[]): GapPoint[] {
  if (gaps.length === 0) return points as GapPoint[];
  const out: GapPoint[] = [];
  let g = 0;
  for (const point of points) {
    while (g < gaps.length && gaps[g]! < point[0]) {
      if (out.length > 0) out.push([gaps[g]!, null]);
      g++;
    }
    out.push(point);
  }
  return out;
}
