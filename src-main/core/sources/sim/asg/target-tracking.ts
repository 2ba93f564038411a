/**
 * Target tracking scaling (ASG-6). The policy owns two CloudWatch alarms, named like AWS names them:
 * AlarmHigh (3 of 3 one-minute periods above the target) and AlarmLow (15 of 15 periods below 90 % of
 * it). Scale-out is proportional and immediate; scale-in is gradual.
 * docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
 */
import type { AlarmDefinition } from '../cloudwatch/alarm';
import type { SimAutoScalingGroup, SimTargetTrackingPolicy } from '../world';

/**
 * AWS does not document its alarm thresholds; these are what the console shows for a new policy
 * (AlarmHigh: 3 datapoints within 3 minutes; AlarmLow: 15 within 15 minutes at 90 % of the target).
 */
export const TARGET_TRACKING_ALARMS = { highPeriods: 3, lowPeriods: 15, lowFactor: 0.9 };

/** AWS does not document how much one scale-in removes; we remove at most 10 % (at least 1) per period. */
export const SCALE_IN_STEP_FRACTION = 0.1;

const PREDEFINED_METRICS: Record<string, { namespace: string; metricName: string }> = {
  ASGAverageCPUUtilization: { namespace: 'AWS/EC2', metricName: 'CPUUtilization' },
  ASGAverageNetworkIn: { namespace: 'AWS/EC2', metricName: 'NetworkIn' },
  ASGAverageNetworkOut: { namespace: 'AWS/EC2', metricName: 'NetworkOut' },
};

export function targetTrackingAlarms(policy: SimTargetTrackingPolicy, region: string, accountId: string): AlarmDefinition[] {
  const metric = PREDEFINED_METRICS[policy.predefinedMetricType] ?? PREDEFINED_METRICS.ASGAverageCPUUtilization!;
  const base = {
    namespace: metric.namespace,
    metricName: metric.metricName,
    dimensions: { AutoScalingGroupName: policy.autoScalingGroupName },
    statistic: 'Average' as const,
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
