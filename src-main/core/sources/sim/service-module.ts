/**
 * How a service plugs into the simulation engine. Each AWS service the simulator models is a module
 * (SimModule in module-build.ts, listed in sim-modules.ts) that builds its service from the scenario; the service owns its
 * state and rules (alb/, asg/, traffic/, route53/, lambda/, rds/, cloudwatch/) and every one receives the
 * same SimContext. The engine only iterates the services in module order and carries traffic between
 * them through the narrow interfaces below.
 *
 * Order within one tick (engine.ts), each phase over every service in module order:
 *   1. events due (the event queue, in (time, sequence) order)
 *   2. `startTick`: per-tick state starts afresh (the instances' utilisation, which serving fills)
 *   3. `offerTraffic`: traffic — populations → DNS (DnsRouting) → ALB rules → targets (instances,
 *      FunctionTier) → the database share of served requests (DatabaseTier)
 *   4. `tick` (health checks, replication, boots …)
 *   5. on a minute boundary: CloudWatch periods close, then every service's `minute` (metrics of the
 *      minute; the alarms, last in module order, evaluate what the others published)
 *
 * The engine names no service: what it, the report, the live bridge and the operator actions need of
 * one reaches it through a role below (SimServices), which its module declares (module-build.ts).
 */
import type { AccessLogEntry, ActionOf, AlarmHistoryItem, ClientLocation, Inventory } from '../../contract/model';
import type { SimClient } from './traffic/traffic-state';

export interface SimService extends FaultAndActionHandlers {
  readonly id: string;
  /** t = 0, after every service has been built: initial launches, first schedules. */
  start?(): void;
  /** A tick begins, after the events due: reset what one tick accumulates in this service's state. */
  startTick?(tickStartMs: number): void;
  /** The tick's requests, before the clock moves (only the traffic service has any). */
  offerTraffic?(tickStartMs: number): void;
  tick?(tickStartMs: number): void;
  minute?(): void;
  /** This service's part of the inventory, under AWS field names. */
  inventory?(): Partial<Inventory>;
  /**
   * A CloudWatch alarm in ALARM invokes its action ARN (CW-2): the service owning that ARN (a scaling
   * policy's, for Auto Scaling) performs it and returns true; the others return false.
   */
  alarmAction?(actionArn: string, trigger: AlarmTrigger): boolean;
}

/** What an alarm tells the action it invokes: which alarm, the value that breached, its threshold. */
export interface AlarmTrigger {
  alarmName: string;
  metricValue: number;
  threshold: number;
}

export interface DnsRoute {
  /** Share of the population's requests that get this answer (the answers' shares sum to 1). */
  probability: number;
  /** What the answer points at: an ALB DNS name (alias), another name, or an IP address. */
  endpoint: string;
}

/** Route 53 as the traffic model sees it. */
export interface DnsRouting extends SimService {
  /** The fluid split of requests for `name`, or undefined when no hosted zone serves it. An empty list: no answer. */
  routeTraffic(name: string, location: ClientLocation): DnsRoute[] | undefined;
}

export interface DatabaseOutcome {
  failedReads: number;
  failedWrites: number;
  /** Mean time a request spends waiting on the database this tick. */
  latencySeconds: number;
}

/** RDS as the traffic model sees it: reads may go to replicas, writes only to the primary (RDS-5). */
export interface DatabaseTier extends SimService {
  serve(dbInstanceIdentifier: string, reads: number, writes: number, tickSeconds: number): DatabaseOutcome;
}

export interface InvocationOutcome {
  succeeded: number;
  errors: number;
  /** 429 TooManyRequestsException (synchronous) — never counted in Invocations (LAM-5). */
  throttled: number;
  averageDurationMs: number;
  /**
   * With a caller timeout (a synchronous caller that stops waiting, as API Gateway does after an
   * integration's TimeoutInMillis): invocations still running when the caller gave up, and the
   * function errors the caller saw among those it waited for. The function itself runs on.
   */
  callerTimedOut?: number;
  callerErrors?: number;
}

/** Lambda as the traffic model sees it. */
export interface FunctionTier extends SimService {
  /** `functionRef` is a function name or ARN (an ALB lambda target holds the ARN). */
  invoke(functionRef: string, requests: number, tickSeconds: number, mode: 'sync' | 'async', callerTimeoutMs?: number): InvocationOutcome;
}

/** S3 buckets as event sources (s3/bucket-service.ts): PUTs become asynchronous invocations (S3EV-4). */
export interface ObjectEventSource extends SimService {
  hasBucket(name: string): boolean;
  /** `puts` PutObject requests to `bucket` this tick, spread over key patterns by share; function ARN → events sent. */
  putObjects(bucket: string, puts: number, keys: readonly { key: string; share: number }[], tickSeconds: number): Map<string, number>;
}

/** One class of requests to an HTTP API this tick. */
export interface HttpApiRequests {
  count: number;
  method: string;
  path: string;
}

/** API Gateway HTTP APIs (apigateway/http-api-service.ts): requests routed to Lambda proxy integrations (APIGW-…). */
export interface HttpApiTier extends SimService {
  /** The API id a Traffic target names (its id, its endpoint host or URL), or undefined. */
  apiIdFor(target: string): string | undefined;
  serve(apiId: string, batch: readonly HttpApiRequests[], tickSeconds: number): void;
}

/** A request class as a web ACL sees it (alb-service.ts AlbRequests is one). */
export interface ScreenedRequests {
  count: number;
  path: string;
  host?: string;
  headers?: Readonly<Record<string, string>>;
  clients?: readonly SimClient[];
}

/** A request a web ACL blocked, for the load balancer's access log (WAF-8). */
export interface BlockedSample {
  path: string;
  host?: string;
  clientIp: string;
  webAclName: string;
  ruleName: string;
}

/** What a web ACL let through, and what it blocked (the load balancer answers those 403, WAF-2). */
export interface ScreenOutcome<T extends ScreenedRequests> {
  passed: T[];
  blocked: number;
  /** One blocked request of the tick, drawn like the access-log samples; undefined when none. */
  sample?: BlockedSample;
}

/** One request a Route 53 health checker sends to a load balancer (WAF-10): GET ResourcePath with its Host header. */
export interface ProbeRequest {
  path: string;
  host: string;
  /** The checker's address (a Route 53 health-checker range of its region). */
  clientIp: string;
}

/** AWS WAF as the load balancer sees it: the web ACL associated with it inspects requests before its listener rules. */
export interface RequestScreen extends SimService {
  /** Undefined when no web ACL is associated with the load balancer. */
  screen<T extends ScreenedRequests>(loadBalancerArn: string, host: string, batch: readonly T[], tickStart: number): ScreenOutcome<T> | undefined;
  /**
   * A health checker's probe of the load balancer, screened and counted like any other request (WAF-10);
   * undefined when no web ACL is associated with it.
   */
  screenProbe(loadBalancerArn: string, request: ProbeRequest, tickStart: number): 'ALLOW' | 'BLOCK' | undefined;
}

/** The load balancers as the report and the live bridge read them (alb/alb-service.ts). */
export interface AccessLogSource extends SimService {
  /** The sampled access-log entries (ALB-9, WAF-8), oldest first. */
  accessLogInOrder(): AccessLogEntry[];
}

/** Auto Scaling as the operator actions reach it (sim-action-registry.ts). */
export interface ScalingControl extends SimService {
  setDesiredCapacityAction(action: ActionOf<'SetDesiredCapacity'>): string;
  executePolicyAction(action: ActionOf<'ExecutePolicy'>): string;
}

/** CloudWatch alarms as the report and the live bridge read them (cloudwatch/alarm-service.ts). */
export interface AlarmHistorySource extends SimService {
  /** State changes (DescribeAlarmHistory), oldest first. */
  readonly history: readonly AlarmHistoryItem[];
}

/**
 * The services present in this scenario, by the role their module declares. The load balancers, Auto
 * Scaling and the alarms are built for every scenario; the rest only when a scenario uses them.
 */
export interface SimServices {
  loadBalancers?: AccessLogSource;
  scaling?: ScalingControl;
  alarms?: AlarmHistorySource;
  dns?: DnsRouting;
  database?: DatabaseTier;
  functions?: FunctionTier;
  firewall?: RequestScreen;
  buckets?: ObjectEventSource;
  httpApis?: HttpApiTier;
  /** Every service module, in tick order. */
  all: SimService[];
}

/** A role a module may declare: the SimServices entry its service fills. */
export type SimRole = Exclude<keyof SimServices, 'all'>;

/** What applying a fault did, for the timeline, and how to undo it when its Duration ends. */
export interface FaultEffect {
  message: string;
  revert?: () => string | void;
}

/**
 * Faults reach the service that owns them through this hook. `type` and `parameters` are validated
 * beforehand against the static schemas in scenario/timed-entries.ts, so a service may cast
 * `parameters` to the schema's output type. A service returns undefined for types it does not own.
 * Operator actions do not go through here: each has one owner in sim-action-registry.ts.
 */
export interface FaultAndActionHandlers {
  applyFault?(type: string, parameters: Record<string, unknown>): FaultEffect | undefined;
}
