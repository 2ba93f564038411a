/**
 * EC2 Auto Scaling: InService below desired for longer than the group's warm-up allows, launches
 * that failed since the last one that worked, and instances marked Unhealthy. Instances still
 * Pending within the allowance are capacity on its way, not a shortfall: a group that has just
 * started is Unknown (nothing to judge yet), never Failing. A group that had instances in service
 * and lost them all is Failing even while replacements launch: nothing serves until they do.
 * docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-default-instance-warmup.html
 * docs.aws.amazon.com/autoscaling/ec2/userguide/replace-unhealthy-instance.html
 */
import type { AutoScalingGroup, HealthReason, ResourceHealth, ScalingActivity } from '../contract/model';
import type { HealthInput } from './input';
import { reason, resource } from './status';

const FINISHED = new Set(['Successful', 'Failed', 'Cancelled']);

/** How long a shortfall may last: the threshold, or the group's own warm-up / grace period if longer. */
export function shortfallAllowanceSeconds(group: AutoScalingGroup, thresholdSeconds: number): number {
  const warmups = group.policies.map((p) => p.estimatedInstanceWarmup ?? 0);
  return Math.max(thresholdSeconds, group.healthCheckGracePeriod, group.defaultInstanceWarmup ?? 0, ...warmups);
}

interface Activity {
  statusCode: ScalingActivity['statusCode'];
  start: number;
  message: string;
  /** A termination the group was not asked for (see lostInstance). */
  lostInstance: boolean;
  /** The instance a termination took away ("Terminating EC2 instance: i-…"). */
  terminated?: string;
}

/**
 * A termination that took away capacity the group was meant to have: anything but a scale-in. A
 * scale-in says so in its cause ("… changing the desired capacity from 2 to 0", the wording of
 * DescribeScalingActivities and the simulator alike); a health-check replacement ("… taken out of
 * service in response to an ELB system health check failure"), a rebalancing or a refresh does not.
 */
function lostInstance(activity: Pick<ScalingActivity, 'description' | 'cause'>): boolean {
  if (!/^Terminating/i.test(activity.description)) return false;
  const change = /changing the desired capacity from (\d+) to (\d+)/i.exec(activity.cause);
  return !change || Number(change[2]) >= Number(change[1]);
}

/** States an instance reaches only after it was in service (or InService itself, when marked Unhealthy). */
const AFTER_SERVICE = /^(InService|Terminating|Terminated|Detaching|Detached|EnteringStandby|Standby)/;

/** Each group's activities, newest first, with parsed start times (parsed once per evaluation). */
function activitiesByGroup(activities: readonly ScalingActivity[]): Map<string, Activity[]> {
  const byGroup = new Map<string, Activity[]>();
  for (const a of activities) {
    const list = byGroup.get(a.autoScalingGroupName) ?? [];
    const terminated = /^Terminating EC2 instance: (\S+)/i.exec(a.description)?.[1];
    list.push({ statusCode: a.statusCode, start: Date.parse(a.startTime), message: a.statusMessage ?? a.description, lostInstance: lostInstance(a), ...(terminated ? { terminated } : {}) });
    byGroup.set(a.autoScalingGroupName, list);
  }
  for (const list of byGroup.values()) list.sort((a, b) => b.start - a.start);
  return byGroup;
}

function groupReasons(group: AutoScalingGroup, mine: readonly Activity[], input: HealthInput): HealthReason[] {
  const subject = group.autoScalingGroupName;
  const allowanceMs = shortfallAllowanceSeconds(group, input.thresholds.capacityShortfallSeconds) * 1000;
  const recent = (iso: string | undefined) => iso === undefined || input.now - Date.parse(iso) <= allowanceMs;
  const inService = group.instances.filter((i) => i.lifecycleState === 'InService' && i.healthStatus === 'Healthy').length;
  const pending = group.instances.filter((i) => i.lifecycleState.startsWith('Pending'));
  const launching = pending.filter((i) => recent(i.launchTime)).length;
  // Failures count until a later activity of the group succeeds: the group got past them.
  const lastSuccess = mine.find((a) => a.statusCode === 'Successful');
  const failedSince = input.now - input.thresholds.failedActivityMinutes * 60_000;
  const failures = mine.filter((a) => a.statusCode === 'Failed' && a.start >= failedSince && (!lastSuccess || a.start > lastSuccess.start));
  const working = mine.some((a) => !FINISHED.has(a.statusCode) && input.now - a.start <= allowanceMs);
  const young = group.createdTime !== undefined && recent(group.createdTime);
  // Nothing InService after having had instances in service: instances still here in a state that
  // follows service (unless a scale-in asked them to go), or instances taken away (not by a
  // scale-in) within the window failures stay news.
  const scaledIn = new Set(mine.filter((a) => a.terminated && !a.lostInstance).map((a) => a.terminated));
  const lostSince = input.now - Math.max(allowanceMs, input.thresholds.failedActivityMinutes * 60_000);
  const hadService = !young && (group.instances.some((i) => AFTER_SERVICE.test(i.lifecycleState) && !scaledIn.has(i.instanceId)) || mine.some((a) => a.lostInstance && a.start >= lostSince));

  const reasons: HealthReason[] = [];
  const shortfall = group.desiredCapacity - inService;
  if (shortfall > 0) {
    const onItsWay = failures.length === 0 && (launching >= shortfall || working || young);
    if (onItsWay && inService === 0 && hadService) reasons.push(reason('asg.noneInServiceReplacing', 'failing', subject, { desired: group.desiredCapacity, launching }));
    else if (onItsWay) reasons.push(reason(inService === 0 ? 'asg.starting' : 'asg.launching', inService === 0 ? 'unknown' : 'ok', subject, { inService, desired: group.desiredCapacity, launching }));
    else if (inService === 0) reasons.push(reason('asg.noneInService', 'failing', subject, { desired: group.desiredCapacity }));
    else reasons.push(reason('asg.belowDesired', 'degraded', subject, { inService, desired: group.desiredCapacity, seconds: allowanceMs / 1000 }));
  }
  if (failures.length > 0) {
    reasons.push(reason('asg.launchFailures', 'degraded', subject, { count: failures.length, minutes: input.thresholds.failedActivityMinutes, message: failures[0]!.message.slice(0, 300) }));
  }
  const unhealthy = group.instances.filter((i) => i.healthStatus === 'Unhealthy' && !i.lifecycleState.startsWith('Terminat')).length;
  if (unhealthy > 0) reasons.push(reason('asg.unhealthyInstances', 'degraded', subject, { count: unhealthy }));
  return reasons;
}

export function evaluateAutoScaling(input: HealthInput): { resources: ResourceHealth[]; counts: Record<string, number> } {
  const groups = input.inventory.autoScalingGroups;
  const byGroup = activitiesByGroup(input.scalingActivities);
  const resources = groups.map((group) => resource('autoScalingGroup', group.autoScalingGroupName, group.autoScalingGroupName, groupReasons(group, byGroup.get(group.autoScalingGroupName) ?? [], input)));
  const inService = groups.reduce((sum, g) => sum + g.instances.filter((i) => i.lifecycleState === 'InService').length, 0);
  return { resources, counts: { groups: groups.length, inService, desired: groups.reduce((sum, g) => sum + g.desiredCapacity, 0) } };
}
