/** World → the contract's domain model, under AWS field names (the same shapes AwsSource produces). */
import type { AutoScalingGroup, Inventory, LoadBalancer, MetricAlarm, MetricSeries, ScalingActivity, TargetGroup } from '../../contract/model';
import { standardStats } from './cloudwatch/metric-catalog';
import type { MetricStore } from './cloudwatch/metric-store';
import { toScalingActivity } from './engine';
import type { World } from './world';

export function exportInventory(world: World): Inventory {
  const loadBalancers: LoadBalancer[] = [...world.loadBalancers.values()].map((lb) => ({
    loadBalancerArn: lb.arn,
    loadBalancerName: lb.name,
    dnsName: lb.dnsName,
    scheme: lb.scheme,
    state: 'active',
    availabilityZones: lb.availabilityZones,
    listeners: lb.listeners.map((listener) => ({
      listenerArn: listener.arn,
      port: listener.port,
      protocol: listener.protocol,
      rules: listener.defaultTargetGroupArn
        ? [{ ruleArn: `${listener.arn.replace(':listener/', ':listener-rule/')}/default`, priority: 'default', isDefault: true, conditions: [], actions: [{ type: 'forward' as const, targetGroups: [{ targetGroupArn: listener.defaultTargetGroupArn, weight: 1 }] }] }]
        : [],
    })),
  }));
  const targetGroups: TargetGroup[] = [...world.targetGroups.values()].map((group) => ({
    targetGroupArn: group.arn,
    targetGroupName: group.name,
    protocol: group.protocol,
    port: group.port,
    targetType: group.targetType,
    healthCheckPath: group.healthCheckPath,
    healthCheck: {
      protocol: group.protocol,
      path: group.healthCheckPath,
      intervalSeconds: group.healthCheckIntervalSeconds,
      timeoutSeconds: group.healthCheckTimeoutSeconds,
      healthyThresholdCount: group.healthyThresholdCount,
      unhealthyThresholdCount: group.unhealthyThresholdCount,
      matcher: '200',
    },
    deregistrationDelaySeconds: group.deregistrationDelaySeconds,
    loadBalancerArns: group.loadBalancerArns,
    targets: [...group.targets.values()].map((target) => ({
      targetId: target.id,
      port: target.port,
      availabilityZone: target.availabilityZone,
      state: target.state,
      ...(target.reason ? { reason: target.reason } : {}),
      ...(target.description ? { description: target.description } : {}),
    })),
  }));
  const autoScalingGroups: AutoScalingGroup[] = [...world.autoScalingGroups.values()].map((group) => ({
    autoScalingGroupName: group.name,
    minSize: group.minSize,
    maxSize: group.maxSize,
    desiredCapacity: group.desiredCapacity,
    defaultCooldown: group.defaultCooldown,
    healthCheckType: group.healthCheckType,
    healthCheckGracePeriod: group.healthCheckGracePeriod,
    availabilityZones: group.availabilityZones,
    targetGroupARNs: group.targetGroupArns,
    instances: [...group.instances.values()].map((instance) => ({
      instanceId: instance.instanceId,
      availabilityZone: instance.availabilityZone,
      lifecycleState: instance.lifecycleState,
      healthStatus: instance.healthStatus,
      launchTime: new Date(instance.launchTime).toISOString(),
    })),
    policies: group.policies.map((policy) => ({
      policyName: policy.policyName,
      policyType: policy.policyType,
      targetValue: policy.targetValue,
      predefinedMetricType: policy.predefinedMetricType,
      alarmNames: policy.disableScaleIn ? [policy.alarmHigh] : [policy.alarmHigh, policy.alarmLow],
    })),
    scheduledActions: [],
  }));
  return { loadBalancers, targetGroups, autoScalingGroups, alarms: exportAlarms(world), hostedZones: [], recordSets: [], healthChecks: [], dbInstances: [], lambdaFunctions: [] };
}

export function exportAlarms(world: World): MetricAlarm[] {
  return [...world.alarms.values()].map(({ definition, state, stateReason, stateUpdated }) => ({
    alarmName: definition.alarmName,
    alarmArn: definition.alarmArn,
    namespace: definition.namespace,
    metricName: definition.metricName,
    dimensions: { ...definition.dimensions },
    statistic: definition.statistic,
    period: definition.period,
    evaluationPeriods: definition.evaluationPeriods,
    datapointsToAlarm: definition.datapointsToAlarm,
    threshold: definition.threshold,
    comparisonOperator: definition.comparisonOperator,
    treatMissingData: definition.treatMissingData,
    alarmActions: [...definition.alarmActions],
    stateValue: state,
    stateReason,
    stateUpdatedTimestamp: new Date(stateUpdated).toISOString(),
  }));
}

/** All groups' activities, newest first like DescribeScalingActivities (ties: by group, then id). */
export function exportActivities(world: World, limit = Infinity): ScalingActivity[] {
  const all = [...world.autoScalingGroups.values()].flatMap((group) => group.activities);
  const sorted = all.map((activity, index) => ({ activity, index })).sort((a, b) => b.activity.startTime - a.activity.startTime || b.index - a.index);
  return sorted.slice(0, limit).map(({ activity }) => toScalingActivity(activity));
}

/** Every series at its standard statistics, points in [from, to) epoch seconds. */
export function exportMetrics(store: MetricStore, fromEpochSeconds = -Infinity, toEpochSeconds = Infinity): MetricSeries[] {
  const out: MetricSeries[] = [];
  for (const series of store.all()) {
    for (const stat of standardStats(series.metricName)) {
      out.push({
        namespace: series.namespace,
        metricName: series.metricName,
        dimensions: { ...series.dimensions },
        stat,
        period: series.period,
        points: series.points(stat, fromEpochSeconds, toEpochSeconds),
      });
    }
  }
  return out;
}
