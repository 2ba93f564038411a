/**
 * Scaling activities, newest first like DescribeScalingActivities. An activity changes state
 * (InProgress → Successful) under the same activityId, so Updates are upserted, not appended.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { ScalingActivity } from '@contract';

/** DescribeScalingActivities keeps six weeks; the UI keeps what an operator scrolls through. */
export const MAX_ACTIVITIES = 500;

function startMillis(activity: ScalingActivity): number {
  const time = Date.parse(activity.startTime);
  return Number.isNaN(time) ? 0 : time;
}

/** Newest first; Array.prototype.sort is stable, so equal start times keep the order given. */
function newestFirst(list: ScalingActivity[]): ScalingActivity[] {
  return list.sort((a, b) => startMillis(b) - startMillis(a)).slice(0, MAX_ACTIVITIES);
}

export const useActivitiesStore = defineStore('activities', () => {
  const items = shallowRef<readonly ScalingActivity[]>([]);

  function load(list: readonly ScalingActivity[]): void {
    const byId = new Map<string, ScalingActivity>();
    for (const activity of list) byId.set(activity.activityId, activity);
    items.value = newestFirst([...byId.values()]);
  }

  function upsert(list: readonly ScalingActivity[]): void {
    if (list.length === 0) return;
    const changed = new Map<string, ScalingActivity>();
    for (const activity of list) changed.set(activity.activityId, activity);
    // Activities we had not seen go first so that, at equal start times, the newer one leads.
    const known = new Set(items.value.map((activity) => activity.activityId));
    const fresh = [...changed.values()].filter((activity) => !known.has(activity.activityId));
    const updated = items.value.map((known) => changed.get(known.activityId) ?? known);
    items.value = newestFirst([...fresh.reverse(), ...updated]);
  }

  function forGroup(name: string): ScalingActivity[] {
    return items.value.filter((activity) => activity.autoScalingGroupName === name);
  }

  function recent(count: number): ScalingActivity[] {
    return items.value.slice(0, count);
  }

  return { items, load, upsert, forGroup, recent };
});
