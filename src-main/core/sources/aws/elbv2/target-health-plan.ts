/**
 * Which target groups' health must be asked again on this poll. DescribeTargetHealth takes one
 * target group per call (API_DescribeTargetHealth.html) and was most of the calls of a polled
 * account, while most groups' health is unchanged between polls. A group's held health is reused
 * only while every sign says it is unchanged:
 * - it was read less than TARGET_HEALTH_MAX_AGE_MS ago;
 * - every held target is in a steady state (healthy, or unused): a target that is initial,
 *   draining, unhealthy or unavailable is moving, and is followed on every poll;
 * - the instances of the Auto Scaling groups attached to it (DescribeAutoScalingGroups, read on its
 *   own poll) are the ones they were when its health was read: a launch or a termination
 *   registers or deregisters targets;
 * - CloudWatch's latest HealthyHostCount / UnHealthyHostCount for it (already polled with the
 *   other metrics, no extra call) do not disagree with the held targets.
 */
import type { AutoScalingGroup, TargetGroup, TargetHealthDescription } from '../../../contract/model';

/** Longest time a group's target health is reused (our choice: two 30-second ELB polls' worth of four). */
export const TARGET_HEALTH_MAX_AGE_MS = 120_000;

const STEADY = new Set<TargetHealthDescription['state']>(['healthy', 'unused']);

export interface TargetHealthRead {
  at: number;
  /** The attached groups' instances when it was read (attachedInstances). */
  instances: string;
}

/** Instance ids and lifecycle states of the Auto Scaling groups that register into `targetGroupArn`. */
export function attachedInstances(targetGroupArn: string, groups: readonly AutoScalingGroup[]): string {
  return groups
    .filter((g) => g.targetGroupARNs.includes(targetGroupArn))
    .flatMap((g) => g.instances.map((i) => `${i.instanceId}:${i.lifecycleState}`))
    .sort()
    .join(',');
}

export interface TargetHealthPlanInput {
  now: number;
  targetGroups: readonly TargetGroup[];
  autoScalingGroups: readonly AutoScalingGroup[];
  reads: ReadonlyMap<string, TargetHealthRead>;
  /** The latest CloudWatch value of a target-group metric, if any. */
  latestCount: (metricName: 'HealthyHostCount' | 'UnHealthyHostCount', targetGroup: TargetGroup) => number | undefined;
  maxAgeMs?: number;
}

/** The held targets that may be reused, per target group ARN; every other group is read. */
export function reusableTargetHealth(input: TargetHealthPlanInput): Map<string, TargetHealthDescription[]> {
  const reusable = new Map<string, TargetHealthDescription[]>();
  const maxAge = input.maxAgeMs ?? TARGET_HEALTH_MAX_AGE_MS;
  for (const tg of input.targetGroups) {
    const read = input.reads.get(tg.targetGroupArn);
    if (!read || input.now - read.at >= maxAge) continue;
    if (!tg.targets.every((t) => STEADY.has(t.state))) continue;
    if (attachedInstances(tg.targetGroupArn, input.autoScalingGroups) !== read.instances) continue;
    const healthy = tg.targets.filter((t) => t.state === 'healthy').length;
    const reportedHealthy = input.latestCount('HealthyHostCount', tg);
    const reportedUnhealthy = input.latestCount('UnHealthyHostCount', tg);
    if (reportedUnhealthy !== undefined && reportedUnhealthy > 0) continue;
    if (reportedHealthy !== undefined && Math.round(reportedHealthy) < healthy) continue;
    reusable.set(tg.targetGroupArn, tg.targets);
  }
  return reusable;
}
