/**
 * The simulator's mutable state. Each service module owns the transitions of its own part; the
 * engine (engine.ts) orders them in time. Plain objects and Maps with insertion order, so iteration
 * order — and with it every report — is the same on every run.
 */
import type { ActivityStatusCode, LifecycleState, TargetHealthState } from '../../contract/model';
import type { AlarmDefinition, AlarmHistoryItem, AlarmState } from './cloudwatch/alarm';
import type { MetricSeriesData } from './cloudwatch/metric-store';
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
  /** The scaling activity currently describing this instance (launch or termination). */
  activity: SimActivity;
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
  targets: Map<string, SimTarget>;
  loadBalancerArns: string[];
}

export interface SimListener {
  arn: string;
  port: number;
  protocol: string;
  defaultTargetGroupArn?: string;
}

export interface SimLoadBalancer {
  arn: string;
  name: string;
  fullName: string;
  dnsName: string;
  scheme: 'internet-facing' | 'internal';
  availabilityZones: string[];
  listeners: SimListener[];
}

export interface SimScalingPolicy {
  policyName: string;
  policyArn: string;
  autoScalingGroupName: string;
  policyType: 'TargetTrackingScaling';
  targetValue: number;
  predefinedMetricType: string;
  disableScaleIn: boolean;
  alarmHigh: string;
  alarmLow: string;
}

export interface SimActivity {
  activityId: string;
  autoScalingGroupName: string;
  cause: string;
  description: string;
  startTime: number;
  endTime?: number;
  statusCode: ActivityStatusCode;
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

export interface SimTraffic {
  name: string;
  target: string;
  rate: RateCurve;
  noise: number;
  cpuSecondsPerRequest: number;
}

export interface World {
  region: string;
  loadBalancers: Map<string, SimLoadBalancer>;
  loadBalancersByDns: Map<string, SimLoadBalancer>;
  targetGroups: Map<string, SimTargetGroup>;
  autoScalingGroups: Map<string, SimAutoScalingGroup>;
  instances: Map<string, SimInstance>;
  alarms: Map<string, SimAlarm>;
  alarmHistory: AlarmHistoryItem[];
  policiesByArn: Map<string, SimScalingPolicy>;
  traffic: SimTraffic[];
}
