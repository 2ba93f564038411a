/**
 * A target group's targets as its health checks walk them, kept from tick to tick (issue 15 item 6):
 * the targets in the group's order, when each is next due (a column: its next check, or for a
 * draining target the end of its draining) and how many are healthy and unhealthy. The checks run
 * every tick, but each target is due once per interval (30 s by default, every third 10 s tick), so
 * the walk reads the due column and touches only the targets that are due — not every target object —
 * and the host counts (ALB-13) are counted only when a target changed.
 *
 * Every change to the group's targets or their states bumps its targetsVersion (targetsChanged in
 * target-group.ts; target-roster.test.ts checks it); a target's next check moves only when it is
 * registered or checked. So the schedule is made again when the version or the target count differs,
 * and the walk moves a due time itself when it checks a target (target-health.ts).
 */
import type { SimTarget, SimTargetGroup } from './alb-state';
import type { MetricSeriesData, MetricStore } from '../cloudwatch/metric-store';

/** The group's HealthyHostCount / UnHealthyHostCount series, and what they were looked up for (target-health.ts). */
export interface HostCountSeries {
  store: MetricStore;
  loadBalancers: Map<string, unknown>;
  size: number;
  attachedTo: number;
  /** Healthy, unhealthy, per load balancer the group is attached to. */
  series: MetricSeriesData[];
}

export interface CheckSchedule {
  /** The group's targetsVersion and target count it was made at. */
  version: number;
  size: number;
  /** The group's targets in its order; only `length` entries are current. */
  targets: SimTarget[];
  length: number;
  /** Per target: when the walk has something to do for it (ms); Infinity: nothing (draining without end, or removed). */
  due: Float64Array;
  /** The earliest of `due` (ms): before then the walk has nothing to do in this group (a check is due every third tick by default). */
  nextDue: number;
  /** As countByState (target-group.ts) counts them: healthy, and unhealthy or initial. */
  healthy: number;
  unhealthy: number;
  /** Whether the group's Matcher accepts what the applications answer, and the Matcher text it was asked for. */
  matcher?: string;
  matcherPasses: boolean;
  /** Held by the host counts' publishing; kept through the schedule's remaking. */
  hostCounts?: HostCountSeries;
}

const schedules = new WeakMap<SimTargetGroup, CheckSchedule>();

/** When a target next needs the walk: a draining one when its draining ends, any other at its next check. */
export function dueAt(target: SimTarget): number {
  if (target.state === 'draining') return target.drainUntil ?? Infinity;
  return target.nextCheckAt;
}

/** The group's schedule, made again if a target joined, left or changed state since it was made. */
export function checkSchedule(group: SimTargetGroup): CheckSchedule {
  let schedule = schedules.get(group);
  if (!schedule) schedules.set(group, (schedule = { version: -1, size: -1, targets: [], length: 0, due: new Float64Array(16), nextDue: Infinity, healthy: 0, unhealthy: 0, matcherPasses: false }));
  const version = group.targetsVersion ?? 0;
  if (schedule.version === version && schedule.size === group.targets.size) return schedule;
  schedule.version = version;
  schedule.size = group.targets.size;
  if (schedule.due.length < group.targets.size) schedule.due = new Float64Array(Math.max(group.targets.size, schedule.due.length * 2));
  const { targets, due } = schedule;
  let n = 0;
  let healthy = 0;
  let unhealthy = 0;
  let nextDue = Infinity;
  for (const target of group.targets.values()) {
    targets[n] = target;
    due[n] = dueAt(target);
    nextDue = Math.min(nextDue, due[n]!);
    n++;
    if (target.state === 'healthy') healthy++;
    else if (target.state === 'unhealthy' || target.state === 'initial') unhealthy++;
  }
  // Drop references to targets that left (so they can be collected).
  targets.length = n;
  schedule.length = n;
  schedule.healthy = healthy;
  schedule.unhealthy = unhealthy;
  schedule.nextDue = nextDue;
  return schedule;
}
