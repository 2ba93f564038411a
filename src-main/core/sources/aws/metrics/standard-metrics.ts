/** The series to poll for an inventory: the shared catalog (core/metric-catalog.ts) per resource. */
import type { Inventory, MetricKey } from '../../../contract/model';
import {
  autoScalingGroupMetrics,
  dbInstanceMetrics,
  httpApiMetrics,
  lambdaAccountMetrics,
  lambdaFunctionMetrics,
  loadBalancerDimension,
  loadBalancerMetrics,
  targetGroupDimension,
  targetGroupMetrics,
  webAclMetrics,
} from '../../../metric-catalog';
import { PERIOD_OF } from './cpu-monitoring';

export function standardMetricKeys(inventory: Inventory): MetricKey[] {
  const keys: MetricKey[] = [];
  for (const lb of inventory.loadBalancers) keys.push(...loadBalancerMetrics(loadBalancerDimension(lb.loadBalancerArn)));
  for (const tg of inventory.targetGroups) {
    // Target-group metrics exist per (load balancer, target group) pair.
    for (const lbArn of tg.loadBalancerArns) keys.push(...targetGroupMetrics(loadBalancerDimension(lbArn), targetGroupDimension(tg.targetGroupArn)));
  }
  // EC2 CPU at the period it is published at; not known yet: 5 minutes, the default (basic).
  for (const group of inventory.autoScalingGroups) keys.push(...autoScalingGroupMetrics(group.autoScalingGroupName, PERIOD_OF[group.instanceMonitoring ?? 'basic']));
  for (const db of inventory.dbInstances) keys.push(...dbInstanceMetrics(db.dbInstanceIdentifier, db.readReplicaSourceDBInstanceIdentifier !== undefined));
  for (const fn of inventory.lambdaFunctions) keys.push(...lambdaFunctionMetrics(fn.functionName));
  // AWS/WAFV2 per web ACL: its totals (ALL), its default action and each rule (waf-metrics.html).
  for (const acl of inventory.webAcls) keys.push(...webAclMetrics(acl.metricName, acl.rules.map((rule) => rule.metricName), acl.region));
  if (inventory.lambdaFunctions.length > 0) keys.push(...lambdaAccountMetrics());
  // The HTTP APIs in front of the functions (their triggers), once each.
  const apis = new Set(inventory.lambdaFunctions.flatMap((fn) => (fn.triggers ?? []).flatMap((t) => (t.kind === 'apiGateway' ? [t.apiId] : []))));
  for (const apiId of apis) keys.push(...httpApiMetrics(apiId));
  return keys;
}
