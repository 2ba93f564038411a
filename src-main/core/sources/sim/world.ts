/**
 * The simulator's mutable state that more than one service reads. Each service module owns the
 * transitions of its own part; the engine (engine.ts) orders them in time. Plain objects and Maps
 * with insertion order, so iteration order — and with it every report — is the same on every run.
 *
 * Auto Scaling's types and maps are in asg/asg-state.ts (the World holds its maps: `AsgWorld`).
 * The load balancer state below is still here: ALB files are being changed on other branches
 * (issue 9 note: move it to alb/ the same way once those are merged).
 */
import type { TargetHealthState } from '../../contract/model';
import { createAsgWorld, type AsgWorld } from './asg/asg-state';
import type { AlarmDefinition, AlarmState } from './cloudwatch/alarm';
import type { ClientLocation } from '../../contract/model';
import type { SimListenerRule } from './alb/listener-rules';
import type { RateCurve } from './traffic/rate-curve';

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

export interface World extends AsgWorld {
  region: string;
  loadBalancers: Map<string, SimLoadBalancer>;
  loadBalancersByDns: Map<string, SimLoadBalancer>;
  targetGroups: Map<string, SimTargetGroup>;
  alarms: Map<string, SimAlarm>;
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
    ...createAsgWorld(),
    alarms: new Map(),
    traffic: [],
    failedAvailabilityZones: new Map(),
  };
}
