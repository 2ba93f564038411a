/**
 * Which statistics are meaningful for each metric, per the AWS metric reference pages
 * (ALB: load-balancer-cloudwatch-metrics.html; EC2: viewing_metrics_with_cloudwatch.html;
 * Auto Scaling: ec2-auto-scaling-cloudwatch-monitoring.html). Counts are summed; gauges averaged.
 */
import type { MetricStat } from '../../../contract/model';
import { LAMBDA_METRIC_STATS } from '../lambda/metric-stats';

const STATS: Record<string, MetricStat[]> = {
  RequestCount: ['Sum'],
  HTTPCode_Target_5XX_Count: ['Sum'],
  HTTPCode_ELB_5XX_Count: ['Sum'],
  HTTPCode_ELB_503_Count: ['Sum'],
  HTTPCode_ELB_4XX_Count: ['Sum'],
  HTTPCode_ELB_3XX_Count: ['Sum'],
  // Percentiles come from the per-period response-time distribution (metric-store.ts).
  TargetResponseTime: ['Average', 'p50', 'p90', 'p99'],
  HealthyHostCount: ['Average'],
  UnHealthyHostCount: ['Average'],
  CPUUtilization: ['Average'],
  GroupDesiredCapacity: ['Average'],
  GroupInServiceInstances: ['Average'],
  GroupPendingInstances: ['Average'],
  GroupMinSize: ['Average'],
  GroupMaxSize: ['Average'],
  GroupTerminatingInstances: ['Average'],
  GroupTotalInstances: ['Average'],
  // Flightdeck's own traffic accounting (not an AWS namespace): what clients offered and what found no endpoint.
  OfferedRequests: ['Sum'],
  UnresolvedRequests: ['Sum'],
  // Service modules keep their own metrics' statistics.
  ...LAMBDA_METRIC_STATS,
};

export function standardStats(metricName: string): MetricStat[] {
  return STATS[metricName] ?? ['Average'];
}
