/**
 * Which recorded series a twin is built from and compared with (docs/twin.md): per load balancer and
 * target group the requests and response time, per Auto Scaling group CPU and instances in service,
 * per function its invocations, per DB instance its connections. Each at one period over the window;
 * AWS mode reads them in one batched GetMetricData pass (sources/aws/twin/read-history.ts).
 */
import type { Inventory } from '../contract/model-inventory';
import { loadBalancerDimension, targetGroupDimension } from '../metric-catalog';

export interface HistoryQuery {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: 'Sum' | 'Average';
}

/** CloudWatch keeps 1-minute data 15 days and 5-minute data 63 days (CloudWatch concepts, "Metrics retention"). */
export const DEFAULT_PERIOD_SECONDS = 300;

/** The period for a window: 5 minutes, longer when the window would hold more values than a Steps curve takes. */
export function periodFor(windowSeconds: number, maxValues = 1_000): number {
  const minutes = Math.max(DEFAULT_PERIOD_SECONDS / 60, Math.ceil(windowSeconds / maxValues / 60));
  return minutes * 60;
}

export function historyQueries(inventory: Inventory): HistoryQuery[] {
  const queries: HistoryQuery[] = [];
  const elb = (metricName: string, dimensions: Record<string, string>, stat: 'Sum' | 'Average') => queries.push({ namespace: 'AWS/ApplicationELB', metricName, dimensions, stat });
  for (const lb of inventory.loadBalancers) {
    const LoadBalancer = loadBalancerDimension(lb.loadBalancerArn);
    elb('RequestCount', { LoadBalancer }, 'Sum');
    elb('TargetResponseTime', { LoadBalancer }, 'Average');
    for (const tg of inventory.targetGroups.filter((t) => t.loadBalancerArns.includes(lb.loadBalancerArn))) {
      elb('RequestCount', { LoadBalancer, TargetGroup: targetGroupDimension(tg.targetGroupArn) }, 'Sum');
    }
  }
  for (const group of inventory.autoScalingGroups) {
    queries.push({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { AutoScalingGroupName: group.autoScalingGroupName }, stat: 'Average' });
    queries.push({ namespace: 'AWS/AutoScaling', metricName: 'GroupInServiceInstances', dimensions: { AutoScalingGroupName: group.autoScalingGroupName }, stat: 'Average' });
  }
  for (const fn of inventory.lambdaFunctions) queries.push({ namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: { FunctionName: fn.functionName }, stat: 'Sum' });
  for (const db of inventory.dbInstances) queries.push({ namespace: 'AWS/RDS', metricName: 'DatabaseConnections', dimensions: { DBInstanceIdentifier: db.dbInstanceIdentifier }, stat: 'Average' });
  return queries;
}

/** The same series, matched by namespace, name, statistic and dimensions. */
export function seriesKey(s: { namespace: string; metricName: string; stat: string; dimensions: Record<string, string> }): string {
  const dims = Object.entries(s.dimensions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${s.namespace}|${s.metricName}|${s.stat}|${dims}`;
}
