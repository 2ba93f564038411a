/**
 * The end of a tick for one function (LAM-5): its metrics in AWS/Lambda and Flightdeck/Lambda, its warm
 * environments, and the throttling transitions on the timeline.
 */
import type { WholeCounts } from '../cloudwatch/whole-counts';
import type { SimContext } from '../sim-context';
import { emptyTotals, LAMBDA_DEFAULTS, type LimitReason, type SimFunction } from './sim-function';

export const NAMESPACE = 'AWS/Lambda';
const OWN_NAMESPACE = 'Flightdeck/Lambda';

export const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** What limited a function's concurrency, and the limit's value, for the timeline. */
export interface ConcurrencyLimit {
  reason: LimitReason;
  value: number;
}

/** The limit in English, for the CLI and logs (the window words it from the timeline code). */
export function limitEnglish(limit: ConcurrencyLimit): string {
  if (limit.reason === 'reserved') return `its reserved concurrency of ${limit.value}`;
  if (limit.reason === 'scaling') return `the scaling rate of ${count(limit.value)} new execution environments per 10 s`;
  return `the account's unreserved concurrency of ${count(limit.value)}`;
}

/** `limitOf` says what limited the function's concurrency, for the timeline. */
export function endFunctionTick(ctx: Pick<SimContext, 'metrics' | 'recordTimeline'>, fn: SimFunction, now: number, whole: WholeCounts, limitOf: (reason: LimitReason | undefined) => ConcurrencyLimit): void {
  const t = fn.totals;
  const at = Math.floor(now / 1000);
  const dims = fn.dimensions;
  const metrics = ctx.metrics;
  // putFor: the series are cached per function, so a tick does not rebuild dimension keys.
  const put = (name: string, value: number) => metrics.putFor(fn, NAMESPACE, name, dims, at, value);
  // CW-5: counts are whole numbers; the model's expected values carry their fractions to the next tick.
  const putCount = (name: string, value: number) => put(name, whole.take(`${fn.name}|${name}`, value));
  if (t.invocations + t.throttles > 0) {
    putCount('Invocations', t.invocations);
    putCount('Errors', t.errors);
    putCount('Throttles', t.throttles);
    // Executions in flight are whole: 0.52 of an execution on average is one running part of the time.
    put('ConcurrentExecutions', Math.ceil(fn.usedConcurrency - 1e-9));
    if (t.invocations > 0) {
      metrics.putStatisticsFor(fn, NAMESPACE, 'Duration', dims, at, { count: t.invocations, sum: t.durationSumMs, min: t.durationMinMs, max: t.durationMaxMs });
      // Per-invocation durations are log-normal around this tick's mean: that gives p50/p90/p99.
      metrics.putDistributionFor(fn, NAMESPACE, 'Duration', dims, at, [[t.durationSumMs / t.invocations, t.invocations]], fn.durationSpread);
    }
  }
  if (t.asyncReceived > 0) putCount('AsyncEventsReceived', t.asyncReceived);
  if (t.asyncAgeCount > 0) {
    metrics.putStatisticsFor(fn, NAMESPACE, 'AsyncEventAge', dims, at, { count: t.asyncAgeCount, sum: t.asyncAgeSumMs, min: 0, max: t.asyncAgeMaxMs });
  }
  if (t.asyncDropped > 0) putCount('AsyncEventsDropped', t.asyncDropped);
  if (t.coldStarts > 0) {
    metrics.putFor(fn, OWN_NAMESPACE, 'ColdStarts', dims, at, whole.take(`${fn.name}|ColdStarts`, t.coldStarts));
    metrics.putStatisticsFor(fn, OWN_NAMESPACE, 'InitDuration', dims, at, { count: t.coldStarts, sum: t.coldStarts * fn.coldStartMs, min: fn.coldStartMs, max: fn.coldStartMs });
  }

  fn.warm.record(now, Math.ceil(fn.usedConcurrency - 1e-9));

  if (t.throttles > 1e-9) {
    fn.lastThrottleMs = now;
    if (!fn.throttling) {
      fn.throttling = true;
      const offered = t.invocations + t.throttles;
      const limit = limitOf(t.limitReason);
      ctx.recordTimeline({
        service: 'lambda',
        kind: 'ThrottlingStarted',
        resource: fn.name,
        message: `${fn.name} is throttling: ${count(t.throttles)} of ${count(offered)} invocations refused (429 TooManyRequestsException) at ${count(fn.usedConcurrency)} concurrent executions, limited by ${limitEnglish(limit)}`,
        text: {
          code: 'lambda.throttlingStarted',
          params: { function: fn.name, throttled: Math.round(t.throttles), offered: Math.round(offered), concurrency: Math.round(fn.usedConcurrency), limit: limit.reason, value: limit.value },
        },
        severity: 'warning',
      });
    }
  } else if (fn.throttling && now - fn.lastThrottleMs >= LAMBDA_DEFAULTS.throttlingQuietMs) {
    fn.throttling = false;
    ctx.recordTimeline({
      service: 'lambda',
      kind: 'ThrottlingStopped',
      resource: fn.name,
      message: `${fn.name} stopped throttling: no throttled invocation for ${LAMBDA_DEFAULTS.throttlingQuietMs / 1000} s`,
      text: { code: 'lambda.throttlingStopped', params: { function: fn.name, seconds: LAMBDA_DEFAULTS.throttlingQuietMs / 1000 } },
      severity: 'info',
    });
  }
  fn.totals = emptyTotals();
}
