/**
 * The Auto Scaling and EC2 launch template resource types the simulator understands
 * (AWS::AutoScaling::*, AWS::EC2::LaunchTemplate): their properties (AWS names, from the AWS::*
 * resource reference pages), what `Ref` returns and which `Fn::GetAtt` attributes exist; registered
 * in scenario/resource-registry.ts. docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_AutoScaling.html
 *
 * `ignored` lists real properties that do not change simulated behaviour: they are accepted silently
 * so a real template loads without noise. Anything else not in the schema is reported as a warning.
 */
import { z } from 'zod';
import { cfnBoolean, cfnIntegerIn, cfnNumberIn, cfnString } from '../scenario/cfn-values';
import { listOf, MAX_DAY_SECONDS, MAX_GROUP_INSTANCES, MAX_METRIC_MAGNITUDE, MAX_STEP_ADJUSTMENTS, MAX_TARGET_GROUPS_PER_GROUP } from '../scenario/limits';
import type { ResourceIdentity, ResourceTypeSpec } from '../scenario/resource-spec';
import { CronError, isValidTimeZone, parseCron } from './cron';
import { GROUP_METRICS } from './group-metrics';

const CRON_PROBLEM_CODES = {
  fieldCount: 'autoScaling.recurrenceFieldCount',
  notANumber: 'autoScaling.recurrenceNotANumber',
  badStep: 'autoScaling.recurrenceBadStep',
  outOfRange: 'autoScaling.recurrenceOutOfRange',
} as const satisfies Record<CronError['problem'], string>;

/** Our per-group instance cap and other bounds of the Auto Scaling and CloudWatch properties. */
const instances = (what: string) => cfnIntegerIn(what, 0, MAX_GROUP_INSTANCES, 'instances per Auto Scaling group in the simulator');
const seconds = (what: string) => cfnIntegerIn(what, 0, MAX_DAY_SECONDS, 'one day');
const metricValue = (what: string) => cfnNumberIn(what, -MAX_METRIC_MAGNITUDE, MAX_METRIC_MAGNITUDE);

function scalingPolicyArn(id: ResourceIdentity): string {
  const uuid = `${id.hex.slice(0, 8)}-${id.hex.slice(8, 12)}-${id.hex.slice(12, 16)}-${id.hex.slice(16, 20)}-${id.hex.slice(20, 32)}`;
  return `arn:aws:autoscaling:${id.region}:${id.accountId}:scalingPolicy:${uuid}:autoScalingGroupName/*:policyName/${id.name}`;
}

/** Auto Scaling and EC2 launch templates (ELB types: alb/resource-types.ts; alarms: cloudwatch/alarm-resource-type.ts). */
export const ASG_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::EC2::LaunchTemplate': {
    nameProperty: 'LaunchTemplateName',
    properties: z.object({
      LaunchTemplateName: z.string().optional(),
      LaunchTemplateData: z
        .object({
          InstanceType: z.string().optional(),
          Monitoring: z.object({ Enabled: cfnBoolean.optional() }).optional(),
        })
        .loose()
        .optional(),
    }),
    ref: (id) => `lt-${id.hex.slice(0, 17)}`,
    attributes: {
      LaunchTemplateId: (id) => `lt-${id.hex.slice(0, 17)}`,
      LatestVersionNumber: () => '1',
      DefaultVersionNumber: () => '1',
    },
  },
  'AWS::AutoScaling::AutoScalingGroup': {
    nameProperty: 'AutoScalingGroupName',
    properties: z.object({
      AutoScalingGroupName: z.string().optional(),
      MinSize: instances('MinSize'),
      MaxSize: instances('MaxSize'),
      DesiredCapacity: instances('DesiredCapacity').optional(),
      Cooldown: seconds('Cooldown').optional(),
      // -1 turns the default instance warmup off; else 0–3600 s (ec2 auto scaling user guide).
      DefaultInstanceWarmup: cfnIntegerIn('DefaultInstanceWarmup', -1, 3_600).optional(),
      MetricsCollection: z.array(z.object({ Granularity: z.literal('1Minute'), Metrics: z.array(z.enum(GROUP_METRICS)).optional() })).optional(),
      AvailabilityZones: z.array(z.string()).optional(),
      VPCZoneIdentifier: z.array(z.string()).optional(),
      HealthCheckType: z.enum(['EC2', 'ELB', 'EBS', 'VPC_LATTICE']).optional(),
      HealthCheckGracePeriod: seconds('HealthCheckGracePeriod').optional(),
      TargetGroupARNs: listOf('TargetGroupARNs', z.string(), MAX_TARGET_GROUPS_PER_GROUP, 'AWS quota per Auto Scaling group').optional(),
      LaunchTemplate: z
        .object({ LaunchTemplateId: z.string().optional(), LaunchTemplateName: z.string().optional(), Version: cfnString.optional() })
        .optional(),
      LaunchConfigurationName: z.string().optional(),
      Tags: z.array(z.object({ Key: z.string(), Value: cfnString, PropagateAtLaunch: cfnBoolean.optional() })).optional(),
    }),
    check(properties, report) {
      const { MinSize: min, MaxSize: max, DesiredCapacity: desired } = properties as { MinSize: number; MaxSize: number; DesiredCapacity?: number };
      if (min < 0) report('MinSize', `MinSize ${min} cannot be negative`, { code: 'property.negative', params: { property: 'MinSize', value: min } });
      if (min > max) report('MinSize', `MinSize ${min} is greater than MaxSize ${max}`, { code: 'autoScaling.minAboveMax', params: { min, max } });
      if (desired !== undefined && (desired < min || desired > max)) report('DesiredCapacity', `DesiredCapacity ${desired} is outside [MinSize ${min}, MaxSize ${max}]`, { code: 'autoScaling.desiredOutsideSizes', params: { desired, min, max } });
      if (!properties.AvailabilityZones && !properties.VPCZoneIdentifier) report('AvailabilityZones', 'give AvailabilityZones (e.g. !GetAZs "") or VPCZoneIdentifier', { code: 'autoScaling.zonesMissing' });
    },
    ignored: ['NotificationConfigurations', 'TerminationPolicies', 'CapacityRebalance', 'NewInstancesProtectedFromScaleIn', 'ServiceLinkedRoleARN', 'MixedInstancesPolicy', 'LifecycleHookSpecificationList', 'MaxInstanceLifetime', 'PlacementGroup'],
    ref: (id) => id.name,
    attributes: {},
  },
  'AWS::AutoScaling::ScalingPolicy': {
    nameProperty: 'PolicyName',
    properties: z.object({
      AutoScalingGroupName: z.string(),
      PolicyName: z.string().optional(),
      PolicyType: z.enum(['SimpleScaling', 'StepScaling', 'TargetTrackingScaling', 'PredictiveScaling']).optional(),
      AdjustmentType: z.enum(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']).optional(),
      ScalingAdjustment: cfnIntegerIn('ScalingAdjustment', -MAX_GROUP_INSTANCES, MAX_GROUP_INSTANCES).optional(),
      MinAdjustmentMagnitude: cfnIntegerIn('MinAdjustmentMagnitude', 1, MAX_GROUP_INSTANCES).optional(),
      Cooldown: seconds('Cooldown').optional(),
      EstimatedInstanceWarmup: seconds('EstimatedInstanceWarmup').optional(),
      MetricAggregationType: z.enum(['Minimum', 'Maximum', 'Average']).optional(),
      StepAdjustments: listOf(
        'StepAdjustments',
        z.object({
          MetricIntervalLowerBound: metricValue('MetricIntervalLowerBound').optional(),
          MetricIntervalUpperBound: metricValue('MetricIntervalUpperBound').optional(),
          ScalingAdjustment: cfnIntegerIn('ScalingAdjustment', -MAX_GROUP_INSTANCES, MAX_GROUP_INSTANCES),
        }),
        MAX_STEP_ADJUSTMENTS,
        'AWS quota per step scaling policy',
      ).optional(),
      TargetTrackingConfiguration: z
        .object({
          TargetValue: metricValue('TargetValue'),
          DisableScaleIn: cfnBoolean.optional(),
          PredefinedMetricSpecification: z
            .object({
              PredefinedMetricType: z.enum(['ASGAverageCPUUtilization', 'ASGAverageNetworkIn', 'ASGAverageNetworkOut', 'ALBRequestCountPerTarget']),
              ResourceLabel: z.string().optional(),
            })
            .optional(),
          CustomizedMetricSpecification: z.unknown().optional(),
        })
        .optional(),
    }),
    ignored: ['PredictiveScalingConfiguration'],
    check(properties, report) {
      const type = (properties.PolicyType as string | undefined) ?? 'SimpleScaling';
      if (type === 'PredictiveScaling') report('PolicyType', 'PredictiveScaling is not simulated', { code: 'autoScaling.predictiveNotSimulated' });
      if (type === 'TargetTrackingScaling') {
        const config = properties.TargetTrackingConfiguration as { PredefinedMetricSpecification?: { PredefinedMetricType: string }; CustomizedMetricSpecification?: unknown } | undefined;
        if (!config) report('TargetTrackingConfiguration', 'a TargetTrackingScaling policy needs TargetTrackingConfiguration', { code: 'autoScaling.policyNeeds', params: { policyType: type, property: 'TargetTrackingConfiguration' } });
        else if (!config.PredefinedMetricSpecification) report('TargetTrackingConfiguration', 'only PredefinedMetricSpecification is simulated (CustomizedMetricSpecification is not)', { code: 'autoScaling.customizedMetricNotSimulated' });
      }
      if (type === 'SimpleScaling' && properties.ScalingAdjustment === undefined) report('ScalingAdjustment', 'a SimpleScaling policy needs ScalingAdjustment', { code: 'autoScaling.policyNeeds', params: { policyType: type, property: 'ScalingAdjustment' } });
      if ((type === 'SimpleScaling' || type === 'StepScaling') && !properties.AdjustmentType) report('AdjustmentType', `a ${type} policy needs AdjustmentType`, { code: 'autoScaling.policyNeeds', params: { policyType: type, property: 'AdjustmentType' } });
      if (type === 'StepScaling' && !(properties.StepAdjustments as unknown[] | undefined)?.length) report('StepAdjustments', 'a StepScaling policy needs StepAdjustments', { code: 'autoScaling.policyNeeds', params: { policyType: type, property: 'StepAdjustments' } });
      if (properties.MinAdjustmentMagnitude !== undefined && properties.AdjustmentType !== 'PercentChangeInCapacity') {
        report('MinAdjustmentMagnitude', 'MinAdjustmentMagnitude applies only with AdjustmentType PercentChangeInCapacity', { code: 'autoScaling.minAdjustmentMagnitudeWithoutPercent' });
      }
    },
    ref: (id) => scalingPolicyArn(id),
    attributes: {
      PolicyName: (id) => id.name,
      Arn: (id) => scalingPolicyArn(id),
    },
  },
  'AWS::AutoScaling::ScheduledAction': {
    properties: z.object({
      AutoScalingGroupName: z.string(),
      DesiredCapacity: instances('DesiredCapacity').optional(),
      MinSize: instances('MinSize').optional(),
      MaxSize: instances('MaxSize').optional(),
      Recurrence: z.string().optional(),
      StartTime: z.string().optional(),
      EndTime: z.string().optional(),
      TimeZone: z.string().optional(),
    }),
    check(properties, report) {
      if (properties.DesiredCapacity === undefined && properties.MinSize === undefined && properties.MaxSize === undefined) {
        report('DesiredCapacity', 'a scheduled action sets at least one of DesiredCapacity, MinSize, MaxSize', { code: 'autoScaling.scheduledActionSetsNothing' });
      }
      if (!properties.Recurrence && !properties.StartTime) report('Recurrence', 'give Recurrence (cron) or StartTime (a one-off run)', { code: 'autoScaling.scheduledActionWithoutTime' });
      if (typeof properties.Recurrence === 'string') {
        try {
          parseCron(properties.Recurrence);
        } catch (error) {
          if (!(error instanceof CronError)) throw error;
          // The field, the part and the bounds cross as data; cronField is translated (scenarioCronFields).
          const params = { recurrence: properties.Recurrence, part: error.part, ...(error.field ? { cronField: error.field } : {}), ...(error.bounds ?? {}) };
          report('Recurrence', `Recurrence "${properties.Recurrence}" is not a 5-field cron expression: ${error.message}`, { code: CRON_PROBLEM_CODES[error.problem], params });
        }
      }
      if (typeof properties.TimeZone === 'string' && !isValidTimeZone(properties.TimeZone)) report('TimeZone', `TimeZone "${properties.TimeZone}" is not an IANA time zone such as Europe/Berlin`, { code: 'autoScaling.timeZoneInvalid', params: { timeZone: properties.TimeZone } });
      for (const key of ['StartTime', 'EndTime'] as const) {
        if (properties[key] !== undefined && !Number.isFinite(Date.parse(properties[key] as string))) report(key, `${key} must be an ISO date-time such as 2026-11-20T15:00:00Z`, { code: 'autoScaling.timeInvalid', params: { property: key } });
      }
    },
    ref: (id) => `${id.name}`,
    attributes: {},
  },
  'AWS::AutoScaling::LaunchConfiguration': {
    nameProperty: 'LaunchConfigurationName',
    properties: z.object({ LaunchConfigurationName: z.string().optional(), InstanceType: z.string(), ImageId: z.string().optional(), InstanceMonitoring: cfnBoolean.optional() }),
    ignored: ['SecurityGroups', 'KeyName', 'UserData', 'IamInstanceProfile', 'BlockDeviceMappings', 'AssociatePublicIpAddress', 'EbsOptimized', 'MetadataOptions'],
    ref: (id) => id.name,
    attributes: {},
  },
  // AWS::CloudWatch::Alarm: cloudwatch/alarm-resource-type.ts (single-metric and metric-math alarms).
};
