/**
 * Statistics that mean something for each Lambda metric (docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html):
 * invocation metrics are counts, viewed as Sum; ConcurrentExecutions is viewed as Maximum; Duration and
 * AsyncEventAge as Average / Minimum / Maximum. Duration percentiles would need the metric store to hold
 * log-normal components (its distributions are mixtures of exponentials, fit for queueing response times).
 */
import type { MetricStat } from '../../../contract/model';

export const LAMBDA_METRIC_STATS: Record<string, MetricStat[]> = {
  Invocations: ['Sum'],
  Errors: ['Sum'],
  Throttles: ['Sum'],
  Duration: ['Average', 'Minimum', 'Maximum'],
  ConcurrentExecutions: ['Maximum'],
  UnreservedConcurrentExecutions: ['Maximum'],
  AsyncEventsReceived: ['Sum'],
  AsyncEventAge: ['Average', 'Maximum'],
  AsyncEventsDropped: ['Sum'],
  // Flightdeck/Lambda: what AWS reports only in REPORT log lines.
  ColdStarts: ['Sum'],
  InitDuration: ['Average'],
};
