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
import { runHealthChecks, targetStateText, type HealthCheckOutcome } from './target-group';
import { simRefusal } from '../sim-refusals';

/**
 * Host counts for the tick starting at `tickStartMs`, then the checks due now and their transitions.
 * Host counts are as they stand before this tick's checks; the checks' own walk counts them (issue 15:
 * one walk over the targets instead of two). Checks touch only their own group's targets and put no
 * metric, so publishing group by group puts the same values in the same series order.
 */
export function checkTargetHealth(ctx: SimContext, tickStartMs: number): void {
  for (const group of ctx.world.targetGroups.values()) {
    // The matcher is the group's, the same for each of its targets: asked once per group and tick.
    const matcherPasses = matcherAccepts(group.healthCheckMatcher, HEALTH_CHECK_RESPONSE_CODE);
    const counts = group.healthCheckEnabled && group.targets.size > 0 ? { healthy: 0, unhealthy: 0 } : undefined;
    const changes = runHealthChecks(ctx, group, (target) => probe(ctx, target, group, matcherPasses), counts);
    if (counts) publishHostCounts(ctx, group, counts, tickStartMs);
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
}

// Health-check outcomes, shared (read only): one object per check was garbage at 10,000 targets.
const PASSED: HealthCheckOutcome = Object.freeze({ passed: true });
const MISMATCH: HealthCheckOutcome = Object.freeze({ passed: false, reason: 'Target.ResponseCodeMismatch' });
const TIMEOUT: HealthCheckOutcome = Object.freeze({ passed: false, reason: 'Target.Timeout' });

/** One health check of one target, as the application on it would answer. */
function probe(ctx: SimContext, target: SimTarget, group: SimTargetGroup, matcherPasses: boolean): HealthCheckOutcome {
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
  const failedZones = ctx.world.failedAvailabilityZones;
  if (columns.inService[slot] !== 1 || (failedZones.size > 0 && failedZones.has(ctx.world.instances.get(target.id)!.availabilityZone))) return TIMEOUT;
  // A health check waits behind the queued work like any request: it times out past the timeout.
  if (columns.backlog[slot]! / columns.vcpus[slot]! > group.healthCheckTimeoutSeconds) return TIMEOUT;
  return PASSED;
}

/**
 * ALB-13: HealthyHostCount and UnHealthyHostCount are reported whenever health checks run, with or
 * without traffic; a target group with health checks off (a Lambda target's default) reports neither
 * (load-balancer-cloudwatch-metrics.html). Published per load balancer the group is attached to.
 */
function publishHostCounts(ctx: SimContext, group: SimTargetGroup, counts: { healthy: number; unhealthy: number }, tickStart: number): void {
  const epochSeconds = Math.floor(tickStart / 1000);
  for (const lbArn of group.loadBalancerArns) {
    const lb = ctx.world.loadBalancers.get(lbArn);
    if (!lb) continue;
    const dims = { LoadBalancer: lb.fullName, TargetGroup: group.fullName };
    const owner = seriesOwner(group, lbArn);
    ctx.metrics.putFor(owner, 'AWS/ApplicationELB', 'HealthyHostCount', dims, epochSeconds, counts.healthy);
    ctx.metrics.putFor(owner, 'AWS/ApplicationELB', 'UnHealthyHostCount', dims, epochSeconds, counts.unhealthy);
  }
}

/** FailTargets: targets of a group start failing their health checks (e.g. a bad deploy) until reverted. */
export function failTargets(ctx: SimContext, p: FaultParameters<'FailTargets'>): FaultEffect {
  const group = [...ctx.world.targetGroups.values()].find((g) => g.name === p.TargetGroupName);
  if (!group) throw simRefusal('fault.targetGroupNotFound', `One or more target groups not found: ${p.TargetGroupName}`, { name: p.TargetGroupName });
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
