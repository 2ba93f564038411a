/**
 * What the health model reads: the contract's domain model as both sources produce it, the clock,
 * and the operator's thresholds. Plain data in, verdicts out — no source, no SDK, no simulator.
 */
import type { DatasetStatuses, HealthThresholds, Inventory, MetricSeries, RdsEvent, ScalingActivity } from '../contract/model';

export interface HealthInput {
  /** Epoch ms the verdicts are for (virtual time in simulation, the wall clock on AWS). */
  now: number;
  inventory: Inventory;
  /** Recent CloudWatch series (at least the threshold window); older points are ignored. */
  metrics: readonly MetricSeries[];
  scalingActivities: readonly ScalingActivity[];
  rdsEvents: readonly RdsEvent[];
  /** AWS mode: each service's freshness. Empty in simulation (never stale). */
  datasets: DatasetStatuses;
  /** Epoch ms from which metric periods can exist (a simulation's start); none before the first closes. */
  metricsSince?: number;
  /** How far CloudWatch lags behind `now` (AWS: datapoints appear a minute or two late; simulation: 0). */
  metricsDelaySeconds?: number;
  thresholds: HealthThresholds;
}
