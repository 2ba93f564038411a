/**
 * EC2 Auto Scaling, as DescribeAutoScalingGroups, DescribePolicies, DescribeScheduledActions and
 * DescribeScalingActivities return it. docs.aws.amazon.com/autoscaling/ec2/APIReference/
 */
import { z } from 'zod';
import { IsoTime } from './model-common';
import { InstanceCounts } from './model-live';

export const ActivityStatusCode = z.enum([
  'PendingSpotBidPlacement',
  'WaitingForSpotInstanceRequestId',
  'WaitingForSpotInstanceId',
  'WaitingForInstanceId',
  'PreInService',
  'InProgress',
  'WaitingForELBConnectionDraining',
  'MidLifecycleAction',
  'WaitingForInstanceWarmup',
  'Successful',
  'Failed',
  'Cancelled',
  'WaitingForConnectionDraining',
]);
export type ActivityStatusCode = z.infer<typeof ActivityStatusCode>;

export const ScalingActivity = z.object({
  activityId: z.string(),
  autoScalingGroupName: z.string(),
  cause: z.string(),
  description: z.string(),
  startTime: IsoTime,
  endTime: IsoTime.optional(),
  statusCode: ActivityStatusCode,
  statusMessage: z.string().optional(),
  progress: z.number().min(0).max(100),
});
export type ScalingActivity = z.infer<typeof ScalingActivity>;

export const LifecycleState = z.enum([
  'Pending',
  'Pending:Wait',
  'Pending:Proceed',
  'InService',
  'Terminating',
  'Terminating:Wait',
  'Terminating:Proceed',
  'Terminated',
  'Detaching',
  'Detached',
  'EnteringStandby',
  'Standby',
  'Warmed:Pending',
  'Warmed:Running',
  'Warmed:Stopped',
]);
export type LifecycleState = z.infer<typeof LifecycleState>;

export const AsgInstance = z.object({
  instanceId: z.string(),
  instanceType: z.string().optional(),
  availabilityZone: z.string(),
  lifecycleState: LifecycleState,
  healthStatus: z.enum(['Healthy', 'Unhealthy']),
  launchTime: IsoTime.optional(),
  /** Simulation only: current CPU, for per-instance views. */
  cpuUtilization: z.number().optional(),
});
export type AsgInstance = z.infer<typeof AsgInstance>;

export const StepAdjustment = z.object({
  metricIntervalLowerBound: z.number().optional(),
  metricIntervalUpperBound: z.number().optional(),
  scalingAdjustment: z.number().int(),
});
export type StepAdjustment = z.infer<typeof StepAdjustment>;

export const ScalingPolicySummary = z.object({
  policyName: z.string(),
  policyARN: z.string().optional(),
  policyType: z.enum(['SimpleScaling', 'StepScaling', 'TargetTrackingScaling', 'PredictiveScaling']),
  adjustmentType: z.enum(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']).optional(),
  scalingAdjustment: z.number().int().optional(),
  minAdjustmentMagnitude: z.number().int().optional(),
  cooldown: z.number().int().optional(),
  stepAdjustments: z.array(StepAdjustment).optional(),
  estimatedInstanceWarmup: z.number().int().optional(),
  /** Target tracking: the metric and its target value, shown as "CPUUtilization at 50". */
  targetValue: z.number().optional(),
  predefinedMetricType: z.string().optional(),
  disableScaleIn: z.boolean().optional(),
  enabled: z.boolean().optional(),
  alarmNames: z.array(z.string()),
});
export type ScalingPolicySummary = z.infer<typeof ScalingPolicySummary>;

export const ScheduledAction = z.object({
  scheduledActionName: z.string(),
  recurrence: z.string().optional(),
  startTime: IsoTime.optional(),
  endTime: IsoTime.optional(),
  timeZone: z.string().optional(),
  minSize: z.number().int().optional(),
  maxSize: z.number().int().optional(),
  desiredCapacity: z.number().int().optional(),
  /** When it runs next (computed), for markers on the capacity chart. */
  nextRunTime: IsoTime.optional(),
});
export type ScheduledAction = z.infer<typeof ScheduledAction>;

/**
 * EC2 monitoring of a group's instances, as CloudWatch shows it: `basic` publishes CPUUtilization
 * in 5-minute periods, `detailed` in 1-minute periods (AWSEC2 manage-detailed-monitoring.html).
 */
export const InstanceMonitoring = z.enum(['basic', 'detailed']);
export type InstanceMonitoring = z.infer<typeof InstanceMonitoring>;

export const AutoScalingGroup = z.object({
  autoScalingGroupName: z.string().min(1),
  autoScalingGroupARN: z.string().optional(),
  minSize: z.number().int().nonnegative(),
  maxSize: z.number().int().nonnegative(),
  desiredCapacity: z.number().int().nonnegative(),
  defaultCooldown: z.number().int().nonnegative(),
  defaultInstanceWarmup: z.number().int().optional(),
  healthCheckType: z.enum(['EC2', 'ELB', 'EBS', 'VPC_LATTICE']),
  healthCheckGracePeriod: z.number().int().nonnegative(),
  availabilityZones: z.array(z.string()),
  targetGroupARNs: z.array(z.string()),
  launchTemplateName: z.string().optional(),
  instanceType: z.string().optional(),
  instances: z.array(AsgInstance),
  /** The instances counted (set by the host; a window that does not list them gets `instances` empty: model-live.ts). */
  instanceCounts: InstanceCounts.optional(),
  policies: z.array(ScalingPolicySummary),
  scheduledActions: z.array(ScheduledAction).default([]),
  createdTime: IsoTime.optional(),
  /**
   * AWS mode: the group metrics Auto Scaling sends to CloudWatch (DescribeAutoScalingGroups
   * EnabledMetrics; empty: collection is off, the default). Absent in the simulator, which
   * publishes them all. ec2-auto-scaling-metrics.html
   */
  enabledMetrics: z.array(z.string()).optional(),
  /**
   * AWS mode: the period AWS/EC2 CPUUtilization exists at for this group's instances (read from
   * CloudWatch, metrics/cpu-monitoring.ts); the CPU series is polled at that period. Absent in the
   * simulator (one-minute) and while not known yet.
   */
  instanceMonitoring: InstanceMonitoring.optional(),
});
export type AutoScalingGroup = z.infer<typeof AutoScalingGroup>;
