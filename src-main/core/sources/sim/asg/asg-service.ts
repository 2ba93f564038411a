/**
 * EC2 Auto Scaling as a simulated service: the groups' capacity, their instances' CPU and health,
 * scaling policies invoked by alarms (simple, step, target tracking), scheduled actions, health
 * replacements and Availability Zone rebalancing.
 * docs.aws.amazon.com/autoscaling/ec2/userguide/ (as-scale-based-on-demand, as-scaling-simple-step,
 * as-scaling-target-tracking, ec2-auto-scaling-scheduled-scaling, ec2-auto-scaling-health-checks,
 * auto-scaling-benefits#AutoScalingBehavior.InstanceUsage)
 */
import type { ActionOf, Inventory, ScalingPolicySummary } from '../../../contract/model';
import type { SimContext } from '../sim-context';
import type { AlarmTrigger as ServiceAlarmTrigger, FaultEffect, SimService } from '../service-module';
import type { FaultParameters } from '../scenario/timed-entries';
import { ActionRefusedError, capacityRefusal, executePolicyRefusal, refusal, type GroupState } from '../../../rules';
import { groupMembers, type SimAutoScalingGroup, type SimInstance, type SimScalingPolicy, type SimScheduledAction } from './asg-state';
import { GROUP_METRICS } from './group-metrics';
import { LIFECYCLE } from './instance-columns';
import { clampCapacity, countInService, inServiceBeforeStart, launchInstance, policyWarmupSeconds, reconcile, setDesiredCapacity, terminateInstance } from './auto-scaling-group';
import { nextScheduledRun } from './build-asg';
import { adjustedCapacity, selectStep } from './scaling-adjustment';
import { targetTrackingCapacity } from './target-tracking';
import { anyUnhealthyTarget, elbTargetsView, unhealthyTargetIn } from './unhealthy-targets';
import { simRefusal } from '../sim-refusals';
import { EC2_STATUS_CHECK_FAILURE, ELB_HEALTH_CHECK_FAILURE, TERMINATED_OUTSIDE, ZONE_IMBALANCE, type ActivityCause } from './scaling-activity';

/**
 * How often the group looks at its instances' health. AWS says only "periodically"; EC2 status checks
 * run every minute and ELB checks at their own interval, so 30 s is our choice (ec2-auto-scaling-health-checks.html).
 */
export const HEALTH_CHECK_PERIOD_SECONDS = 30;

/** How long an unreachable instance takes to fail its EC2 status checks (two one-minute checks; our choice). */
export const EC2_STATUS_CHECK_DETECTION_SECONDS = 120;

/** ASG-7: a scheduled action may start up to two minutes late (the delay is drawn per run). */
export const SCHEDULED_ACTION_MAX_DELAY_SECONDS = 120;
/** EC2-1: basic monitoring publishes EC2 metrics every 5 minutes. */
const BASIC_MONITORING_MS = 300_000;

export interface AlarmTrigger {
  /** Absent when an operator executed the policy (ExecutePolicy). */
  alarmName?: string;
  metricValue: number;
  threshold: number;
}

export class AsgService implements SimService {
  readonly id = 'autoscaling';

  /** `desiredAtCreation`: each group's DesiredCapacity as the scenario gives it (default MinSize), applied at start. */
  constructor(
    private readonly ctx: SimContext,
    private readonly desiredAtCreation = new Map<string, number>(),
  ) {}

  start(): void {
    this.createGroups(this.desiredAtCreation);
  }

  /** CW-2: an alarm in ALARM invokes a scaling policy by its ARN. */
  alarmAction(actionArn: string, trigger: ServiceAlarmTrigger): boolean {
    const policy = this.world.policiesByArn.get(actionArn);
    if (!policy) return false;
    this.executePolicy(policy, trigger);
    return true;
  }

  private get world() {
    return this.ctx.world;
  }

  /**
   * t = 0: each group is raised to its DesiredCapacity (default MinSize), as CloudFormation does. Unless
   * the scenario asks for a cold start, the stack was already running before StartTime: its instances
   * are in service and their targets healthy at once, so the first minutes carry no false 5XX burst.
   */
  createGroups(desiredByGroup: Map<string, number>): void {
    for (const group of this.world.autoScalingGroups.values()) {
      const desired = desiredByGroup.get(group.name) ?? group.minSize;
      if (desired > 0) setDesiredCapacity(this.ctx, group, desired, { kind: 'created' });
      if (!this.ctx.settings.coldStart) for (const instance of group.instances.values()) inServiceBeforeStart(this.ctx, instance);
      for (const action of group.scheduledActions) this.scheduleNext(group, action);
    }
  }

  private scheduleNext(group: SimAutoScalingGroup, action: SimScheduledAction): void {
    if (action.nextRun === undefined) return;
    const delay = this.ctx.random('scheduled-actions').int(SCHEDULED_ACTION_MAX_DELAY_SECONDS + 1) * 1000;
    this.ctx.schedule(action.nextRun + delay, () => {
      this.runScheduledAction(group, action);
      action.nextRun = nextScheduledRun(action, action.nextRun!);
      this.scheduleNext(group, action);
    });
  }

  /** ASG-7: set Min/Max/Desired; a desired capacity outside the new bounds is clamped. Ignores cooldowns (ASG-3). */
  private runScheduledAction(group: SimAutoScalingGroup, action: SimScheduledAction): void {
    group.minSize = action.minSize ?? group.minSize;
    group.maxSize = action.maxSize ?? group.maxSize;
    const desired = clampCapacity(group, action.desiredCapacity ?? group.desiredCapacity);
    this.ctx.recordTimeline({
      service: 'autoscaling',
      kind: 'ScheduledAction',
      resource: group.name,
      message: `Scheduled action ${action.name} ran: min ${group.minSize}, max ${group.maxSize}, desired ${desired}`,
      text: { code: 'scheduledAction.ran', params: { action: action.name, group: group.name, min: group.minSize, max: group.maxSize, desired } },
      severity: 'info',
    });
    if (desired !== group.desiredCapacity) {
      setDesiredCapacity(this.ctx, group, desired, { kind: 'scheduled', actionName: action.name, minSize: group.minSize, maxSize: group.maxSize });
    } else {
      this.ctx.inventoryChanged();
    }
  }

  tick(tickStart: number): void {
    const healthCheckDue = this.ctx.now % (HEALTH_CHECK_PERIOD_SECONDS * 1000) === 0;
    // Health replacements change instances' states, never which zones are down: worked out once per tick.
    const zoneDown = this.world.failedAvailabilityZones.size > 0 ? this.world.instanceColumns.zonesDown(this.world.failedAvailabilityZones.keys()) : undefined;
    const zoneFailing = healthCheckDue ? this.zonesFailingStatusChecks() : undefined;
    for (const group of this.world.autoScalingGroups.values()) {
      if (healthCheckDue) this.replaceUnhealthy(group, zoneFailing);
      this.publishMetrics(group, tickStart, zoneDown);
    }
  }

  minute(): void {
    for (const group of this.world.autoScalingGroups.values()) this.rebalance(group);
  }

  /**
   * EC2-1: AWS/EC2 CPUUtilization by AutoScalingGroupName. With detailed monitoring one datapoint per
   * minute; with basic monitoring (a launch template's default) one per 5 minutes, the average of the
   * five minutes (AWSEC2 UserGuide, using-cloudwatch-new.html).
   * With Simulation.InstanceMetrics each instance has its own series too (dimension InstanceId), at
   * the same period; off by default for its cost at scale (docs/metrics.md).
   */
  private publishCpu(group: SimAutoScalingGroup, tickStart: number, cpu: number | undefined): void {
    this.publishCpuSeries(group, group, undefined, group.basicCpu, tickStart, cpu);
  }

  /** EC2-1 per instance: what the instance's own CloudWatch series gets, at its group's monitoring period. */
  private publishInstanceCpu(group: SimAutoScalingGroup, instance: SimInstance, tickStart: number, cpu: number | undefined): void {
    if (!group.detailedMonitoring) instance.basicCpu ??= { sum: 0, count: 0 };
    this.publishCpuSeries(group, instance, instance, instance.basicCpu, tickStart, cpu);
  }

  /**
   * `instance` undefined: the group's series (held on the group once it has its first datapoint, so a
   * tick costs no lookup or dimensions object); else that instance's.
   */
  private publishCpuSeries(group: SimAutoScalingGroup, owner: object, instance: SimInstance | undefined, basic: { sum: number; count: number } | undefined, tickStart: number, cpu: number | undefined): void {
    if (group.detailedMonitoring || !basic) {
      if (cpu !== undefined) this.putCpu(group, owner, instance, tickStart / 1000, cpu);
      return;
    }
    if (cpu !== undefined) {
      basic.sum += cpu;
      basic.count++;
    }
    const tickMs = this.ctx.settings.tickSeconds * 1000;
    if ((tickStart + tickMs) % BASIC_MONITORING_MS !== 0) return;
    if (basic.count > 0) {
      // Stamped in the minute that is still open (the store's closed minutes are final): one datapoint
      // per 5 minutes, at the last minute of the window it averages.
      const minuteStart = tickStart - (tickStart % 60_000);
      this.putCpu(group, owner, instance, minuteStart / 1000, basic.sum / basic.count);
    }
    basic.sum = 0;
    basic.count = 0;
  }

  /** One CPUUtilization datapoint: the series is found (created at its first datapoint, as before) through the store's per-owner cache. */
  private putCpu(group: SimAutoScalingGroup, owner: object, instance: SimInstance | undefined, epochSeconds: number, cpu: number): void {
    const metrics = this.ctx.metrics;
    if (instance) metrics.putFor(owner, 'AWS/EC2', 'CPUUtilization', { InstanceId: instance.instanceId }, epochSeconds, cpu);
    else metrics.putInto((group.cpuSeries ??= metrics.seriesOf(group, 'AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: group.name })), epochSeconds, cpu);
  }

  /** CPU per instance, the group's CPUUtilization (ASG-12, without warming instances: ASG-5) and AWS/AutoScaling group metrics. */
  private publishMetrics(group: SimAutoScalingGroup, tickStart: number, zoneDown: Uint8Array | undefined): void {
    const epochSeconds = tickStart / 1000;
    const noise = this.ctx.random('cpu');
    const publishInstances = this.ctx.settings.instanceMetrics === true;
    let cpuSum = 0;
    let counted = 0;
    let inService = 0;
    let pending = 0;
    let terminating = 0;
    const now = this.ctx.now;
    // One walk over the group's slots in launch order (the order of the noise draws), reading the columns.
    const { slots, instances } = groupMembers(group);
    const { state: states, utilisation, cpuPercent, warmUntil, zone } = this.world.instanceColumns;
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      const state = states[slot];
      if (state !== LIFECYCLE.inService) {
        if (state === LIFECYCLE.pending) pending++;
        else if (state === LIFECYCLE.terminating) terminating++;
        continue;
      }
      inService++;
      const down = zoneDown !== undefined && zoneDown[zone[slot]!] === 1;
      // 2 % idle baseline plus the work it did, with ±1 point of jitter; a host in a failed zone reports nothing.
      const cpu = (cpuPercent[slot] = down ? 0 : Math.min(100, Math.max(0, 2 + 98 * Math.min(1, utilisation[slot]!) + noise.normal())));
      // EC2-1: a stopped host publishes nothing; a warming one does publish its own series (ASG-5
      // leaves it out of the group's only).
      if (publishInstances) this.publishInstanceCpu(group, instances[k]!, tickStart, down ? undefined : cpu);
      if (down || now < warmUntil[slot]!) continue;
      cpuSum += cpu;
      counted++;
    }
    this.publishCpu(group, tickStart, counted > 0 ? cpuSum / counted : undefined);
    // ASG-18: group metrics only for the metrics whose collection is enabled (values: groupMetricValue),
    // from the counts of the walk above. Most groups collect none: nothing more is done for them.
    if (group.metricsCollection.size === 0) return;
    const metrics = this.ctx.metrics;
    // The dimensions object is only read when a series is created (the store's per-owner cache).
    let dims: { AutoScalingGroupName: string } | undefined;
    for (const name of GROUP_METRICS) {
      if (!group.metricsCollection.has(name)) continue;
      dims ??= { AutoScalingGroupName: group.name };
      metrics.putFor(group, 'AWS/AutoScaling', name, dims, epochSeconds, groupMetricValue(name, group, inService, pending, terminating));
    }
  }

  /**
   * ASG-8/ASG-9: after the grace period, an instance whose EC2 status check fails (its zone is down)
   * or — with HealthCheckType ELB — whose target is unhealthy is terminated and replaced, each its
   * own activity. Replacements ignore cooldowns (ASG-3).
   * `zoneFailing`: per zone index, 1 for a zone down long enough to fail the status checks
   * (zonesFailingStatusChecks); undefined when there is none.
   */
  private replaceUnhealthy(group: SimAutoScalingGroup, zoneFailing: Uint8Array | undefined): void {
    // Whether some target of the group's target groups is unhealthy is known without a walk while
    // their targets are unchanged. With neither reason, nothing can fail this look: no walk at all.
    const elb = group.healthCheckType === 'ELB' ? elbTargetsView(group, this.world.targetGroups) : undefined;
    const targetMayFail = elb !== undefined && anyUnhealthyTarget(elb);
    if (zoneFailing === undefined && !targetMayFail) return;
    let failing: [SimInstance, ActivityCause][] | undefined;
    const targetGroups = targetMayFail ? elb.targetGroups : [];
    const graceMs = group.healthCheckGracePeriod * 1000;
    const now = this.ctx.now;
    // Launch order, as before; the state and zone tests read the columns (see groupMembers). While a zone is
    // down and no target is unhealthy (most looks with a walk at 10,000 instances: every group, every
    // 30 s, for the whole outage), only the instances in that zone are touched, not every instance
    // object with two Map lookups each as before.
    const { slots, instances } = groupMembers(group);
    const { state: states, zone } = this.world.instanceColumns;
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      if (states[slot] !== LIFECYCLE.inService) continue;
      const zoneFails = zoneFailing !== undefined && zoneFailing[zone[slot]!] === 1;
      if (!zoneFails && !targetMayFail) continue;
      const instance = instances[k]!;
      if (now < instance.readyAt + graceMs) continue;
      // EC2 runs status checks every minute and marks an instance impaired after they fail; Auto Scaling
      // sees it at its next look — minutes, not seconds (ec2-auto-scaling-health-checks.html). Meanwhile
      // the load balancer's own checks have already marked its target unhealthy.
      const reason = zoneFails ? EC2_STATUS_CHECK_FAILURE : unhealthyTargetIn(targetGroups, instance.instanceId) ? ELB_HEALTH_CHECK_FAILURE : undefined;
      if (reason) (failing ??= []).push([instance, reason]);
    }
    if (!failing) return;
    for (const [instance, reason] of failing) {
      instance.healthStatus = 'Unhealthy';
      terminateInstance(this.ctx, group, instance, reason);
    }
    reconcile(this.ctx, group);
  }

  /**
   * The zones down for the EC2 status checks' detection time, as flags by zone index (the EC2 reason of
   * replaceUnhealthy); undefined when there is none. Health replacements never change which zones are
   * down, so this holds for the whole tick. The array is reused.
   */
  private zonesFailingStatusChecks(): Uint8Array | undefined {
    let failing: string[] | undefined;
    for (const [zone, since] of this.world.failedAvailabilityZones) if (this.ctx.now - since >= EC2_STATUS_CHECK_DETECTION_SECONDS * 1000) (failing ??= []).push(zone);
    if (failing === undefined) return undefined;
    const columns = this.world.instanceColumns;
    for (const zone of failing) columns.zoneIndex(zone); // indexed before the flags are sized
    if (this.failingZoneFlags.length < columns.zoneNames.length) this.failingZoneFlags = new Uint8Array(columns.zoneNames.length * 2);
    this.failingZoneFlags.fill(0);
    for (const zone of failing) this.failingZoneFlags[columns.zoneIndex(zone)] = 1;
    return this.failingZoneFlags;
  }

  private failingZoneFlags = new Uint8Array(8);

  /**
   * ASG-10: when zones are unbalanced by more than one instance, launch in the emptiest healthy zone
   * first, then terminate in the busiest; meanwhile the group may exceed MaxSize by 10 % or 1.
   */
  private rebalance(group: SimAutoScalingGroup): void {
    // One walk (issue 15): any launch or termination under way stops the look; meanwhile the zones are
    // counted as zoneCounts does (countedInstances' rule: here every instance but a terminated one), by
    // zone index into a reused tally, without a Map per group and minute.
    // The group's slots and the columns stand in for its instance objects (see groupMembers).
    const { slots } = groupMembers(group);
    const columns = this.world.instanceColumns;
    const { state: states, rebalancing, zone } = columns;
    if (this.zoneTally.length < columns.zoneNames.length) this.zoneTally = new Int32Array(columns.zoneNames.length * 2);
    const tally = this.zoneTally;
    tally.fill(0);
    let total = 0;
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      const state = states[slot];
      if (rebalancing[slot] === 1 || state === LIFECYCLE.pending || state === LIFECYCLE.terminating) return;
      if (state === LIFECYCLE.terminated) continue;
      tally[zone[slot]!]!++;
      total++;
    }
    // The healthy zones in the group's order with their counts; the emptiest is the first of the fewest.
    let zonesCounted = 0;
    let healthyZones = 0;
    let emptiest: string | undefined;
    let fewest = 0;
    let most = 0;
    const zones = group.availabilityZones;
    for (let z = 0; z < zones.length; z++) {
      const az = zones[z]!;
      if (zones.indexOf(az) !== z) continue; // listed twice: counted once, as a Map of the zones would
      const n = tally[columns.zoneIndex(az)] ?? 0; // a zone no instance has been in yet is past the tally's end
      zonesCounted += n;
      if (this.world.failedAvailabilityZones.has(az)) continue;
      healthyZones++;
      if (emptiest === undefined || n < fewest) {
        emptiest = az;
        fewest = n;
      }
      if (healthyZones === 1 || n > most) most = n;
    }
    // An instance in a zone the group does not list (not made here) is counted the general way.
    if (zonesCounted !== total) return this.rebalanceListedElsewhere(group);
    if (healthyZones < 2 || emptiest === undefined) return;
    if (most - fewest <= 1) return;
    this.launchRebalancing(group, emptiest);
  }

  private zoneTally = new Int32Array(8);

  /** ASG-10's launch, within the allowance over MaxSize. */
  private launchRebalancing(group: SimAutoScalingGroup, emptiest: string): void {
    const allowance = Math.max(1, Math.floor(group.maxSize * 0.1));
    if (group.instances.size + 1 > group.maxSize + allowance) return;
    launchInstance(this.ctx, group, ZONE_IMBALANCE, { availabilityZone: emptiest, rebalancing: true });
    this.ctx.inventoryChanged();
  }

  /** rebalance when some instance is in a zone the group does not list: its zones in a Map, in the order first seen. */
  private rebalanceListedElsewhere(group: SimAutoScalingGroup): void {
    const counts = new Map(group.availabilityZones.map((az) => [az, 0]));
    for (const instance of group.instances.values()) if (instance.lifecycleState !== 'Terminated') counts.set(instance.availabilityZone, (counts.get(instance.availabilityZone) ?? 0) + 1);
    const healthy = [...counts].filter(([az]) => !this.world.failedAvailabilityZones.has(az));
    if (healthy.length < 2) return;
    const [emptiest] = healthy.reduce((a, b) => (b[1] < a[1] ? b : a));
    const [, most] = healthy.reduce((a, b) => (b[1] > a[1] ? b : a));
    if (most - counts.get(emptiest)! <= 1) return;
    this.launchRebalancing(group, emptiest);
  }

  /** A policy invoked by an alarm in ALARM (CW-2), or by ExecutePolicy. Returns what happened, for messages. */
  executePolicy(policy: SimScalingPolicy, trigger: AlarmTrigger | undefined, honorCooldown = true): string {
    const group = this.world.autoScalingGroups.get(policy.autoScalingGroupName);
    if (!group || !policy.enabled) return 'policy not found or disabled';
    const inService = countInService(group);
    let wanted: number | undefined;
    switch (policy.policyType) {
      case 'TargetTrackingScaling':
        if (!trigger?.alarmName) return 'a target-tracking policy only acts on its own alarms';
        wanted = targetTrackingCapacity(policy, group, inService, trigger.metricValue, trigger.alarmName);
        break;
      case 'SimpleScaling': {
        if (honorCooldown && this.inSimpleCooldown(group)) return `the group is in its cooldown period`;
        wanted = adjustedCapacity(group.desiredCapacity, policy.adjustmentType, policy.scalingAdjustment, policy.minAdjustmentMagnitude);
        break;
      }
      case 'StepScaling': {
        const step = trigger ? selectStep(policy.stepAdjustments, trigger.metricValue, trigger.threshold) : policy.stepAdjustments[0];
        if (!step) return 'no step adjustment matches the metric value';
        // While the last step's instances warm up, the same (or a smaller) step does not scale again:
        // warming instances already count toward current capacity (as-scaling-simple-step.html#as-step-scaling-warmup).
        const last = policy.lastStep;
        if (last && this.ctx.now < last.warmUntil && Math.abs(step.adjustment) <= Math.abs(last.adjustment) && Math.sign(step.adjustment) === Math.sign(last.adjustment)) {
          return 'instances from this step are still warming up';
        }
        const base = last && this.ctx.now < last.warmUntil && Math.sign(step.adjustment) === Math.sign(last.adjustment) ? group.desiredCapacity - (policy.adjustmentType === 'ChangeInCapacity' ? last.adjustment : 0) : group.desiredCapacity;
        wanted = adjustedCapacity(base, policy.adjustmentType, step.adjustment, policy.minAdjustmentMagnitude);
        policy.lastStep = { adjustment: step.adjustment, warmUntil: this.ctx.now + (policyWarmupSeconds(group, policy) + this.ctx.settings.instanceBootSeconds) * 1000 };
        break;
      }
    }
    if (wanted === undefined) return 'no change needed';
    const desired = clampCapacity(group, wanted);
    if (desired === group.desiredCapacity) return `desired capacity stays at ${desired} (bounded by [${group.minSize}, ${group.maxSize}])`;
    const started = setDesiredCapacity(
      this.ctx,
      group,
      desired,
      trigger?.alarmName ? { kind: 'alarm', alarmName: trigger.alarmName, policyName: policy.policyName } : { kind: 'user-policy', policyName: policy.policyName },
    );
    if (policy.policyType === 'SimpleScaling') group.simpleCooldown = { activities: started, seconds: policy.cooldown ?? group.defaultCooldown };
    return `desired capacity ${desired}`;
  }

  /** ASG-3: simple scaling waits for its activities to finish plus the cooldown. */
  private inSimpleCooldown(group: SimAutoScalingGroup): boolean {
    const cooldown = group.simpleCooldown;
    if (!cooldown) return false;
    if (cooldown.activities.some((a) => a.endTime === undefined)) return true;
    const finished = Math.max(...cooldown.activities.map((a) => a.endTime!), 0);
    return this.ctx.now < finished + cooldown.seconds * 1000;
  }

  applyFault(type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
    if (type !== 'TerminateInstances') return undefined;
    const p = parameters as FaultParameters<'TerminateInstances'>;
    const group = this.requireGroup(p.AutoScalingGroupName);
    const inService = [...group.instances.values()].filter((i) => i.lifecycleState === 'InService');
    const victims = p.InstanceIds ? inService.filter((i) => p.InstanceIds!.includes(i.instanceId)) : inService.slice(0, p.Count ?? 1);
    // Terminated outside Auto Scaling: EC2 reports them gone, the group notices at its next health check.
    for (const instance of victims) {
      instance.healthStatus = 'Unhealthy';
      terminateInstance(this.ctx, group, instance, TERMINATED_OUTSIDE);
    }
    reconcile(this.ctx, group);
    return { message: `Terminated ${victims.length} ${victims.length === 1 ? 'instance' : 'instances'} of ${group.name}: ${victims.map((i) => i.instanceId).join(', ') || 'none in service'}` };
  }

  /** The rules' view of a group (core/rules GroupState): bounds, capacity and policies. */
  private groupState(group: SimAutoScalingGroup): GroupState {
    return {
      autoScalingGroupName: group.name,
      minSize: group.minSize,
      maxSize: group.maxSize,
      desiredCapacity: group.desiredCapacity,
      policies: group.policies.map((policy) => ({ policyName: policy.policyName, policyARN: policy.policyArn, policyType: policy.policyType })),
    };
  }

  /** SetDesiredCapacity, refused as the shared rules say (core/rules/asg-rules.ts) or while in cooldown when HonorCooldown. */
  setDesiredCapacityAction(action: ActionOf<'SetDesiredCapacity'>): string {
    const group = this.world.autoScalingGroups.get(action.autoScalingGroupName);
    const refused = capacityRefusal(group && this.groupState(group), action);
    if (refused || !group) throw new ActionRefusedError(refused ?? refusal('group-not-found', { group: action.autoScalingGroupName }));
    if (action.honorCooldown && this.inSimpleCooldown(group)) throw new ActionRefusedError(refusal('in-cooldown', { group: group.name }));
    setDesiredCapacity(this.ctx, group, action.desiredCapacity, { kind: 'user' });
    return `Desired capacity of ${group.name} set to ${action.desiredCapacity}`;
  }

  /** ExecutePolicy (ASG-16), refused as the shared rules say. */
  executePolicyAction(action: ActionOf<'ExecutePolicy'>): string {
    const group = this.world.autoScalingGroups.get(action.autoScalingGroupName);
    // PolicyName is "the name or ARN of the policy" (API_ExecutePolicy); a scenario may also give
    // `!Ref <Policy>` (the ARN CloudFormation returns) or the policy's logical id.
    const policy =
      group?.policies.find((candidate) => candidate.policyName === action.policyName || candidate.policyArn === action.policyName || candidate.logicalId === action.policyName) ??
      group?.policies.find((candidate) => this.world.policiesByArn.get(action.policyName) === candidate);
    const named = policy ? { ...action, policyName: policy.policyName } : action;
    const refused = executePolicyRefusal(group && this.groupState(group), named);
    if (refused || !group || !policy) throw new ActionRefusedError(refused ?? refusal('policy-not-found', { group: action.autoScalingGroupName, policy: action.policyName }));
    // The step is picked from MetricValue − BreachThreshold; the activity cause is the user request.
    const trigger = policy.policyType === 'StepScaling' ? { metricValue: action.metricValue!, threshold: action.breachThreshold! } : undefined;
    return `${policy.policyName}: ${this.executePolicy(policy, trigger, action.honorCooldown ?? true)}`;
  }

  requireGroup(name: string): SimAutoScalingGroup {
    const group = this.world.autoScalingGroups.get(name);
    if (!group) throw simRefusal('fault.groupNotFound', `AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`, { name });
    return group;
  }

  inventory(): Partial<Inventory> {
    return {
      autoScalingGroups: [...this.world.autoScalingGroups.values()].map((group) => ({
        autoScalingGroupName: group.name,
        autoScalingGroupARN: `arn:aws:autoscaling:${this.world.region}:123456789012:autoScalingGroup:${group.name}`,
        minSize: group.minSize,
        maxSize: group.maxSize,
        desiredCapacity: group.desiredCapacity,
        defaultCooldown: group.defaultCooldown,
        ...(group.defaultInstanceWarmup !== undefined ? { defaultInstanceWarmup: group.defaultInstanceWarmup } : {}),
        healthCheckType: group.healthCheckType,
        healthCheckGracePeriod: group.healthCheckGracePeriod,
        availabilityZones: group.availabilityZones,
        targetGroupARNs: group.targetGroupArns,
        ...(group.launchTemplateName ? { launchTemplateName: group.launchTemplateName } : {}),
        instanceType: group.instanceType,
        instances: [...group.instances.values()].map((instance) => ({
          instanceId: instance.instanceId,
          instanceType: instance.instanceType,
          availabilityZone: instance.availabilityZone,
          lifecycleState: instance.lifecycleState,
          healthStatus: instance.healthStatus,
          launchTime: new Date(instance.launchTime).toISOString(),
          cpuUtilization: Math.round(instance.cpuPercent * 10) / 10,
        })),
        policies: group.policies.map((policy) => this.policySummary(policy)),
        scheduledActions: group.scheduledActions.map((action) => ({
          scheduledActionName: action.name,
          ...(action.recurrence ? { recurrence: action.recurrence } : {}),
          ...(action.startTime !== undefined ? { startTime: new Date(action.startTime).toISOString() } : {}),
          ...(action.endTime !== undefined ? { endTime: new Date(action.endTime).toISOString() } : {}),
          ...(action.timeZone ? { timeZone: action.timeZone } : {}),
          ...(action.minSize !== undefined ? { minSize: action.minSize } : {}),
          ...(action.maxSize !== undefined ? { maxSize: action.maxSize } : {}),
          ...(action.desiredCapacity !== undefined ? { desiredCapacity: action.desiredCapacity } : {}),
          ...(action.nextRun !== undefined ? { nextRunTime: new Date(action.nextRun).toISOString() } : {}),
        })),
      })),
    };
  }

  private policySummary(policy: SimScalingPolicy): ScalingPolicySummary {
    // ASG-16: the alarms that invoke the policy, however they name it (its ARN or CloudFormation's `!Ref` ARN).
    const alarmNames = [...this.world.alarms.values()].filter((a) => a.definition.alarmActions.some((action) => this.world.policiesByArn.get(action) === policy)).map((a) => a.definition.alarmName);
    const common = { policyName: policy.policyName, policyARN: policy.policyArn, policyType: policy.policyType, enabled: policy.enabled, alarmNames, ...(policy.estimatedInstanceWarmup !== undefined ? { estimatedInstanceWarmup: policy.estimatedInstanceWarmup } : {}) };
    switch (policy.policyType) {
      case 'TargetTrackingScaling':
        return { ...common, targetValue: policy.targetValue, predefinedMetricType: policy.predefinedMetricType, disableScaleIn: policy.disableScaleIn };
      case 'SimpleScaling':
        return { ...common, adjustmentType: policy.adjustmentType, scalingAdjustment: policy.scalingAdjustment, ...(policy.cooldown !== undefined ? { cooldown: policy.cooldown } : {}), ...(policy.minAdjustmentMagnitude !== undefined ? { minAdjustmentMagnitude: policy.minAdjustmentMagnitude } : {}) };
      case 'StepScaling':
        return {
          ...common,
          adjustmentType: policy.adjustmentType,
          ...(policy.minAdjustmentMagnitude !== undefined ? { minAdjustmentMagnitude: policy.minAdjustmentMagnitude } : {}),
          stepAdjustments: policy.stepAdjustments.map((s) => ({ ...(s.lower !== undefined ? { metricIntervalLowerBound: s.lower } : {}), ...(s.upper !== undefined ? { metricIntervalUpperBound: s.upper } : {}), scalingAdjustment: s.adjustment })),
        };
    }
  }
}

/**
 * ASG-18: a group metric's value. Every instance weighs 1 capacity unit here, so the *Capacity metrics
 * equal the instance counts; Standby is not modelled (0).
 */
function groupMetricValue(name: (typeof GROUP_METRICS)[number], group: SimAutoScalingGroup, inService: number, pending: number, terminating: number): number {
  switch (name) {
    case 'GroupMinSize':
      return group.minSize;
    case 'GroupMaxSize':
      return group.maxSize;
    case 'GroupDesiredCapacity':
      return group.desiredCapacity;
    case 'GroupInServiceInstances':
    case 'GroupInServiceCapacity':
      return inService;
    case 'GroupPendingInstances':
    case 'GroupPendingCapacity':
      return pending;
    case 'GroupTerminatingInstances':
    case 'GroupTerminatingCapacity':
      return terminating;
    case 'GroupTotalInstances':
    case 'GroupTotalCapacity':
      return group.instances.size;
    case 'GroupStandbyInstances':
    case 'GroupStandbyCapacity':
      return 0;
  }
}
