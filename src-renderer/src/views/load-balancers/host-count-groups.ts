/**
 * Which target groups the "Healthy and unhealthy hosts" chart draws. A target group publishes
 * HealthyHostCount and UnHealthyHostCount only while its health checks run; a Lambda target group
 * has them off unless turned on, and then publishes neither (ALB-13, load-balancer-cloudwatch-metrics).
 * Such a group has no line to draw: the chart names it instead of showing an empty legend entry.
 */
import type { TargetGroup } from '@contract';

export type HostCountGroup = Pick<TargetGroup, 'targetGroupArn' | 'targetGroupName' | 'targetType'> & { healthCheck?: Pick<NonNullable<TargetGroup['healthCheck']>, 'enabled'> };

/** Up to this many groups are drawn (two lines each); the rest are named under the chart, never dropped silently. */
export const MAX_CHARTED_GROUPS = 6;

/** Health checks can be turned off only for a Lambda target group (HealthCheckEnabled): the default when the field was not read. */
export function publishesHostCounts(tg: HostCountGroup): boolean {
  return tg.healthCheck?.enabled ?? tg.targetType !== 'lambda';
}

export interface HostCountPlan<T extends HostCountGroup> {
  charted: T[];
  /** Publish the metrics but over the cap. */
  more: T[];
  /** Health checks off: publish nothing. */
  silent: T[];
}

export function planHostCountChart<T extends HostCountGroup>(groups: readonly T[], max = MAX_CHARTED_GROUPS): HostCountPlan<T> {
  const publishing = groups.filter(publishesHostCounts);
  return { charted: publishing.slice(0, max), more: publishing.slice(max), silent: groups.filter((tg) => !publishesHostCounts(tg)) };
}
