/**
 * What to mark on a group's capacity chart: its scaling activities (when each started, coloured by
 * outcome), transitions of the alarms that drive its policies, and the next run of each scheduled
 * action. An operator sees the cause next to the step in the line.
 */
import type { AlarmHistoryItem, AutoScalingGroup, MetricAlarm, ScalingActivity } from '@contract';
import type { ChartMarker } from '@/components/charts/metric-option';
import { activityTone } from '@/utils/tone';

const ms = (iso: string | undefined): number => (iso ? Date.parse(iso) : NaN);

/** The alarms that belong to a group: named by its policies, or on its AutoScalingGroupName dimension. */
export function groupAlarmNames(group: AutoScalingGroup, alarms: readonly MetricAlarm[]): Set<string> {
  const names = new Set(group.policies.flatMap((policy) => policy.alarmNames));
  for (const alarm of alarms) if (alarm.dimensions.AutoScalingGroupName === group.autoScalingGroupName) names.add(alarm.alarmName);
  return names;
}

/** Target-tracking alarm names carry a UUID suffix nobody reads: keep "…-AlarmHigh". */
export function shortAlarmName(name: string): string {
  return name.replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '');
}

export function capacityMarkers(
  group: AutoScalingGroup,
  activities: readonly ScalingActivity[],
  alarmHistory: readonly AlarmHistoryItem[],
  alarmNames: ReadonlySet<string>,
): ChartMarker[] {
  const markers: ChartMarker[] = [];
  for (const activity of activities) {
    const time = ms(activity.startTime);
    if (Number.isFinite(time)) markers.push({ time, kind: 'activity', label: activity.description, tone: activityTone(activity.statusCode) });
  }
  for (const item of alarmHistory) {
    if (!alarmNames.has(item.alarmName)) continue;
    // INSUFFICIENT_DATA → OK at start-up is noise on a capacity chart.
    if (item.oldState === 'INSUFFICIENT_DATA' && item.newState === 'OK') continue;
    const time = ms(item.timestamp);
    if (Number.isFinite(time)) markers.push({ time, kind: 'alarm', label: `${shortAlarmName(item.alarmName)} → ${item.newState}`, tone: item.newState === 'ALARM' ? 'bad' : 'ok' });
  }
  for (const action of group.scheduledActions) {
    const time = ms(action.nextRunTime);
    if (!Number.isFinite(time)) continue;
    const sizes = [
      action.minSize !== undefined ? `min ${action.minSize}` : '',
      action.maxSize !== undefined ? `max ${action.maxSize}` : '',
      action.desiredCapacity !== undefined ? `desired ${action.desiredCapacity}` : '',
    ].filter(Boolean);
    markers.push({ time, kind: 'scheduled', label: `${action.scheduledActionName} (${sizes.join(', ')})`, tone: 'info' });
  }
  return markers.sort((a, b) => a.time - b.time);
}
