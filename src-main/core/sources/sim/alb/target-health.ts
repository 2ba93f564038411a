/**
 * The load balancer's health checks, run in its tick: each target group probes its targets on its
 * interval (target-group.ts holds the thresholds and state transitions, ALB-4 … ALB-7), publishes
 * HealthyHostCount and UnHealthyHostCount (ALB-13), and records every target-health change on the
 * timeline. The FailTargets fault makes targets fail these checks.
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 */
import type { FaultParameters } from '../scenario/timed-entries';
import type { FaultEffect } from '../service-module';
import type { SimContext } from '../sim-context';
import type { SimTarget, SimTargetGroup } from './alb-state';
import { HEALTH_CHECK_RESPONSE_CODE, matcherAccepts } from './health-check-matcher';
import { seriesOwner } from './series-owner';
import { applyCheck, targetsChanged, targetStateText, unusedTarget, type HealthCheckOutcome } from './target-group';
import { checkSchedule, type CheckSchedule } from './check-schedule';
import type { MetricSeriesData } from '../cloudwatch/metric-store';
import { simRefusal } from '../sim-refusals';

/**
 * Host counts for the tick starting at `tickStartMs`, then the checks due now and their transitions.
 * Host counts are as they stand before this tick's checks: the group's check schedule holds them
 * (check-schedule.ts, counted again only when a target changed). Checks touch only their own group's
 * targets and put no metric, so publishing group by group puts the same values in the same series order.
 */
export function checkTargetHealth(ctx: SimContext, tickStartMs: number): void {
  const columns = ctx.world.instanceColumns;
  // Which zones are down, by the columns' zone index: worked out once per tick, not per target.
  const zoneDown = ctx.world.failedAvailabilityZones.size > 0 ? columns.zonesDown(ctx.world.failedAvailabilityZones.keys()) : undefined;
  const counts = { healthy: 0, unhealthy: 0 };
  for (const group of ctx.world.targetGroups.values()) {
    const schedule = checkSchedule(group);
    // The matcher is the group's, the same for each of its targets: asked again only if its text differs.
    if (schedule.matcher !== group.healthCheckMatcher) {
      schedule.matcher = group.healthCheckMatcher;
      schedule.matcherPasses = matcherAccepts(group.healthCheckMatcher, HEALTH_CHECK_RESPONSE_CODE);
    }
    const counting = group.healthCheckEnabled && group.targets.size > 0;
    const changes = runGroupChecks(ctx, group, schedule, zoneDown, counting ? counts : undefined);
    if (counting) publishHostCounts(ctx, group, schedule, counts, tickStartMs);
    if (changes) recordChanges(ctx, group, changes);
  }
}

function recordChanges(ctx: SimContext, group: SimTargetGroup, changes: readonly SimTarget[]): void {
  for (const changed of changes) {
    if (changed.state === 'healthy') {
      const live = group.targets.get(changed.id);
      if (live) live.healthySince = ctx.now;
    }
    ctx.recordTimeline({
      service: 'elbv2',
      kind: 'TargetHealth',
      resource: `${group.name}/${changed.id}`,
      message: `Target ${changed.id} in ${group.name} is now ${changed.state}${changed.reason ? ` (${changed.reason})` : ''}`,
      text: targetStateText(changed.id, group.name, changed.state, changed.reason),
      severity: changed.state === 'unhealthy' ? 'warning' : 'info',
    });
  }
}

/**
 * runHealthChecks (target-group.ts) for one group with `probe` below written into the walk, as the
 * tick runs it: no closure per group and tick, no list unless a target changed (undefined then), and
 * whether a zone is down read from the instance columns. The same steps in the same order, over the
 * group's check schedule (check-schedule.ts): a target that is not due is passed over on its due time
 * alone, without a touch of its object, and a group with none due (before its earliest due time) is
 * not walked at all. With `counts`, fills in the host counts from before the checks.
 */
function runGroupChecks(ctx: SimContext, group: SimTargetGroup, schedule: CheckSchedule, zoneDown: Uint8Array | undefined, counts: { healthy: number; unhealthy: number } | undefined): SimTarget[] | undefined {
  const matcherPasses = schedule.matcherPasses;
  if (counts) {
    counts.healthy = schedule.healthy;
    counts.unhealthy = schedule.unhealthy;
  }
  const now = ctx.now;
  if (now < schedule.nextDue) return undefined;
  let changed: SimTarget[] | undefined;
  const { targets, due, length } = schedule;
  let nextDue = Infinity;
  for (let index = 0; index < length; index++) {
    if (now < due[index]!) {
      nextDue = Math.min(nextDue, due[index]!);
      continue;
    }
    const target = targets[index]!;
    if (target.state === 'draining') {
      // Due: its draining ended (dueAt). Removed: the version moves and the schedule is made again.
      due[index] = Infinity;
      group.targets.delete(target.id);
      targetsChanged(group);
      (changed ??= []).push(unusedTarget(target));
      continue;
    }
    // LTG-1: health checks off — nothing probes the target, it stays `unavailable` (a draining one still drains).
    if (!group.healthCheckEnabled) {
      due[index] = Infinity;
      continue;
    }
    target.nextCheckAt += group.healthCheckIntervalSeconds * 1000;
    due[index] = target.nextCheckAt;
    nextDue = Math.min(nextDue, due[index]!);
    const outcome = probe(ctx, target, group, matcherPasses, zoneDown);
    const transition = applyCheck(group, target, outcome);
    if (transition) (changed ??= []).push(target);
  }
  schedule.nextDue = nextDue;
  if (changed) ctx.inventoryChanged();
  return changed;
}

// Health-check outcomes, shared (read only): one object per check was garbage at 10,000 targets.
const PASSED: HealthCheckOutcome = Object.freeze({ passed: true });
const MISMATCH: HealthCheckOutcome = Object.freeze({ passed: false, reason: 'Target.ResponseCodeMismatch' });
const TIMEOUT: HealthCheckOutcome = Object.freeze({ passed: false, reason: 'Target.Timeout' });

/** One health check of one target, as the application on it would answer. */
function probe(ctx: SimContext, target: SimTarget, group: SimTargetGroup, matcherPasses: boolean, zoneDown: Uint8Array | undefined): HealthCheckOutcome {
  if (target.forcedUnhealthyUntil !== undefined && ctx.now < target.forcedUnhealthyUntil) return MISMATCH;
  // The application answers 200; a Matcher that excludes it ("301", "400-499") fails every check.
  if (!matcherPasses) return MISMATCH;
  // The instance's numbers are in the world's columns; the slot kept from the last check is still its
  // own while the slot's generation is unchanged (instance-columns.ts), else it is looked up by id.
  const columns = ctx.world.instanceColumns;
  let slot = target.instanceSlot ?? -1;
  if (slot < 0 || columns.generation[slot] !== target.instanceGeneration) {
    const instance = ctx.world.instances.get(target.id);
    if (!instance) return PASSED; // ip / lambda targets: healthy unless a fault says otherwise
    slot = target.instanceSlot = instance.slot;
    target.instanceGeneration = columns.generation[slot];
  }
  // The slot is the instance's, in the world: its zone is in the zone column.
  if (columns.inService[slot] !== 1 || (zoneDown !== undefined && zoneDown[columns.zone[slot]!] === 1)) return TIMEOUT;
  // A health check waits behind the queued work like any request: it times out past the timeout.
  if (columns.backlog[slot]! / columns.vcpus[slot]! > group.healthCheckTimeoutSeconds) return TIMEOUT;
  return PASSED;
}

/**
 * ALB-13: HealthyHostCount and UnHealthyHostCount are reported whenever health checks run, with or
 * without traffic; a target group with health checks off (a Lambda target's default) reports neither
 * (load-balancer-cloudwatch-metrics.html). Published per load balancer the group is attached to.
 */
function publishHostCounts(ctx: SimContext, group: SimTargetGroup, schedule: CheckSchedule, counts: { healthy: number; unhealthy: number }, tickStart: number): void {
  const epochSeconds = Math.floor(tickStart / 1000);
  const series = hostCountSeries(ctx, group, schedule);
  for (let i = 0; i < series.length; i += 2) {
    ctx.metrics.putInto(series[i]!, epochSeconds, counts.healthy);
    ctx.metrics.putInto(series[i + 1]!, epochSeconds, counts.unhealthy);
  }
}

/**
 * The group's HealthyHostCount and UnHealthyHostCount series, in pairs per load balancer it is attached
 * to: taken from MetricStore.seriesOf once (what putFor would look up on every put, in the same order),
 * then held — no dimensions object or lookups per group and tick. Load balancers and their target
 * groups' attachments are made with the scenario (build-alb.ts); the pairs are looked up again if the
 * store, the load balancer map or the attachment list ever differs.
 */
function hostCountSeries(ctx: SimContext, group: SimTargetGroup, schedule: CheckSchedule): MetricSeriesData[] {
  const loadBalancers = ctx.world.loadBalancers;
  const held = schedule.hostCounts;
  if (held && held.store === ctx.metrics && held.loadBalancers === loadBalancers && held.size === loadBalancers.size && held.attachedTo === group.loadBalancerArns.length) return held.series;
  const series: MetricSeriesData[] = [];
  for (const lbArn of group.loadBalancerArns) {
    const lb = loadBalancers.get(lbArn);
    if (!lb) continue;
    const dims = { LoadBalancer: lb.fullName, TargetGroup: group.fullName };
    const owner = seriesOwner(group, lbArn);
    series.push(ctx.metrics.seriesOf(owner, 'AWS/ApplicationELB', 'HealthyHostCount', dims), ctx.metrics.seriesOf(owner, 'AWS/ApplicationELB', 'UnHealthyHostCount', dims));
  }
  schedule.hostCounts = { store: ctx.metrics, loadBalancers, size: loadBalancers.size, attachedTo: group.loadBalancerArns.length, series };
  return series;
}

/** FailTargets: targets of a group start failing their health checks (e.g. a bad deploy) until reverted. */
export function failTargets(ctx: SimContext, p: FaultParameters<'FailTargets'>): FaultEffect {
  const group = [...ctx.world.targetGroups.values()].find((g) => g.name === p.TargetGroupName);
  if (!group) throw simRefusal('fault.targetGroupNotFound', `One or more target groups not found: ${p.TargetGroupName}`, { name: p.TargetGroupName });
  // LTG-1: with health checks off nothing checks the targets, so they cannot fail a check: refused, not a silent no-op.
  if (!group.healthCheckEnabled) throw simRefusal('fault.targetGroupHealthChecksOff', `Target group ${group.name} has health checks off: its targets are not checked, so they cannot fail health checks`, { name: group.name });
  const targets = [...group.targets.values()].filter((t) => t.state !== 'draining');
  const count = p.Count ?? (p.Percent !== undefined ? Math.max(1, Math.round((targets.length * p.Percent) / 100)) : targets.length);
  const victims = targets.slice(0, count);
  for (const target of victims) target.forcedUnhealthyUntil = Infinity;
  return {
    message: `${victims.length} ${victims.length === 1 ? 'target' : 'targets'} of ${group.name} fail their health checks: ${victims.map((t) => t.id).join(', ') || 'none registered'}`,
    revert: () => {
      for (const target of victims) target.forcedUnhealthyUntil = undefined;
      return `Targets of ${group.name} answer their health checks again`;
    },
  };
}
