/**
 * The Auto Scaling part of the simulator's state: groups, their instances, scaling policies,
 * scheduled actions and scaling activities. The ASG service module (asg-service.ts) owns their
 * transitions. The maps live on the World (world.ts, `AsgWorld` below) because others read them: the
 * ALB routes requests to instances and probes them, the backtest samples the groups. (An alarm
 * reaches a policy through the ASG service's alarmAction, not through the map.)
 * Plain objects and Maps with insertion order, so iteration order is the same on every run.
 */
import type { ActivityStatusCode, LifecycleState } from '../../../contract/model';
import type { MetricSeriesData } from '../cloudwatch/metric-store';
import { InstanceColumns, lifecycleCode } from './instance-columns';
import type { ElbTargetsView } from './unhealthy-targets';

/** What a new instance is made of; its per-tick numbers start at zero (instance-columns.ts). */
export interface SimInstanceInit {
  instanceId: string;
  autoScalingGroupName: string;
  availabilityZone: string;
  instanceType: string;
  vcpus: number;
  lifecycleState: LifecycleState;
  healthStatus: 'Healthy' | 'Unhealthy';
  launchTime: number;
  readyAt: number;
  activity: SimActivity;
  warmUntil: number;
  rebalancing?: boolean;
}

/** The instance's numbers held as doubles in the columns, and on a detached instance (SimInstance.read). */
type NumberColumn = 'warmUntil' | 'utilisation' | 'backlog' | 'cpuPercent';

/**
 * One instance. Its per-tick numbers (utilisation, backlog, cpuPercent, busyThisTick) live in the
 * world's InstanceColumns at `slot` (instance-columns.ts); the accessors below read and write them there,
 * and the hot loops (serving, health checks, CPU metrics) use the columns directly. Every field is set
 * in the constructor, so all instances share one shape.
 */
export class SimInstance {
  instanceId: string;
  autoScalingGroupName: string;
  instanceType: string;
  readonly vcpus: number;
  private state: LifecycleState;
  healthStatus: 'Healthy' | 'Unhealthy';
  launchTime: number;
  /** Virtual time (ms) at which boot completes and the instance can serve. */
  readyAt: number;
  /** The scaling activity currently describing this instance (launch or termination). */
  activity: SimActivity;
  /** EC2-1 basic monitoring: its own CPU accumulated over the current 5-minute period. */
  basicCpu: { sum: number; count: number } | undefined;
  /** The world's columns, where its per-tick numbers are at `slot` while it is in the world (slot -1 once detached). */
  readonly columns: InstanceColumns;
  slot: number;

  /** `nearSlot`: a slot of its group's, near which its own is taken (InstanceColumns.allocate); -1: none. */
  constructor(init: SimInstanceInit, columns: InstanceColumns, nearSlot = -1) {
    this.instanceId = init.instanceId;
    this.autoScalingGroupName = init.autoScalingGroupName;
    this.zoneName = init.availabilityZone;
    this.instanceType = init.instanceType;
    this.vcpus = init.vcpus;
    this.state = init.lifecycleState;
    this.healthStatus = init.healthStatus;
    this.launchTime = init.launchTime;
    this.readyAt = init.readyAt;
    this.activity = init.activity;
    this.basicCpu = undefined;
    this.rebalancingLaunch = init.rebalancing;
    this.columns = columns;
    this.slot = columns.allocate(init.vcpus, nearSlot);
    columns.inService[this.slot] = this.state === 'InService' ? 1 : 0;
    columns.state[this.slot] = lifecycleCode(this.state);
    columns.warmUntil[this.slot] = init.warmUntil;
    columns.zone[this.slot] = columns.zoneIndex(init.availabilityZone);
    columns.rebalancing[this.slot] = init.rebalancing ? 1 : 0;
  }

  /** Launched for AZ rebalancing: when it is in service, one instance of the busiest AZ goes. Kept in the columns too. */
  get rebalancing(): boolean | undefined {
    return this.rebalancingLaunch;
  }
  set rebalancing(value: boolean | undefined) {
    this.rebalancingLaunch = value;
    if (!this.left) this.columns.rebalancing[this.slot] = value ? 1 : 0;
  }
  private rebalancingLaunch: boolean | undefined;

  get lifecycleState(): LifecycleState {
    return this.state;
  }
  set lifecycleState(value: LifecycleState) {
    this.state = value;
    if (this.left) return;
    this.columns.inService[this.slot] = value === 'InService' ? 1 : 0;
    this.columns.state[this.slot] = lifecycleCode(value);
  }

  /** Its Availability Zone (its index is in the columns too, for the per-tick walks). */
  get availabilityZone(): string {
    return this.zoneName;
  }
  set availabilityZone(value: string) {
    this.zoneName = value;
    if (!this.left) this.columns.zone[this.slot] = this.columns.zoneIndex(value);
  }
  private zoneName: string;

  /** Until when its metrics do not count toward the group's (ASG-5), epoch ms. */
  get warmUntil(): number {
    return this.read('warmUntil');
  }
  set warmUntil(value: number) {
    this.write('warmUntil', value);
  }
  /** Utilisation of its vCPUs in the last tick, 0..1 (can exceed 1 when offered more than it can serve). */
  get utilisation(): number {
    return this.read('utilisation');
  }
  set utilisation(value: number) {
    this.write('utilisation', value);
  }
  /** CPU-seconds of queued work not yet processed (requests waiting), carried across ticks. */
  get backlog(): number {
    return this.read('backlog');
  }
  set backlog(value: number) {
    this.write('backlog', value);
  }
  get cpuPercent(): number {
    return this.read('cpuPercent');
  }
  set cpuPercent(value: number) {
    this.write('cpuPercent', value);
  }

  /**
   * A number of its own: in the columns at its slot while it is in the world, else where detach left it.
   * (Called with a constant name, so once inlined it is a plain field or element access.)
   */
  private read(name: NumberColumn): number {
    return this.left ? this.left[name] : this.columns[name][this.slot]!;
  }
  private write(name: NumberColumn, value: number): void {
    if (this.left) this.left[name] = value;
    else this.columns[name][this.slot] = value;
  }
  /** Whether it received work this tick (an idle instance drains its backlog in the ALB's tick). */
  get busyThisTick(): boolean {
    return this.left ? this.left.busy : this.columns.busy[this.slot] === 1;
  }
  set busyThisTick(value: boolean) {
    if (this.left) this.left.busy = value;
    else this.columns.busy[this.slot] = value ? 1 : 0;
  }

  /**
   * It left the world: its numbers move to the one columns all detached instances share, which holds
   * no values (DETACHED), and to plain fields here; its slot is freed for the next launch. (Columns of
   * its own, seven typed arrays per terminated instance, cost the garbage collector more than they saved.)
   */
  detach(): void {
    const columns = this.columns;
    const slot = this.slot;
    this.left = { utilisation: columns.utilisation[slot]!, backlog: columns.backlog[slot]!, cpuPercent: columns.cpuPercent[slot]!, busy: columns.busy[slot] === 1, warmUntil: columns.warmUntil[slot]! };
    columns.release(slot);
    this.slot = -1;
  }

  /** A detached instance's last numbers (see detach); undefined while it is in the world. */
  private left: { utilisation: number; backlog: number; cpuPercent: number; busy: boolean; warmUntil: number } | undefined = undefined;
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

/** A scaling activity; the simulator's are ScalingActivityRecords (scaling-activity.ts), which write cause and description when read. */
export interface SimActivity {
  activityId: string;
  autoScalingGroupName: string;
  readonly cause: string;
  readonly description: string;
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
  /** Instances by id, insertion order = launch order. Changed only through addGroupInstance / removeGroupInstance. */
  instances: Map<string, SimInstance>;
  /** Bumped whenever `instances` changes: the per-tick walks keep the members' slots until it does (asg-service.ts). */
  instancesVersion?: number;
  /** The per-tick walks' view of `instances` (AsgService.members), valid while `instancesVersion` is unchanged. */
  members?: GroupMembers;
  /** With HealthCheckType ELB: its target groups as its health looks see them (unhealthy-targets.ts). */
  elbTargets?: ElbTargetsView;
  policies: SimScalingPolicy[];
  /** Newest last; exported newest first like DescribeScalingActivities. */
  activities: SimActivity[];
  cpuSeries?: MetricSeriesData;
}

/** A group's instances in launch order and their slots in the world's columns (AsgService.members). */
export interface GroupMembers {
  version: number;
  instances: SimInstance[];
  slots: number[];
}

/**
 * The group's instances in launch order, as slots in the world's columns (instance-columns.ts), kept
 * until the group's instances change (instancesVersion): the per-tick walks and the capacity counts read
 * the columns, not the instance objects scattered over the heap (issue 15: a cache miss per instance per pass).
 */
export function groupMembers(group: SimAutoScalingGroup): GroupMembers {
  const version = group.instancesVersion ?? 0;
  // Held on the group, not in a WeakMap: a WeakMap lookup per group and tick cost more than the walk's
  // setup. The version alone decides (instances change only through add/removeGroupInstance, which bump
  // it): comparing sizes too touched the list and the Map, two cache misses per group and tick at 10,000.
  const members = group.members;
  if (members !== undefined && members.version === version) return members;
  // Built once; add/removeGroupInstance then keep them current.
  const instances = [...group.instances.values()];
  const slots = instances.map((instance) => instance.slot);
  return (group.members = { version, instances, slots });
}

/** A launched instance joins its group (launch order). */
export function addGroupInstance(group: SimAutoScalingGroup, instance: SimInstance): void {
  const joins = !group.instances.has(instance.instanceId);
  group.instances.set(instance.instanceId, instance);
  const members = currentMembers(group);
  group.instancesVersion = (group.instancesVersion ?? 0) + 1;
  // The members follow the change instead of being rebuilt at the next walk (a list and a slot array
  // per group and change, with a launch or termination somewhere in most minutes at 10,000 instances).
  // A new id goes last in the Map, as here; an id already there keeps its place (and its slot: an
  // instance's slot never changes while it is in the world).
  if (members !== undefined && joins) {
    members.instances.push(instance);
    members.slots.push(instance.slot);
    members.version = group.instancesVersion;
  }
}

/** An instance leaves its group (terminated, or its launch failed). */
export function removeGroupInstance(group: SimAutoScalingGroup, instanceId: string): void {
  const instance = group.instances.get(instanceId);
  if (instance === undefined) return;
  const members = currentMembers(group);
  group.instances.delete(instanceId);
  group.instancesVersion = (group.instancesVersion ?? 0) + 1;
  if (members === undefined) return;
  const at = members.instances.indexOf(instance);
  members.instances.splice(at, 1);
  members.slots.splice(at, 1);
  members.version = group.instancesVersion;
}

/** The group's members when they are still those of its instances (else the next walk rebuilds them). */
function currentMembers(group: SimAutoScalingGroup): GroupMembers | undefined {
  const members = group.members;
  return members !== undefined && members.version === (group.instancesVersion ?? 0) ? members : undefined;
}

/** The Auto Scaling maps the World holds for every service to read. */
export interface AsgWorld {
  autoScalingGroups: Map<string, SimAutoScalingGroup>;
  instances: Map<string, SimInstance>;
  /** The per-tick numbers of the instances in `instances` (instance-columns.ts). */
  instanceColumns: InstanceColumns;
  policiesByArn: Map<string, SimScalingPolicy>;
}

export function createAsgWorld(): AsgWorld {
  return { autoScalingGroups: new Map(), instances: new Map(), instanceColumns: new InstanceColumns(), policiesByArn: new Map() };
}
