/**
 * Capacity without group metrics. Auto Scaling sends GroupDesiredCapacity, GroupInServiceInstances
 * and the other group metrics to CloudWatch only while group metrics collection is enabled for the
 * group, which it is not by default (docs.aws.amazon.com/autoscaling/ec2/userguide/
 * ec2-auto-scaling-metrics.html: "you must enable the collection of group metrics"). Every
 * DescribeAutoScalingGroups poll already carries those numbers, so each poll is sampled into the very
 * series the capacity chart shows (AWS/AutoScaling, one-minute period, the minute's last value) —
 * for the metrics the group does not collect; collected ones come from CloudWatch as before.
 */
import type { AutoScalingGroup, MetricKey, MetricSeries } from '../../../contract/model';
import { metricKeyId } from '../../../metric-catalog';

type GroupMetric = 'GroupMinSize' | 'GroupMaxSize' | 'GroupDesiredCapacity' | 'GroupInServiceInstances' | 'GroupPendingInstances' | 'GroupTerminatingInstances' | 'GroupTotalInstances';

/** What DescribeAutoScalingGroups says, per group metric (the metric definitions of the page above). */
export function describedCapacity(group: AutoScalingGroup): Record<GroupMetric, number> {
  const count = (states: readonly string[]) => group.instances.filter((i) => states.some((s) => i.lifecycleState.startsWith(s))).length;
  return {
    GroupMinSize: group.minSize,
    GroupMaxSize: group.maxSize,
    GroupDesiredCapacity: group.desiredCapacity,
    GroupInServiceInstances: count(['InService']),
    GroupPendingInstances: count(['Pending']),
    GroupTerminatingInstances: count(['Terminating']),
    // "The total number of instances in the Auto Scaling group", whatever their state.
    GroupTotalInstances: group.instances.length,
  };
}

interface Sampled {
  key: MetricKey;
  points: Map<number, number>;
}

export class CapacitySamples {
  private readonly held = new Map<string, Sampled>();

  constructor(private readonly retainSeconds = 6 * 3600) {}

  /**
   * Samples every group at `nowMs` (to the minute) for the group metrics it does not collect; returns
   * the points that are new or changed. Groups gone, or now collecting a metric, drop its samples.
   */
  sample(groups: readonly AutoScalingGroup[], nowMs: number): MetricSeries[] {
    const minute = Math.floor(nowMs / 60_000) * 60;
    const changed: MetricSeries[] = [];
    const seen = new Set<string>();
    for (const group of groups) {
      const collected = new Set(group.enabledMetrics ?? []);
      for (const [metricName, value] of Object.entries(describedCapacity(group))) {
        if (collected.has(metricName)) continue;
        const key: MetricKey = { namespace: 'AWS/AutoScaling', metricName, dimensions: { AutoScalingGroupName: group.autoScalingGroupName }, stat: 'Average', period: 60 };
        const id = metricKeyId(key);
        seen.add(id);
        let entry = this.held.get(id);
        if (!entry) this.held.set(id, (entry = { key, points: new Map() }));
        if (entry.points.get(minute) === value) continue;
        entry.points.set(minute, value);
        changed.push({ ...key, points: [[minute, value]] });
      }
    }
    for (const id of this.held.keys()) if (!seen.has(id)) this.held.delete(id);
    const oldest = minute - this.retainSeconds;
    for (const entry of this.held.values()) for (const t of entry.points.keys()) if (t < oldest) entry.points.delete(t);
    return changed;
  }

  /** The series ids sampled here, so CloudWatch is not asked for them (it has no data for them). */
  has(key: MetricKey): boolean {
    return this.held.has(metricKeyId(key));
  }

  series(): MetricSeries[] {
    return [...this.held.values()].map((entry) => ({ ...entry.key, points: [...entry.points].sort((a, b) => a[0] - b[0]) }));
  }

  clear(): void {
    this.held.clear();
  }
}
