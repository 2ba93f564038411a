/**
 * The load balancer part of the simulator's state: load balancers, their listeners, target groups and
 * targets. The ALB service module (alb-service.ts) owns their transitions. The maps live on the World
 * (world.ts, `AlbWorld` below) because other services read them: traffic finds a load balancer by its
 * DNS name, Route 53 aliases resolve to it, Auto Scaling registers its instances in target groups.
 * Plain objects and Maps with insertion order, so iteration order is the same on every run.
 */
import type { TargetHealthState } from '../../../contract/model';
import type { SimListenerRule } from './listener-rules';

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
  /**
   * The instance's slot in the world's InstanceColumns and that slot's generation when the health
   * check last looked it up (instance-columns.ts): the same instance, still in the world, while the
   * generation is unchanged — a health check then needs no lookup by id. -1: not looked up (or no instance).
   */
  instanceSlot?: number;
  instanceGeneration?: number;
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
  /** Matcher HttpCode as written ("200", "200,202", "200-299"); see health-check-matcher.ts. */
  healthCheckMatcher: string;
  targets: Map<string, SimTarget>;
  /**
   * Bumped whenever a target joins or leaves `targets` or changes state (targetsChanged in
   * target-group.ts): the ALB keeps its routable roster until it does (alb-service.ts).
   */
  targetsVersion?: number;
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

/** The load balancer maps the World holds for every service to read. */
export interface AlbWorld {
  /** By ARN. */
  loadBalancers: Map<string, SimLoadBalancer>;
  /** By lower-cased DNS name: where traffic and Route 53 aliases arrive. */
  loadBalancersByDns: Map<string, SimLoadBalancer>;
  /** By ARN. */
  targetGroups: Map<string, SimTargetGroup>;
}

export function createAlbWorld(): AlbWorld {
  return { loadBalancers: new Map(), loadBalancersByDns: new Map(), targetGroups: new Map() };
}
