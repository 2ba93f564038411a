/**
 * Target tracking scaling (ASG-6). The policy owns two CloudWatch alarms, named like AWS names them:
 * AlarmHigh (3 of 3 one-minute periods above the target) and AlarmLow (15 of 15 periods below 90 % of
 * it). Scale-out is proportional and immediate; scale-in is gradual.
 * docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
 */
import type { AlarmDefinition } from '../cloudwatch/alarm';
import type { SimAutoScalingGroup, SimTargetTrackingPolicy } from './asg-state';

/**
 * AWS does not document its alarm thresholds; these are what the console shows for a new policy
 * (AlarmHigh: 3 datapoints within 3 minutes; AlarmLow: 15 within 15 minutes at 90 % of the target).
 */
export const TARGET_TRACKING_ALARMS = { highPeriods: 3, lowPeriods: 15, lowFactor: 0.9 };

/** AWS does not document how much one scale-in removes; we remove at most 10 % (at least 1) per period. */
export const SCALE_IN_STEP_FRACTION = 0.1;

/**
 * ASG-14: the metric each predefined metric type tracks (as-scaling-target-tracking.html,
 * API_PredefinedMetricSpecification.html). ALBRequestCountPerTarget watches RequestCountPerTarget of
 * the target group its ResourceLabel names, with the Sum statistic (the only one the ALB metric
 * page allows: it "represents the average"). Types not listed are refused when the scenario loads.
 */
export function trackedMetric(policy: SimTargetTrackingPolicy): Pick<AlarmDefinition, 'namespace' | 'metricName' | 'dimensions' | 'statistic'> {
  switch (policy.predefinedMetricType) {
    case 'ASGAverageCPUUtilization':
      return { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { AutoScalingGroupName: policy.autoScalingGroupName }, statistic: 'Average' };
    case 'ALBRequestCountPerTarget': {
      const targetGroup = /(targetgroup\/[^/]+\/[^/]+)$/.exec(policy.resourceLabel ?? '')?.[1];
      if (!targetGroup) throw new Error(`policy ${policy.policyName}: ALBRequestCountPerTarget needs a ResourceLabel ending in targetgroup/<name>/<id>`);
      return { namespace: 'AWS/ApplicationELB', metricName: 'RequestCountPerTarget', dimensions: { TargetGroup: targetGroup }, statistic: 'Sum' };
    }
    default:
      throw new Error(`policy ${policy.policyName}: PredefinedMetricType ${policy.predefinedMetricType} is not simulated`);
  }
}

export function targetTrackingAlarms(policy: SimTargetTrackingPolicy, region: string, accountId: string): AlarmDefinition[] {
  const base = {
    ...trackedMetric(policy),
    period: 60,
    treatMissingData: 'missing' as const,
    alarmActions: [policy.policyArn],
  };
  const arn = (name: string) => `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`;
  const alarms: AlarmDefinition[] = [
    {
      ...base,
      alarmName: policy.alarmHigh,
      alarmArn: arn(policy.alarmHigh),
      evaluationPeriods: TARGET_TRACKING_ALARMS.highPeriods,
      datapointsToAlarm: TARGET_TRACKING_ALARMS.highPeriods,
      threshold: policy.targetValue,
      comparisonOperator: 'GreaterThanThreshold',
    },
  ];
  if (!policy.disableScaleIn) {
    alarms.push({
      ...base,
      alarmName: policy.alarmLow,
      alarmArn: arn(policy.alarmLow),
      evaluationPeriods: TARGET_TRACKING_ALARMS.lowPeriods,
      datapointsToAlarm: TARGET_TRACKING_ALARMS.lowPeriods,
      threshold: Math.round(policy.targetValue * TARGET_TRACKING_ALARMS.lowFactor * 1000) / 1000,
      comparisonOperator: 'LessThanThreshold',
    });
  }
  return alarms;
}

/**
 * The capacity a target-tracking policy asks for when one of its alarms is in ALARM.
 * Scale-out: ceil(inService × metric / target), never below the current desired capacity (so
 * instances still warming up are not ordered twice). Scale-in: toward the same proportional
 * figure, at most SCALE_IN_STEP_FRACTION of the group at a time.
 */
export function targetTrackingCapacity(
  policy: SimTargetTrackingPolicy,
  group: Pick<SimAutoScalingGroup, 'desiredCapacity'>,
  inService: number,
  metricValue: number,
  alarmName: string,
): number | undefined {
  const proportional = Math.ceil((Math.max(1, inService) * metricValue) / policy.targetValue);
  if (alarmName === policy.alarmHigh) {
    return proportional > group.desiredCapacity ? proportional : undefined;
  }
  if (alarmName === policy.alarmLow && !policy.disableScaleIn) {
    if (proportional >= group.desiredCapacity) return undefined;
    const maxStep = Math.max(1, Math.floor(group.desiredCapacity * SCALE_IN_STEP_FRACTION));
    return Math.max(proportional, group.desiredCapacity - maxStep);
  }
  return undefined;
}
