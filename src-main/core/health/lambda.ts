/**
 * Lambda: Errors / Invocations and Throttles / (Invocations + Throttles) over the window — a
 * throttled request is not an invocation (LAM-3) — and concurrency at its limit: the function's
 * reserved concurrency, or the account's (ConcurrentExecutions without dimensions).
 * docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
import type { HealthReason, LambdaFunction, ResourceHealth } from '../contract/model';
import type { HealthInput } from './input';
import { percent, type MetricWindow } from './metric-window';
import { reason, resource } from './status';

const LAMBDA = 'AWS/Lambda';

function share(part: number, whole: number, degraded: number, failing: number, minimum: number): 'degraded' | 'failing' | undefined {
  if (whole < minimum || part <= 0) return undefined;
  const value = (part / whole) * 100;
  return value >= failing ? 'failing' : value >= degraded ? 'degraded' : undefined;
}

/** The Lambda rules for one function; also how a Lambda target group with health checks off is judged (load-balancing.ts). */
export function functionReasons(fn: LambdaFunction, input: HealthInput, window: MetricWindow): HealthReason[] {
  const t = input.thresholds;
  const subject = fn.functionName;
  const reasons: HealthReason[] = [];
  if (fn.state === 'Failed') reasons.push(reason('fn.state', 'failing', subject, { state: fn.state }));
  else if (fn.state === 'Pending') reasons.push(reason('fn.state', 'unknown', subject, { state: fn.state }));
  if (fn.reservedConcurrentExecutions === 0) reasons.push(reason('fn.reservedZero', 'degraded', subject, {}));
  if (!window.ready) {
    reasons.push(reason(window.notReady, 'unknown', subject, {}));
    return reasons;
  }
  const dims = { FunctionName: fn.functionName };
  const invocations = window.sum(LAMBDA, 'Invocations', dims);
  const errors = window.sum(LAMBDA, 'Errors', dims);
  const throttles = window.sum(LAMBDA, 'Throttles', dims);
  const errorStatus = share(errors, invocations, t.lambdaErrorDegradedPercent, t.lambdaErrorFailingPercent, t.minRequests);
  if (errorStatus) reasons.push(reason('fn.errors', errorStatus, subject, { percent: percent(errors, invocations), errors: Math.round(errors), invocations: Math.round(invocations), minutes: window.minutes }));
  const throttleStatus = share(throttles, invocations + throttles, t.lambdaThrottleDegradedPercent, t.lambdaThrottleFailingPercent, t.minRequests);
  if (throttleStatus) reasons.push(reason('fn.throttles', throttleStatus, subject, { percent: percent(throttles, invocations + throttles), throttles: Math.round(throttles), requests: Math.round(invocations + throttles), minutes: window.minutes }));
  const reserved = fn.reservedConcurrentExecutions;
  const peak = window.peak(LAMBDA, 'ConcurrentExecutions', dims);
  if (reserved !== undefined && reserved > 0 && peak !== undefined && peak >= reserved) {
    reasons.push(reason('fn.concurrencyLimit', 'degraded', subject, { peak: Math.round(peak), limit: reserved, scope: 'reserved' }));
  }
  return reasons;
}

export function evaluateLambda(input: HealthInput, window: MetricWindow): { resources: ResourceHealth[]; account: HealthReason[]; counts: Record<string, number> } {
  const functions = input.inventory.lambdaFunctions;
  const resources = functions.map((fn) => resource('lambdaFunction', fn.functionArn, fn.functionName, functionReasons(fn, input, window)));
  const account: HealthReason[] = [];
  const limit = input.inventory.lambdaAccount?.concurrentExecutionsLimit;
  const peak = window.ready ? window.peak(LAMBDA, 'ConcurrentExecutions', {}) : undefined;
  if (functions.length > 0 && limit !== undefined && peak !== undefined && peak >= limit) {
    account.push(reason('fn.concurrencyLimit', 'degraded', 'account', { peak: Math.round(peak), limit, scope: 'account' }));
  }
  const throttled = resources.filter((r) => r.reasons.some((x) => x.code === 'fn.throttles' || x.code === 'fn.reservedZero')).length;
  return { resources, account, counts: { functions: functions.length, throttled, failing: resources.filter((r) => r.status === 'failing').length } };
}
