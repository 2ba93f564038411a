/**
 * Target groups: registration, health checks and the target states an operator sees in
 * DescribeTargetHealth (ALB-4, ALB-5, ALB-6, ALB-7).
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay
 */
import { HEALTH_CHECK_DISABLED, type TimelineText } from '../../../contract/model';
import type { SimContext } from '../sim-context';
import type { SimTarget, SimTargetGroup } from './alb-state';

/** ALB-4: defaults for instance and ip targets. */
export const HEALTH_CHECK_DEFAULTS = {
  intervalSeconds: 30,
  timeoutSeconds: 5,
  healthyThresholdCount: 5,
  unhealthyThresholdCount: 2,
  path: '/',
  deregistrationDelaySeconds: 300,
};

/**
 * LTG-1: a target of a group with health checks off (HealthCheckEnabled false, a Lambda target's
 * default; instance and ip groups cannot turn them off) as DescribeTargetHealth describes it.
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html
 */
export function healthChecksOff(): Pick<SimTarget, 'state' | 'reason' | 'description'> {
  return { state: 'unavailable', reason: HEALTH_CHECK_DISABLED, description: 'Health checks are disabled' };
}

export function registerTarget(ctx: SimContext, group: SimTargetGroup, id: string, availabilityZone: string): SimTarget {
  const target: SimTarget = {
    id,
    port: group.port,
    availabilityZone,
    ...(group.healthCheckEnabled ? { state: 'initial', reason: 'Elb.RegistrationInProgress', description: 'Target registration is in progress' } : healthChecksOff()),
    consecutivePasses: 0,
    consecutiveFailures: 0,
    nextCheckAt: ctx.now + group.healthCheckIntervalSeconds * 1000,
    // Every field from the start, so all targets share one shape for the hot loops.
    drainUntil: undefined,
    healthySince: undefined,
    forcedUnhealthyUntil: undefined,
    instanceSlot: -1,
    instanceGeneration: -1,
  };
  group.targets.set(id, target);
  targetsChanged(group);
  ctx.inventoryChanged();
  return target;
}

/** A target joined or left the group, or changed state: what depends on its targets is worked out again. */
export function targetsChanged(group: SimTargetGroup): void {
  group.targetsVersion = (group.targetsVersion ?? 0) + 1;
}

/** A target-health change as a timeline code + parameters: the state is a TargetHealth State, the reason its code. */
export function targetStateText(target: string, group: string, state: string, reason: string | undefined): TimelineText {
  return reason ? { code: 'target.stateReason', params: { target, group, state, reason } } : { code: 'target.state', params: { target, group, state } };
}

/** ALB-7: a deregistered target drains for the deregistration delay, then it is gone. */
export function deregisterTarget(ctx: SimContext, group: SimTargetGroup, id: string): void {
  const target = group.targets.get(id);
  if (!target) return;
  target.state = 'draining';
  targetsChanged(group);
  target.reason = 'Target.DeregistrationInProgress';
  target.description = 'Target deregistration is in progress';
  target.drainUntil = ctx.now + group.deregistrationDelaySeconds * 1000;
  ctx.recordTimeline({ service: 'elbv2', kind: 'TargetHealth', resource: `${group.name}/${id}`, message: `Target ${id} in ${group.name} is now draining (Target.DeregistrationInProgress)`, text: targetStateText(id, group.name, 'draining', 'Target.DeregistrationInProgress'), severity: 'info' });
  ctx.inventoryChanged();
}

/**
 * The targets a request may go to: the healthy ones (and, LTG-1, those of a group with health checks
 * off, `unavailable`: the load balancer still sends them requests), or — ALB-5, fail-open — every
 * registered, non-draining target when none is healthy.
 */
export function routableTargets(group: SimTargetGroup): SimTarget[] {
  const healthy: SimTarget[] = [];
  const candidates: SimTarget[] = [];
  for (const target of group.targets.values()) {
    if (target.state === 'healthy' || target.state === 'unavailable') healthy.push(target);
    if (target.state === 'healthy' || target.state === 'unhealthy') candidates.push(target);
  }
  return healthy.length > 0 ? healthy : candidates;
}

export function countByState(group: SimTargetGroup): { healthy: number; unhealthy: number } {
  let healthy = 0;
  let unhealthy = 0;
  for (const target of group.targets.values()) {
    if (target.state === 'healthy') healthy++;
    else if (target.state === 'unhealthy' || target.state === 'initial') unhealthy++;
  }
  return { healthy, unhealthy };
}

export interface HealthCheckOutcome {
  passed: boolean;
  /** Target.Timeout or Target.ResponseCodeMismatch when failing. */
  reason?: 'Target.Timeout' | 'Target.ResponseCodeMismatch';
}

/**
 * Runs the checks that are due. `probe` answers one check for one target. Returns the targets
 * whose state changed, so the engine can record the transition. With `counts`, also counts the
 * targets as countByState would have just before the checks (the same walk, not a second one).
 */
export function runHealthChecks(ctx: SimContext, group: SimTargetGroup, probe: (target: SimTarget) => HealthCheckOutcome, counts?: { healthy: number; unhealthy: number }): SimTarget[] {
  const changed: SimTarget[] = [];
  for (const target of group.targets.values()) {
    if (counts) {
      if (target.state === 'healthy') counts.healthy++;
      else if (target.state === 'unhealthy' || target.state === 'initial') counts.unhealthy++;
    }
    if (target.state === 'draining') {
      if (target.drainUntil !== undefined && ctx.now >= target.drainUntil) {
        group.targets.delete(target.id);
        targetsChanged(group);
        changed.push(unusedTarget(target));
      }
      continue;
    }
    if (ctx.now < target.nextCheckAt) continue;
    target.nextCheckAt += group.healthCheckIntervalSeconds * 1000;
    if (applyCheck(group, target, probe(target))) changed.push(target);
  }
  if (changed.length > 0) ctx.inventoryChanged();
  return changed;
}

/** A drained target as the timeline records its removal. */
export function unusedTarget(target: SimTarget): SimTarget {
  return { ...target, state: 'unused', reason: 'Target.NotRegistered', description: 'Target is not registered to the target group' };
}

/** One check's outcome on the target's thresholds and state (ALB-4); true when its state changed. */
export function applyCheck(group: SimTargetGroup, target: SimTarget, outcome: HealthCheckOutcome): boolean {
  if (outcome.passed) {
    target.consecutivePasses++;
    target.consecutiveFailures = 0;
    if (target.state !== 'healthy' && target.consecutivePasses >= group.healthyThresholdCount) {
      target.state = 'healthy';
      target.reason = undefined;
      target.description = undefined;
      targetsChanged(group);
      return true;
    }
    return false;
  }
  target.consecutiveFailures++;
  target.consecutivePasses = 0;
  if (target.state !== 'unhealthy' && target.consecutiveFailures >= group.unhealthyThresholdCount) {
    target.state = 'unhealthy';
    target.reason = outcome.reason === 'Target.Timeout' ? 'Target.Timeout' : 'Target.FailedHealthChecks';
    target.description = outcome.reason === 'Target.Timeout' ? 'Request timed out' : 'Health checks failed';
    targetsChanged(group);
    return true;
  }
  return false;
}
