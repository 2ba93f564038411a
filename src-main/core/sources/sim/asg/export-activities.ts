/** Simulated scaling activities → the contract's ScalingActivity (the DescribeScalingActivities shape AwsSource produces too). */
import type { ScalingActivity } from '../../../contract/model';
import type { AsgWorld, SimActivity } from './asg-state';
import { newestActivities } from './auto-scaling-group';
import { isoTime } from '../kernel/iso-time';

/** All groups' activities, newest first like DescribeScalingActivities (ties: later-created first). */
export function exportActivities(world: AsgWorld, limit = Infinity): ScalingActivity[] {
  const all = [...world.autoScalingGroups.values()].flatMap((group) => newestActivities(group));
  const sorted = all.map((activity, index) => ({ activity, index })).sort((a, b) => b.activity.startTime - a.activity.startTime || b.index - a.index);
  return sorted.slice(0, limit).map(({ activity }) => toScalingActivity(activity));
}

export function toScalingActivity(activity: SimActivity): ScalingActivity {
  return {
    activityId: activity.activityId,
    autoScalingGroupName: activity.autoScalingGroupName,
    cause: activity.cause,
    description: activity.description,
    startTime: isoTime(activity.startTime),
    ...(activity.endTime !== undefined ? { endTime: isoTime(activity.endTime) } : {}),
    statusCode: activity.statusCode,
    ...(activity.statusMessage ? { statusMessage: activity.statusMessage } : {}),
    progress: activity.progress,
  };
}
