/**
 * Which statistics are meaningful for each metric, per the AWS metric reference pages
 * (ALB: load-balancer-cloudwatch-metrics.html; EC2: viewing_metrics_with_cloudwatch.html;
 * Auto Scaling: ec2-auto-scaling-cloudwatch-monitoring.html). Counts are summed; gauges averaged.
 */
import type { MetricStat } from '../../../contract/model';

const STATS: Record<string, MetricStat[]> = {
  RequestCount: ['Sum'],
  HTTPCode_Target_5XX_Count: ['Sum'],
  HTTPCode_ELB_5XX_Count: ['Sum'],
  HTTPCode_ELB_503_Count: ['Sum'],
  TargetResponseTime: ['Average', 'Maximum'],
  HealthyHostCount: ['Average'],
  UnHealthyHostCount: ['Average'],
  CPUUtilization: ['Average'],
  GroupDesiredCapacity: ['Average'],
  GroupInServiceInstances: ['Average'],
  GroupPendingInstances: ['Average'],
  GroupMinSize: ['Average'],
  GroupMaxSize: ['Average'],
};

export function standardStats(metricName: string): MetricStat[] {
  return STATS[metricName] ?? ['Average'];
}
