/**
 * What a target group's requests came to in one tick — response codes by who answered, response times
 * as a mixture — and what follows from them: the sampled access-log request's outcome (ALB-12), the
 * TargetResponseTime statistic set (CW-5), the idle timeout's 504s (LBA-4) and the trace id (ALB-9).
 * Pure functions over the tick's numbers; alb-service.ts serves the requests and publishes them.
 */
import type { WeightedValues } from '../cloudwatch/latency-buckets';
import { applyIdleTimeout } from './idle-timeout';

export interface Latency {
  count: number;
  sum: number;
  /**
   * Per-target mean response time (values) and request count (weights), for percentiles (exponential
   * mixture), reused from group to group and tick to tick. Only `length` entries are this group's.
   */
  components: WeightedValues;
  /**
   * The smallest and largest of the components' means (Infinity and -Infinity: none), kept by whoever
   * fills or shifts them, so the statistic set and the idle-timeout check need no pass of their own.
   */
  fastestMean: number;
  slowestMean: number;
}

/** `Root=1-{8 hex digits of epoch seconds}-{24 hex}` (ALB-9; load-balancer-request-tracing.html). */
export function traceId(epochMs: number, random24Hex: string): string {
  return `Root=1-${Math.floor(epochMs / 1000).toString(16).padStart(8, '0')}-${random24Hex}`;
}

/** What one target group's requests came to in a tick, by who answered and with which code. */
export interface StatusCodes {
  target2xx: number;
  /** The application on the target failed (its database or Lambda call). */
  target500: number;
  /** The overloaded target rejected the request. */
  target503: number;
  elb502: number;
  elb503: number;
  elb504: number;
  connectionErrors: number;
}

export interface GroupResult {
  codes: StatusCodes;
  latency: Latency;
}

export function emptyCodes(): StatusCodes {
  return { target2xx: 0, target500: 0, target503: 0, elb502: 0, elb503: 0, elb504: 0, connectionErrors: 0 };
}

export function addCodes(into: StatusCodes, from: StatusCodes): void {
  into.target2xx += from.target2xx;
  into.target500 += from.target500;
  into.target503 += from.target503;
  into.elb502 += from.elb502;
  into.elb503 += from.elb503;
  into.elb504 += from.elb504;
  into.connectionErrors += from.connectionErrors;
}

/** A request drawn in proportion to the tick's outcomes (`draw` in [0, 1)). */
export function pickOutcome(codes: StatusCodes, draw: number): { elb: number; target?: number } {
  const outcomes: [number, { elb: number; target?: number }][] = [
    [codes.target2xx, { elb: 200, target: 200 }],
    [codes.target500, { elb: 500, target: 500 }],
    [codes.target503, { elb: 503, target: 503 }],
    [codes.elb502, { elb: 502 }],
    [codes.elb503, { elb: 503 }],
    [codes.elb504, { elb: 504 }],
  ];
  const total = outcomes.reduce((sum, [n]) => sum + n, 0);
  let at = draw * total;
  for (const [n, outcome] of outcomes) {
    if (at < n) return outcome;
    at -= n;
  }
  return { elb: 200, target: 200 };
}

/**
 * The statistic set of a tick's response times. Each target's times are exponential around its mean,
 * so the fastest and slowest requests lie well beyond the means: Minimum and Maximum are the mixture's
 * 0.1st and 99.9th percentiles (mean × ln(1/0.999) and mean × ln 1000), which keeps p50/p90/p99 inside
 * [Minimum, Maximum] as CloudWatch's are (CW-5).
 */
const FASTEST = -Math.log(0.999);
const SLOWEST = Math.log(1000);

export function statisticSet(latency: Latency) {
  // Scaled once, not per component: a product rounds monotonically, so the smallest mean's product is the
  // smallest product (the same double), and likewise the largest.
  return { count: latency.count, sum: latency.sum, min: latency.fastestMean * FASTEST, max: latency.slowestMean * SLOWEST };
}

/** fastestMean and slowestMean worked out from the components (after they were replaced). */
export function rangeOfMeans(latency: Latency): void {
  let min = Infinity;
  let max = -Infinity;
  const { values: means, length } = latency.components;
  for (let i = 0; i < length; i++) {
    min = Math.min(min, means[i]!);
    max = Math.max(max, means[i]!);
  }
  latency.fastestMean = min;
  latency.slowestMean = max;
}

/**
 * LBA-4 through applyIdleTimeout (idle-timeout.ts), which takes [mean, weight] pairs: only a group
 * with a component past the timeout (rare: 60 s by default) pays for building them.
 */
export function idleTimeout(result: GroupResult, idleSeconds: number): void {
  const components = result.latency.components;
  // A component past the timeout: the slowest is.
  if (!(result.latency.slowestMean > idleSeconds)) return;
  const pairs: [number, number][] = [];
  for (let i = 0; i < components.length; i++) pairs.push([components.values[i]!, components.weights[i]!]);
  const timed = { codes: result.codes, latency: { count: result.latency.count, sum: result.latency.sum, components: pairs } };
  applyIdleTimeout(timed, idleSeconds);
  result.latency.count = timed.latency.count;
  result.latency.sum = timed.latency.sum;
  components.length = 0;
  for (const [mean, weight] of timed.latency.components) components.push(mean, weight);
  rangeOfMeans(result.latency);
}
