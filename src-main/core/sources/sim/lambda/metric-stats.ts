/**
 * Statistics that mean something for each Lambda metric (docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html):
 * invocation metrics are counts, viewed as Sum; ConcurrentExecutions is viewed as Maximum; Duration and
 * AsyncEventAge as Average / Minimum / Maximum; Duration also p50/p90/p99 (log-normal components in the
 * metric store's distributions).
 */
import type { MetricStat } from '../../../contract/model';

export const LAMBDA_METRIC_STATS: Record<string, MetricStat[]> = {
  Invocations: ['Sum'],
  Errors: ['Sum'],
  Throttles: ['Sum'],
  Duration: ['Average', 'p50', 'p90', 'p99', 'Maximum'],
  ConcurrentExecutions: ['Maximum'],
  UnreservedConcurrentExecutions: ['Maximum'],
  AsyncEventsReceived: ['Sum'],
  AsyncEventAge: ['Average', 'Maximum'],
  AsyncEventsDropped: ['Sum'],
  // Flightdeck/Lambda: what AWS reports only in REPORT log lines.
  ColdStarts: ['Sum'],
  InitDuration: ['Average'],
};
