/**
 * One window's subscriptions (issue 15 item 5; contract/model-live.ts): which metric series, event
 * lists and groups' instance CPU the views it shows display. The core keeps one per connection (a
 * WebSocket, an Electron window) and passes every pushed Update and every snapshot through it, so a
 * window on a thousand-instance account gets the few series its open detail draws instead of all
 * of them. Until a window subscribes it gets everything (the CLI, tests, older windows).
 */
import { LIVE_LISTS, metricQueryKey, type InstanceCpu, type LiveList, type LiveSubscription, type MetricSeries, type Snapshot, type Update } from './contract';

/** What a new subscription adds to the one before, for the history its answer carries. */
export interface InterestAdded {
  metricKeys: ReadonlySet<string>;
  lists: readonly LiveList[];
  groups: readonly string[];
  /** Groups whose activities are newly wanted (when not the whole list). */
  activityGroups: readonly string[];
}

/** A series' key, computed once per series object however many windows filter it. */
const keys = new WeakMap<MetricSeries, string>();
export function seriesQueryKey(series: MetricSeries): string {
  let key = keys.get(series);
  if (key === undefined) keys.set(series, (key = metricQueryKey(series)));
  return key;
}

function pickGroups(cpu: InstanceCpu | undefined, groups: ReadonlySet<string>): InstanceCpu | undefined {
  if (!cpu) return undefined;
  const kept: InstanceCpu = {};
  let any = false;
  for (const name of Object.keys(cpu)) {
    if (!groups.has(name)) continue;
    kept[name] = cpu[name]!;
    any = true;
  }
  return any ? kept : undefined;
}

export class LiveInterest {
  /** undefined: not subscribed yet, everything passes. */
  private metrics: Set<string> | undefined;
  private lists: Set<LiveList> | undefined;
  private groups: Set<string> | undefined;
  private activityGroups = new Set<string>();

  get subscribed(): boolean {
    return this.metrics !== undefined;
  }

  /** Replaces the subscriptions; returns what is new compared with the previous ones. */
  set(subscription: Pick<LiveSubscription, 'metrics' | 'lists' | 'instanceCpu'> & { activitiesOf?: readonly string[] }): InterestAdded {
    const metrics = new Set(subscription.metrics.map(metricQueryKey));
    const lists = new Set(subscription.lists);
    const groups = new Set(subscription.instanceCpu);
    const before = { metrics: this.metrics ?? new Set<string>(), lists: this.lists ?? new Set<LiveList>(), groups: this.groups ?? new Set<string>(), activityGroups: this.activityGroups };
    const activityGroups = new Set(subscription.activitiesOf ?? []);
    this.metrics = metrics;
    this.lists = lists;
    this.groups = groups;
    this.activityGroups = activityGroups;
    return {
      activityGroups: lists.has('scalingActivities') || before.lists.has('scalingActivities') ? [] : [...activityGroups].filter((group) => !before.activityGroups.has(group)),
      metricKeys: new Set([...metrics].filter((key) => !before.metrics.has(key))),
      lists: [...lists].filter((list) => !before.lists.has(list)),
      groups: [...groups].filter((group) => !before.groups.has(group)),
    };
  }

  /** The whole list when subscribed, else the activities of the groups in activitiesOf. */
  activities<T extends { autoScalingGroupName: string }>(list: T[]): T[] {
    if (this.lists === undefined || this.lists.has('scalingActivities')) return list;
    if (this.activityGroups.size === 0 || list.length === 0) return [];
    return list.filter((activity) => this.activityGroups.has(activity.autoScalingGroupName));
  }

  wantsSeries(series: MetricSeries): boolean {
    return this.metrics === undefined || this.metrics.has(seriesQueryKey(series));
  }

  /** This window's part of an Update (the same object when it takes everything; the clock always goes). */
  update(update: Update): Update {
    if (!this.metrics || !this.lists || !this.groups) return update;
    const lists = this.lists;
    const filtered: Update = {
      ...update,
      metrics: update.metrics.filter((series) => this.wantsSeries(series)),
      ...Object.fromEntries(LIVE_LISTS.map((list) => [list, lists.has(list) ? update[list] : []])),
      scalingActivities: this.activities(update.scalingActivities),
    };
    const cpu = pickGroups(update.instanceCpu, this.groups);
    if (cpu) filtered.instanceCpu = cpu;
    else delete filtered.instanceCpu;
    return filtered;
  }

  /** This window's part of a snapshot: the inventory whole, the rest as subscribed. */
  snapshot(snapshot: Snapshot): Snapshot {
    if (!this.metrics || !this.lists || !this.groups) return snapshot;
    const lists = this.lists;
    const filtered: Snapshot = {
      ...snapshot,
      metrics: snapshot.metrics.filter((series) => this.wantsSeries(series)),
      ...Object.fromEntries(LIVE_LISTS.map((list) => [list, lists.has(list) ? snapshot[list] : []])),
      scalingActivities: this.activities(snapshot.scalingActivities),
    };
    const cpu = pickGroups(snapshot.instanceCpu, this.groups);
    if (cpu) filtered.instanceCpu = cpu;
    else delete filtered.instanceCpu;
    return filtered;
  }
}
