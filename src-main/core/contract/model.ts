/**
 * The domain model that both data sources (the simulator and AWS) produce and the renderer shows.
 * Field names follow the AWS APIs in camelCase (DescribeAutoScalingGroups → autoScalingGroupName,
 * desiredCapacity, …) so that an operator recognises them and AwsSource can map responses 1:1.
 *
 * This folder is shared with the renderer: it may import nothing but zod.
 */
import { z } from 'zod';

/** ISO-8601 timestamp in UTC, as the AWS APIs return them. */
export const IsoTime = z.string().max(40);

export const Dimensions = z.record(z.string().max(255), z.string().max(1024));

export const MetricStat = z.enum(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p50', 'p90', 'p99']);
export type MetricStat = z.infer<typeof MetricStat>;

/** Identifies one CloudWatch time series: namespace + name + dimensions + statistic + period. */
export const MetricKey = z.object({
  namespace: z.string().max(255),
  metricName: z.string().max(255),
  dimensions: Dimensions,
  stat: MetricStat,
  period: z.number().int().positive(),
});
export type MetricKey = z.infer<typeof MetricKey>;

/** [epochSeconds, value] — the period's start time, like GetMetricData's Timestamps. */
export const MetricPoint = z.tuple([z.number(), z.number()]);
export type MetricPoint = z.infer<typeof MetricPoint>;

export const MetricSeries = MetricKey.extend({ points: z.array(MetricPoint) });
export type MetricSeries = z.infer<typeof MetricSeries>;

/** DescribeScalingActivities → Activity (autoscaling/ec2/APIReference/API_Activity.html). */
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
]);
export type LifecycleState = z.infer<typeof LifecycleState>;

export const AsgInstance = z.object({
  instanceId: z.string(),
  availabilityZone: z.string(),
  lifecycleState: LifecycleState,
  healthStatus: z.enum(['Healthy', 'Unhealthy']),
  launchTime: IsoTime.optional(),
});
export type AsgInstance = z.infer<typeof AsgInstance>;

export const ScalingPolicySummary = z.object({
  policyName: z.string(),
  policyType: z.enum(['SimpleScaling', 'StepScaling', 'TargetTrackingScaling', 'PredictiveScaling']),
  /** Target tracking: the metric and its target value, shown as "CPUUtilization at 50". */
  targetValue: z.number().optional(),
  predefinedMetricType: z.string().optional(),
  alarmNames: z.array(z.string()),
});
export type ScalingPolicySummary = z.infer<typeof ScalingPolicySummary>;

export const AutoScalingGroup = z.object({
  autoScalingGroupName: z.string(),
  minSize: z.number().int().nonnegative(),
  maxSize: z.number().int().nonnegative(),
  desiredCapacity: z.number().int().nonnegative(),
  defaultCooldown: z.number().int().nonnegative(),
  healthCheckType: z.enum(['EC2', 'ELB']),
  healthCheckGracePeriod: z.number().int().nonnegative(),
  availabilityZones: z.array(z.string()),
  targetGroupARNs: z.array(z.string()),
  instances: z.array(AsgInstance),
  policies: z.array(ScalingPolicySummary),
});
export type AutoScalingGroup = z.infer<typeof AutoScalingGroup>;

/** DescribeTargetHealth → TargetHealthDescription (elasticloadbalancing/latest/APIReference). */
export const TargetHealthState = z.enum(['initial', 'healthy', 'unhealthy', 'unused', 'draining', 'unavailable']);
export type TargetHealthState = z.infer<typeof TargetHealthState>;

export const TargetHealthDescription = z.object({
  targetId: z.string(),
  port: z.number().int().optional(),
  availabilityZone: z.string().optional(),
  state: TargetHealthState,
  reason: z.string().optional(),
  description: z.string().optional(),
});
export type TargetHealthDescription = z.infer<typeof TargetHealthDescription>;

export const TargetGroup = z.object({
  targetGroupArn: z.string(),
  targetGroupName: z.string(),
  protocol: z.string().optional(),
  port: z.number().int().optional(),
  targetType: z.enum(['instance', 'ip', 'lambda', 'alb']),
  healthCheckPath: z.string().optional(),
  loadBalancerArns: z.array(z.string()),
  targets: z.array(TargetHealthDescription),
});
export type TargetGroup = z.infer<typeof TargetGroup>;

export const LoadBalancer = z.object({
  loadBalancerArn: z.string(),
  loadBalancerName: z.string(),
  dnsName: z.string(),
  scheme: z.enum(['internet-facing', 'internal']),
  state: z.enum(['provisioning', 'active', 'active_impaired', 'failed']),
  availabilityZones: z.array(z.string()),
});
export type LoadBalancer = z.infer<typeof LoadBalancer>;

/** Everything a view needs to draw the current shape of the system (no time series). */
export const Inventory = z.object({
  loadBalancers: z.array(LoadBalancer),
  targetGroups: z.array(TargetGroup),
  autoScalingGroups: z.array(AutoScalingGroup),
});
export type Inventory = z.infer<typeof Inventory>;

export const SimClock = z.object({
  /** Virtual time, epoch milliseconds. */
  now: z.number(),
  startTime: z.number(),
  running: z.boolean(),
  /** Simulated seconds per wall-clock second. */
  speed: z.number().positive(),
});
export type SimClock = z.infer<typeof SimClock>;

export const SessionInfo = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('simulation'),
    scenarioName: z.string(),
    seed: z.number().int(),
    region: z.string(),
  }),
  z.object({
    mode: z.literal('aws'),
    profile: z.string(),
    region: z.string(),
    accountId: z.string().optional(),
  }),
]);
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Sent in full when a client (re)connects; afterwards only Updates. */
export const Snapshot = z.object({
  session: SessionInfo,
  clock: SimClock.optional(),
  inventory: Inventory,
  scalingActivities: z.array(ScalingActivity),
  metrics: z.array(MetricSeries),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** What changed since the last Update: new datapoints only, changed activities, the new inventory if it changed. */
export const Update = z.object({
  clock: SimClock.optional(),
  inventory: Inventory.optional(),
  scalingActivities: z.array(ScalingActivity),
  metrics: z.array(MetricSeries),
});
export type Update = z.infer<typeof Update>;
