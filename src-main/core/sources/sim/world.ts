/**
 * The simulator's mutable state. Each service module owns the transitions of its own part; the
 * engine (engine.ts) orders them in time. Plain objects and Maps with insertion order, so iteration
 * order — and with it every report — is the same on every run.
 */
import type { ActivityStatusCode, LifecycleState, TargetHealthState } from '../../contract/model';
import type { AlarmDefinition, AlarmState } from './cloudwatch/alarm';
import type { MetricSeriesData } from './cloudwatch/metric-store';
import type { ClientLocation } from '../../contract/model';
import type { SimListenerRule } from './alb/listener-rules';
import type { RateCurve } from './traffic/rate-curve';

export interface SimInstance {
  instanceId: string;
  autoScalingGroupName: string;
  availabilityZone: string;
  instanceType: string;
  vcpus: number;
  lifecycleState: LifecycleState;
  healthStatus: 'Healthy' | 'Unhealthy';
  launchTime: number;
  /** Virtual time (ms) at which boot completes and the instance can serve. */
  readyAt: number;
  /** Utilisation of its vCPUs in the last tick, 0..1 (can exceed 1 when offered more than it can serve). */
  utilisation: number;
  cpuPercent: number;
  /** CPU-seconds of queued work not yet processed (requests waiting), carried across ticks. */
  backlog: number;
  /** Whether it received work this tick (an idle instance drains its backlog in the ALB's tick). */
  busyThisTick: boolean;
  /** The scaling activity currently describing this instance (launch or termination). */
  activity: SimActivity;
  /** Until when its metrics do not count toward the group's (ASG-5), epoch ms. */
  warmUntil: number;
  /** EC2-1 basic monitoring: its own CPU accumulated over the current 5-minute period. */
  basicCpu?: { sum: number; count: number };
  /** Launched for AZ rebalancing: when it is in service, one instance of the busiest AZ goes. */
  rebalancing?: boolean;
}

export interface SimTarget {
  id: string;
  port: number;
  availabilityZone: string;
  state: TargetHealthState;
  reason?: string;
  description?: string;
  consecutivePasses: number;
  consecutiveFailures: number;
  nextCheckAt: number;
  /** When draining ends (ms). */
  drainUntil?: number;
  /** When it last turned healthy (ms): slow start ramps its share from here (ALB-8). */
  healthySince?: number;
  /** Fault injection: health checks fail until this time (ms). */
  forcedUnhealthyUntil?: number;
}

export interface SimTargetGroup {
  arn: string;
  name: string;
  fullName: string;
  port: number;
  protocol: string;
  targetType: 'instance' | 'ip' | 'lambda' | 'alb';
  healthCheckPath: string;
  healthCheckIntervalSeconds: number;
  healthCheckTimeoutSeconds: number;
  healthyThresholdCount: number;
  unhealthyThresholdCount: number;
  deregistrationDelaySeconds: number;
  /** 0 = off; 30–900 s (ALB-8). */
  slowStartSeconds: number;
  /** HealthCheckEnabled: default on for instance and ip targets, off for a Lambda target (ALB-13). */
  healthCheckEnabled: boolean;
  /** Matcher HttpCode as written ("200", "200,202", "200-299"); see alb/health-check-matcher.ts. */
  healthCheckMatcher: string;
  targets: Map<string, SimTarget>;
  loadBalancerArns: string[];
}

export interface SimListener {
  arn: string;
  port: number;
  protocol: string;
  /** Sorted for evaluation: ascending priority, the default rule (priority Infinity) last. */
  rules: SimListenerRule[];
}

export interface SimLoadBalancer {
  arn: string;
  name: string;
  fullName: string;
  dnsName: string;
  scheme: 'internet-facing' | 'internal';
  availabilityZones: string[];
  listeners: SimListener[];
  /** LBA-1: ipv4 unless the scenario says otherwise. */
  ipAddressType: 'ipv4' | 'dualstack' | 'dualstack-without-public-ipv4';
  /** LBA-2: the attributes the scenario set (known ALB keys only); the rest are AWS's defaults. */
  attributes: Map<string, string>;
}

interface SimScalingPolicyBase {
  policyName: string;
  policyArn: string;
  /** The scenario's logical id for the policy, which a scenario's ExecutePolicy may name. */
  logicalId?: string;
  autoScalingGroupName: string;
  enabled: boolean;
  /** Seconds a new instance warms up before its metrics count (ASG-5); undefined: the group's DefaultInstanceWarmup. */
  estimatedInstanceWarmup?: number;
}

export type AdjustmentType = 'ChangeInCapacity' | 'ExactCapacity' | 'PercentChangeInCapacity';

export interface SimTargetTrackingPolicy extends SimScalingPolicyBase {
  policyType: 'TargetTrackingScaling';
  targetValue: number;
  predefinedMetricType: string;
  /** ALBRequestCountPerTarget: `app/<lb>/<id>/targetgroup/<tg>/<id>` (ASG-14). */
  resourceLabel?: string;
  disableScaleIn: boolean;
  alarmHigh: string;
  alarmLow: string;
}

export interface SimSimplePolicy extends SimScalingPolicyBase {
  policyType: 'SimpleScaling';
  adjustmentType: AdjustmentType;
  scalingAdjustment: number;
  minAdjustmentMagnitude?: number;
  /** Overrides the group's DefaultCooldown (ASG-3). */
  cooldown?: number;
}

export interface SimStepAdjustment {
  lower?: number;
  upper?: number;
  adjustment: number;
}

export interface SimStepPolicy extends SimScalingPolicyBase {
  policyType: 'StepScaling';
  adjustmentType: AdjustmentType;
  stepAdjustments: SimStepAdjustment[];
  minAdjustmentMagnitude?: number;
  /** The step last applied and until when its instances warm up: the same step does not scale twice. */
  lastStep?: { adjustment: number; warmUntil: number };
}

export type SimScalingPolicy = SimTargetTrackingPolicy | SimSimplePolicy | SimStepPolicy;

export interface SimScheduledAction {
  name: string;
  autoScalingGroupName: string;
  recurrence?: string;
  timeZone?: string;
  /** Epoch ms: a one-off run time, or the earliest time a recurrence may run. */
  startTime?: number;
  endTime?: number;
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
  /** Epoch ms of the next run (before its up-to-two-minutes delay), undefined when it will not run again. */
  nextRun?: number;
}

export interface SimActivity {
  activityId: string;
  autoScalingGroupName: string;
  cause: string;
  description: string;
  startTime: number;
  endTime?: number;
  statusCode: ActivityStatusCode;
  statusMessage?: string;
  progress: number;
}

export interface SimAutoScalingGroup {
  name: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  defaultCooldown: number;
  healthCheckType: 'EC2' | 'ELB';
  healthCheckGracePeriod: number;
  availabilityZones: string[];
  targetGroupArns: string[];
  instanceType: string;
  vcpus: number;
  launchTemplateName?: string;
  defaultInstanceWarmup?: number;
  /**
   * ASG-18: the AWS/AutoScaling group metrics collection enabled (MetricsCollection /
   * EnableMetricsCollection); empty: none published. A collection without Metrics enables all.
   */
  metricsCollection: Set<string>;
  /** EC2-1: detailed (1-minute) monitoring from the launch template / configuration; else 5-minute. */
  detailedMonitoring: boolean;
  /** EC2-1 basic monitoring: the group CPU accumulated over the current 5-minute period. */
  basicCpu: { sum: number; count: number };
  /** Simple scaling (ASG-3): no new simple-scaling activity before this time, nor while these run. */
  simpleCooldown?: { activities: SimActivity[]; seconds: number };
  scheduledActions: SimScheduledAction[];
  /** After a failed launch: when the next attempt is due and the current backoff. */
  launchRetry?: { delaySeconds: number; at: number };
  /** Instances by id, insertion order = launch order. */
  instances: Map<string, SimInstance>;
  policies: SimScalingPolicy[];
  /** Newest last; exported newest first like DescribeScalingActivities. */
  activities: SimActivity[];
  cpuSeries?: MetricSeriesData;
}

export interface SimAlarm {
  definition: AlarmDefinition;
  state: AlarmState;
  stateReason: string;
  stateUpdated: number;
}

/** One kind of request a population sends: where it goes on the ALB and what it costs. */
export interface SimRequestClass {
  path: string;
  host?: string;
  /** HTTP method (GET when not given) and request headers, for listener rule conditions (ALB-1). */
  method?: string;
  headers?: Readonly<Record<string, string>>;
  share: number;
  cpuSecondsPerRequest: number;
}

/** One client address of a population and its share of the population's requests (WAF IP sets and rate rules read it). */
export interface SimClient {
  address: string;
  parsed: { version: 4 | 6; value: bigint };
  weight: number;
}

export interface SimTraffic {
  name: string;
  /** Lower-cased DNS name the clients call. */
  target: string;
  location: ClientLocation;
  rate: RateCurve;
  noise: number;
  requests: SimRequestClass[];
  /** The addresses the requests come from (Traffic ClientIps, drawn once from the seeded stream). */
  clients: SimClient[];
  /** Share of served requests that read / write the database (DBInstanceIdentifier of the primary). */
  database?: { dbInstanceIdentifier: string; readShare: number; writeShare: number };
  /** Share of served requests that call a Lambda function synchronously from the instance. */
  lambda?: { functionName: string; share: number };
  /** LAM-8: the population invokes this Lambda function directly (Target is the function). */
  invoke?: { functionRef: string; mode: 'sync' | 'async' };
  /** Clients that query a DB instance directly (Target is the DBInstanceIdentifier): every request is a read or a write. */
  queryDatabase?: { dbInstanceIdentifier: string; writeShare: number };
  /** The clients call an API Gateway HTTP API (Target is its id or endpoint): `requests` are its methods and paths (APIGW-1). */
  httpApi?: { apiId: string };
  /** The clients PUT objects into an S3 bucket (Target is the bucket name): key patterns by share (S3EV-4). */
  bucket?: { name: string; keys: { key: string; share: number }[] };
}

export interface World {
  region: string;
  loadBalancers: Map<string, SimLoadBalancer>;
  loadBalancersByDns: Map<string, SimLoadBalancer>;
  targetGroups: Map<string, SimTargetGroup>;
  autoScalingGroups: Map<string, SimAutoScalingGroup>;
  instances: Map<string, SimInstance>;
  alarms: Map<string, SimAlarm>;
  policiesByArn: Map<string, SimScalingPolicy>;
  traffic: SimTraffic[];
  /** Fault injection: AZs that are down (instances there stop serving and fail checks) → since when (ms). */
  failedAvailabilityZones: Map<string, number>;
}

export function createWorld(region: string): World {
  return {
    region,
    loadBalancers: new Map(),
    loadBalancersByDns: new Map(),
    targetGroups: new Map(),
    autoScalingGroups: new Map(),
    instances: new Map(),
    alarms: new Map(),
    policiesByArn: new Map(),
    traffic: [],
    failedAvailabilityZones: new Map(),
  };
}
