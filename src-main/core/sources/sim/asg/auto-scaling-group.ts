/**
 * EC2 Auto Scaling group capacity management: desired capacity changes, launches and terminations,
 * each instance its own scaling activity with an AWS-style cause (ASG-1, ASG-9, ASG-10, ASG-11, ASG-13).
 * docs.aws.amazon.com/autoscaling/ec2/userguide/as-verify-scaling-activity.html
 * docs.aws.amazon.com/autoscaling/ec2/userguide/as-instance-termination.html
 */
import type { SimContext } from '../sim-context';
import { newInstanceId, newUuid } from '../sim-context';
import { deregisterTarget, registerTarget, targetsChanged } from '../alb/target-group';
import type { SimTargetGroup } from '../alb/alb-state';
import { addGroupInstance, groupMembers, removeGroupInstance, SimInstance, type SimActivity, type SimAutoScalingGroup } from './asg-state';
import { LIFECYCLE } from './instance-columns';
import { ScalingActivityRecord, ZONE_REBALANCING, type ActivityCause, type ActivityKind, type CapacityTrigger } from './scaling-activity';

export type { CapacityTrigger } from './scaling-activity';

export const MAX_ACTIVITIES = 300;

/** Clamp a requested capacity into [MinSize, MaxSize] (ASG-1). */
export function clampCapacity(group: Pick<SimAutoScalingGroup, 'minSize' | 'maxSize'>, requested: number): number {
  return Math.min(group.maxSize, Math.max(group.minSize, requested));
}

/**
 * Instances that count toward capacity: everything not on its way out. A rebalancing launch counts
 * only once it is in service (and then one instance of the busiest zone leaves).
 */
export function countedInstances(group: SimAutoScalingGroup): SimInstance[] {
  // Told from the lifecycle code and rebalancing flag in the columns (the group's members), not from
  // each instance's lifecycle string ("Terminat…": Terminating, its sub-states, Terminated).
  const { instances, slots } = groupMembers(group);
  const counted: SimInstance[] = [];
  if (instances.length === 0) return counted;
  const { state: states, rebalancing } = instances[0]!.columns; // every instance of the world shares them
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    const state = states[slot];
    if (state === LIFECYCLE.terminating || state === LIFECYCLE.terminated || (state === LIFECYCLE.pending && rebalancing[slot] === 1)) continue;
    counted.push(instances[k]!);
  }
  return counted;
}

/**
 * How many counted instances are in service, without building the list (target tracking asks every
 * minute while its alarm is in ALARM): every instance in service counts, so these are the in-service ones.
 */
export function countInService(group: SimAutoScalingGroup): number {
  const { instances, slots } = groupMembers(group);
  if (instances.length === 0) return 0;
  const states = instances[0]!.columns.state;
  let n = 0;
  for (let k = 0; k < slots.length; k++) if (states[slots[k]!] === LIFECYCLE.inService) n++;
  return n;
}

/** The group's kept scaling activities (the newest MAX_ACTIVITIES), oldest first. */
export function newestActivities(group: SimAutoScalingGroup): SimActivity[] {
  return group.activities.length > MAX_ACTIVITIES ? group.activities.slice(-MAX_ACTIVITIES) : group.activities;
}

/**
 * Sets the desired capacity (already clamped by the caller where AWS clamps) and launches or
 * terminates instances to match. Returns the activities started.
 */
export function setDesiredCapacity(ctx: SimContext, group: SimAutoScalingGroup, desired: number, trigger: CapacityTrigger): SimActivity[] {
  const previous = group.desiredCapacity;
  group.desiredCapacity = desired;
  ctx.inventoryChanged();
  return reconcile(ctx, group, { trigger, from: previous, to: desired });
}

/**
 * Launch or terminate until the counted instances equal the desired capacity. `change`: the desired
 * capacity change that asked for it (its cause's first sentence), if any.
 */
export function reconcile(ctx: SimContext, group: SimAutoScalingGroup, change?: { trigger: CapacityTrigger; from: number; to: number }): SimActivity[] {
  const counted = countedInstances(group);
  const difference = group.desiredCapacity - counted.length;
  const started: SimActivity[] = [];
  // One cause for every activity of this decision (the sentences are written when read: scaling-activity.ts).
  const cause: ActivityCause = { kind: 'capacity', change, actual: counted.length, desired: group.desiredCapacity };
  if (difference > 0) {
    if (group.availabilityZones.every((az) => ctx.world.failedAvailabilityZones.has(az))) {
      started.push(failLaunch(ctx, group, cause));
      return started;
    }
    group.launchRetry = undefined;
    // Zone counts are taken once and kept current launch by launch: recounting every instance for
    // each new one made a group of n instances cost n² (20,000 instances took tens of seconds).
    const counts = zoneCounts(group, counted);
    for (let n = 0; n < difference; n++) started.push(launchInstance(ctx, group, cause, { zoneCounts: counts }));
  } else if (difference < 0) {
    const victims = terminationOrder(group, -difference, counted);
    for (const victim of victims) started.push(terminateInstance(ctx, group, victim, cause));
  }
  return started;
}

/** First retry after a failed launch; doubles per failure up to LAUNCH_RETRY_MAX_SECONDS (our choice; AWS backs off but documents no figures). */
export const LAUNCH_RETRY_FIRST_SECONDS = 10;
export const LAUNCH_RETRY_MAX_SECONDS = 300;

/**
 * Every zone of the group is down: EC2 refuses the launch at once. Auto Scaling records one failed
 * activity and tries again later with an exponential backoff, instead of one attempt per missing instance.
 */
function failLaunch(ctx: SimContext, group: SimAutoScalingGroup, cause: ActivityCause): SimActivity {
  const activity = newActivity(ctx, group, 'launch-failed', '', cause);
  activity.statusCode = 'Failed';
  activity.statusMessage = `The Availability Zones of ${group.name} (${group.availabilityZones.join(', ')}) are unavailable.`;
  activity.progress = 100;
  activity.endTime = ctx.now;
  const delay = group.launchRetry ? Math.min(LAUNCH_RETRY_MAX_SECONDS, group.launchRetry.delaySeconds * 2) : LAUNCH_RETRY_FIRST_SECONDS;
  const retryAt = ctx.now + delay * 1000;
  group.launchRetry = { delaySeconds: delay, at: retryAt };
  ctx.schedule(retryAt, () => {
    if (group.launchRetry?.at === retryAt) reconcile(ctx, group);
  });
  ctx.inventoryChanged();
  return activity;
}

function newActivity(ctx: SimContext, group: SimAutoScalingGroup, kind: ActivityKind, instanceId: string, cause: ActivityCause): SimActivity {
  const activity = new ScalingActivityRecord(newUuid(ctx.random('ids')), group.name, ctx.now, kind, instanceId, cause);
  group.activities.push(activity);
  // Bounded history: AWS keeps six weeks of activities; we keep the newest MAX_ACTIVITIES per group (the
  // console pages through 100 at a time), so memory stays flat however long a simulation runs. The list
  // may hold up to twice that and is cut back in one move (cutting one entry per launch moved the whole
  // list each time); readers take the newest MAX_ACTIVITIES (newestActivities).
  if (group.activities.length >= 2 * MAX_ACTIVITIES) group.activities.splice(0, group.activities.length - MAX_ACTIVITIES);
  ctx.changes.activity(activity);
  return activity;
}

/** ASG-10: a new instance goes to the enabled AZ with the fewest instances (ties: first in list). */
export function chooseAvailabilityZone(group: SimAutoScalingGroup, unavailable: { has(zone: string): boolean } = new Set(), counts: Map<string, number> = zoneCounts(group)): string {
  const zones = group.availabilityZones.filter((az) => !unavailable.has(az));
  const candidates = zones.length > 0 ? zones : group.availabilityZones;
  let best = candidates[0]!;
  for (const az of candidates) if (counts.get(az)! < counts.get(best)!) best = az;
  return best;
}

/** Counted instances per enabled AZ (zero for empty zones). */
export function zoneCounts(group: SimAutoScalingGroup, counted: readonly SimInstance[] = countedInstances(group)): Map<string, number> {
  const counts = new Map(group.availabilityZones.map((az) => [az, 0]));
  for (const instance of counted) counts.set(instance.availabilityZone, (counts.get(instance.availabilityZone) ?? 0) + 1);
  return counts;
}

/**
 * Default termination policy, simplified: the AZ with the most instances, then the oldest instance
 * in it (all instances share one launch template here, so "oldest launch template" does not decide).
 */
export function selectForTermination(group: SimAutoScalingGroup): SimInstance | undefined {
  // Instances already known to be unhealthy go first; then the default policy.
  const counted = countedInstances(group);
  const unhealthy = counted.find((i) => i.healthStatus === 'Unhealthy');
  if (unhealthy) return unhealthy;
  if (counted.length === 0) return undefined;
  const perAz = new Map<string, SimInstance[]>();
  for (const instance of counted) {
    const list = perAz.get(instance.availabilityZone) ?? [];
    list.push(instance);
    perAz.set(instance.availabilityZone, list);
  }
  let busiest: SimInstance[] = [];
  for (const az of [...group.availabilityZones].reverse()) {
    const list = perAz.get(az) ?? [];
    if (list.length > busiest.length) busiest = list;
  }
  return busiest[0];
}

/**
 * `zoneCounts`, when given, are the counted instances per zone; they are used instead of a recount
 * and updated with the new instance (for launching many in a row).
 */
/**
 * The next `count` instances selectForTermination would pick, one after another, in one pass over
 * the group (calling it once per victim recounted the whole group each time: n² when scaling in).
 * The same order: unhealthy ones first (oldest first), then the oldest of the busiest zone, ties
 * going to the zone listed last.
 */
export function terminationOrder(group: SimAutoScalingGroup, count: number, given?: readonly SimInstance[]): SimInstance[] {
  const counted = given ?? countedInstances(group);
  const order: SimInstance[] = [];
  const taken = new Set<SimInstance>();
  for (const instance of counted) {
    if (order.length >= count) break;
    if (instance.healthStatus === 'Unhealthy') {
      order.push(instance);
      taken.add(instance);
    }
  }
  const perAz = new Map<string, SimInstance[]>();
  for (const instance of counted) {
    if (taken.has(instance)) continue;
    const list = perAz.get(instance.availabilityZone) ?? [];
    list.push(instance);
    perAz.set(instance.availabilityZone, list);
  }
  // Each zone's remaining instances, oldest first: a moving start index instead of shift().
  const next = new Map<string, number>();
  const remaining = (az: string) => (perAz.get(az)?.length ?? 0) - (next.get(az) ?? 0);
  const zones = [...group.availabilityZones].reverse();
  while (order.length < count) {
    let busiest: string | undefined;
    for (const az of zones) if (remaining(az) > (busiest === undefined ? 0 : remaining(busiest))) busiest = az;
    if (busiest === undefined) break;
    const index = next.get(busiest) ?? 0;
    order.push(perAz.get(busiest)![index]!);
    next.set(busiest, index + 1);
  }
  return order;
}

export function launchInstance(ctx: SimContext, group: SimAutoScalingGroup, cause: ActivityCause, options: { availabilityZone?: string; rebalancing?: boolean; zoneCounts?: Map<string, number> } = {}): SimActivity {
  const instanceId = newInstanceId(ctx.random('ids'));
  const activity = newActivity(ctx, group, 'launch', instanceId, cause);
  const readyAt = ctx.now + ctx.settings.instanceBootSeconds * 1000;
  const instance = new SimInstance(
    {
      instanceId,
      autoScalingGroupName: group.name,
      availabilityZone: options.availabilityZone ?? chooseAvailabilityZone(group, ctx.world.failedAvailabilityZones, options.zoneCounts),
      instanceType: group.instanceType,
      vcpus: group.vcpus,
      lifecycleState: 'Pending',
      healthStatus: 'Healthy',
      launchTime: ctx.now,
      readyAt,
      activity,
      warmUntil: readyAt + warmupSeconds(group) * 1000,
      ...(options.rebalancing ? { rebalancing: true } : {}),
    },
    ctx.world.instanceColumns,
    slotNearGroup(group),
  );
  activity.progress = 30;
  if (options.zoneCounts && !options.rebalancing) options.zoneCounts.set(instance.availabilityZone, (options.zoneCounts.get(instance.availabilityZone) ?? 0) + 1);
  addGroupInstance(group, instance);
  ctx.world.instances.set(instanceId, instance);
  ctx.schedule(instance.readyAt, () => onInstanceReady(ctx, instanceId));
  return activity;
}

/**
 * The slot of the group's newest instance (its members' last, possibly a change behind): a new
 * instance's slot is taken near it, so the group's slots stay close together (instance-columns.ts).
 * -1 before the group's first walk.
 */
function slotNearGroup(group: SimAutoScalingGroup): number {
  const slots = group.members?.slots;
  return slots !== undefined && slots.length > 0 ? slots[slots.length - 1]! : -1;
}

/**
 * ASG-5/ASG-15: how long a new instance's metrics stay out of the group's aggregate: the group's
 * DefaultInstanceWarmup, else the largest warm-up of its target-tracking and step policies — each
 * policy's EstimatedInstanceWarmup, which "falls back to the value of default cooldown" (300 s unless
 * Cooldown says otherwise) when neither is set (ec2-auto-scaling-default-instance-warmup.html,
 * API_PutScalingPolicy EstimatedInstanceWarmup). A group without such policies has no warm-up.
 */
export function warmupSeconds(group: SimAutoScalingGroup): number {
  if (group.defaultInstanceWarmup !== undefined) return group.defaultInstanceWarmup;
  return Math.max(0, ...group.policies.filter((p) => p.policyType !== 'SimpleScaling').map((p) => policyWarmupSeconds(group, p)));
}

/** ASG-15: a target-tracking or step policy's warm-up: its own, else the group's default warm-up, else the default cooldown. */
export function policyWarmupSeconds(group: SimAutoScalingGroup, policy: { estimatedInstanceWarmup?: number }): number {
  return policy.estimatedInstanceWarmup ?? group.defaultInstanceWarmup ?? group.defaultCooldown;
}

/**
 * A warm start (Simulation.ColdStart false): an instance of the initial capacity booted, passed its
 * health checks and warmed up before StartTime. Its launch activity is complete and its targets healthy.
 */
export function inServiceBeforeStart(ctx: SimContext, instance: SimInstance): void {
  if (instance.lifecycleState !== 'Pending') return;
  const group = ctx.world.autoScalingGroups.get(instance.autoScalingGroupName);
  if (!group) return;
  instance.lifecycleState = 'InService';
  instance.readyAt = ctx.now;
  instance.warmUntil = ctx.now;
  for (const arn of group.targetGroupArns) {
    const targetGroup = ctx.world.targetGroups.get(arn);
    if (!targetGroup) continue;
    const target = registerTarget(ctx, targetGroup, instance.instanceId, instance.availabilityZone);
    target.state = 'healthy';
    target.reason = undefined;
    target.description = undefined;
    target.healthySince = ctx.now - targetGroup.slowStartSeconds * 1000;
    targetsChanged(targetGroup);
  }
  finishActivity(ctx, instance.activity);
}

/** ASG-13: boot done → InService, registered with the group's target groups (which start it `initial`). */
export function onInstanceReady(ctx: SimContext, instanceId: string): void {
  const instance = ctx.world.instances.get(instanceId);
  if (!instance || instance.lifecycleState !== 'Pending') return;
  const group = ctx.world.autoScalingGroups.get(instance.autoScalingGroupName);
  if (!group) return;
  if (ctx.world.failedAvailabilityZones.has(instance.availabilityZone)) {
    // The zone went down while it booted: the launch fails and the group tries again elsewhere.
    removeGroupInstance(group, instanceId);
    ctx.world.instances.delete(instanceId);
    instance.detach();
    instance.activity.statusCode = 'Failed';
    instance.activity.statusMessage = `Instance ${instanceId} could not start: ${instance.availabilityZone} is unavailable.`;
    instance.activity.progress = 100;
    instance.activity.endTime = ctx.now;
    ctx.changes.activity(instance.activity);
    ctx.inventoryChanged();
    reconcile(ctx, group);
    return;
  }
  instance.lifecycleState = 'InService';
  for (const arn of group.targetGroupArns) {
    const targetGroup = ctx.world.targetGroups.get(arn);
    if (targetGroup) registerTarget(ctx, targetGroup, instance.instanceId, instance.availabilityZone);
  }
  finishActivity(ctx, instance.activity);
  ctx.inventoryChanged();
  if (instance.rebalancing) finishRebalancing(ctx, group, instance);
}

/** ASG-10: the rebalancing launch is in service; now one instance of the busiest zone goes. */
function finishRebalancing(ctx: SimContext, group: SimAutoScalingGroup, launched: SimInstance): void {
  launched.rebalancing = undefined;
  const counted = countedInstances(group);
  const counts = zoneCounts(group, counted);
  let busiest: string | undefined;
  for (const [az, n] of counts) if (!ctx.world.failedAvailabilityZones.has(az) && (busiest === undefined || n > counts.get(busiest)!)) busiest = az;
  const victim = counted.find((i) => i.availabilityZone === busiest && i !== launched);
  if (!victim || counted.length <= group.desiredCapacity) return;
  terminateInstance(ctx, group, victim, ZONE_REBALANCING);
}

function finishActivity(ctx: SimContext, activity: SimActivity): void {
  activity.statusCode = 'Successful';
  activity.progress = 100;
  activity.endTime = ctx.now;
  ctx.changes.activity(activity);
}

export function terminateInstance(ctx: SimContext, group: SimAutoScalingGroup, instance: SimInstance, cause: ActivityCause): SimActivity {
  const activity = newActivity(ctx, group, 'terminate', instance.instanceId, cause);
  instance.activity = activity;
  instance.lifecycleState = 'Terminating';
  let drainSeconds = 0;
  for (const arn of group.targetGroupArns) {
    const targetGroup = ctx.world.targetGroups.get(arn);
    if (targetGroup && targetGroup.targets.has(instance.instanceId)) {
      deregisterTarget(ctx, targetGroup, instance.instanceId);
      drainSeconds = Math.max(drainSeconds, targetGroup.deregistrationDelaySeconds);
    }
  }
  if (drainSeconds > 0) {
    activity.statusCode = 'WaitingForELBConnectionDraining';
    activity.progress = 50;
    ctx.schedule(ctx.now + drainSeconds * 1000, () => onInstanceDrained(ctx, instance.instanceId));
  } else {
    onInstanceDrained(ctx, instance.instanceId);
  }
  ctx.inventoryChanged();
  return activity;
}

/** After connection draining, the instance shuts down; EC2 takes a few seconds (our choice: 10 s). */
export function onInstanceDrained(ctx: SimContext, instanceId: string): void {
  const instance = ctx.world.instances.get(instanceId);
  if (!instance) return;
  instance.lifecycleState = 'Terminating:Proceed';
  instance.activity.statusCode = 'InProgress';
  instance.activity.progress = 75;
  ctx.changes.activity(instance.activity);
  ctx.schedule(ctx.now + 10_000, () => onInstanceTerminated(ctx, instanceId));
}

export function onInstanceTerminated(ctx: SimContext, instanceId: string): void {
  const instance = ctx.world.instances.get(instanceId);
  if (!instance) return;
  const group = ctx.world.autoScalingGroups.get(instance.autoScalingGroupName);
  instance.lifecycleState = 'Terminated';
  ctx.world.instances.delete(instanceId);
  instance.detach();
  // An instance is registered only with its group's target groups (onInstanceReady): look there, not
  // in every target group of the scenario (250 groups × every termination at 10,000 instances).
  const leave = (targetGroup: SimTargetGroup | undefined) => {
    if (targetGroup?.targets.delete(instanceId)) targetsChanged(targetGroup);
  };
  if (group) for (const arn of group.targetGroupArns) leave(ctx.world.targetGroups.get(arn));
  else for (const targetGroup of ctx.world.targetGroups.values()) leave(targetGroup);
  if (group) removeGroupInstance(group, instanceId);
  finishActivity(ctx, instance.activity);
  ctx.inventoryChanged();
}
