/** autoscaling: groups (policies are settings), their sampled capacity, their EC2 monitoring, and scaling activities. */
import type { ScalingActivity } from '../../../contract/model';
import { sameValue } from '../../../contract/inventory-delta';
import { oldestFirst } from '../../../contract/list-entry-time';
import { autoScalingSettingsOf, discoverAutoScaling, discoverScalingActivities } from '../autoscaling/discover-auto-scaling';
import type { CapacitySamples } from '../metrics/capacity-samples';
import type { CpuMonitoring } from '../metrics/cpu-monitoring';
import type { DatasetPoller, DatasetResult, PollContext } from './dataset-poller';
import { MAX_HELD_EVENTS } from './event-history';

export class AutoScalingPoller implements DatasetPoller {
  /** Activities by id, oldest first: an activity is reported again when it changed (InProgress → Successful). */
  private readonly activities = new Map<string, ScalingActivity>();

  constructor(
    private readonly capacity: CapacitySamples,
    private readonly cpuMonitoring: CpuMonitoring,
  ) {}

  async poll({ clients, now, reuseSettings, held, optional }: PollContext): Promise<DatasetResult> {
    const found = await discoverAutoScaling(clients.autoscaling, now, reuseSettings ? autoScalingSettingsOf(held().autoScalingGroups) : undefined);
    const metrics = this.capacity.sample(found, now);
    // Which period the groups' EC2 CPU is published at (CloudWatch, at most every 30 minutes).
    await optional(() => this.cpuMonitoring.update(clients.cloudwatch, found.map((g) => g.autoScalingGroupName), now));
    const autoScalingGroups = found.map((group) => {
      const monitoring = this.cpuMonitoring.of(group.autoScalingGroupName);
      return monitoring ? { ...group, instanceMonitoring: monitoring } : group;
    });
    const read = (await optional(() => discoverScalingActivities(clients.autoscaling, this.activities))) ?? [];
    // DescribeScalingActivities lists activities still in progress first, then the rest newest first
    // (APIReference/API_DescribeScalingActivities.html): a long activity is out of time order there.
    const scalingActivities: ScalingActivity[] = [];
    for (const activity of oldestFirst('scalingActivities', [...read].reverse())) {
      const previous = this.activities.get(activity.activityId);
      if (previous && sameValue(previous, activity)) continue;
      this.activities.set(activity.activityId, activity);
      scalingActivities.push(activity);
    }
    while (this.activities.size > MAX_HELD_EVENTS) this.activities.delete(this.activities.keys().next().value!);
    return { part: { autoScalingGroups }, events: { metrics, scalingActivities } };
  }

  /** Oldest first by start time, as lists travel (held in the order they were first read). */
  heldActivities(): ScalingActivity[] {
    return oldestFirst('scalingActivities', [...this.activities.values()]);
  }

  forget(): void {
    this.activities.clear();
  }
}
