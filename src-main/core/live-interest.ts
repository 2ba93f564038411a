/**
 * One window's subscriptions (issue 15 item 5; contract/model-live.ts): which metric series, event
 * lists and groups' instance CPU the views it shows display. The core keeps one per connection (a
 * WebSocket, an Electron window) and passes every pushed Update and every snapshot through it, so a
 * window on a thousand-instance account gets the few series its open detail draws instead of all
 * of them. Until a window subscribes it gets everything (the CLI, tests, older windows).
 */
import { deltaWithoutMembers, withoutMembers, type ListedMembers } from './contract/member-counts';
import { LIVE_LISTS, metricQueryKey, type InstanceCpu, type LiveList, type LiveSubscription, type MetricSeries, type NewestPerFrame, type OlderEntries, type ScalingActivity, type SkippedEntries, type Snapshot, type TargetGroup, type Update } from './contract';

/**
 * Activities this window was sent, remembered so that their later changes (InProgress → Successful)
 * always reach it even when the list is bounded per frame: a bounded list must never leave a row
 * showing a state that is no longer true. Bounded itself: the renderer keeps 500.
 */
const MAX_REMEMBERED_ACTIVITIES = 2000;

/** What a new subscription adds to the one before, for the history its answer carries. */
export interface InterestAdded {
  metricKeys: ReadonlySet<string>;
  lists: readonly LiveList[];
  groups: readonly string[];
  /** Groups whose activities are newly wanted (when not the whole list). */
  activityGroups: readonly string[];
  /** Target groups whose targets are newly listed. */
  targetGroups: readonly string[];
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
  private targetGroups = new Set<string>();
  /** Each target group's type as this window was sent it (a patch does not carry it): contract/member-counts.ts. */
  private readonly targetTypes = new Map<string, TargetGroup['targetType']>();
  private activityGroups = new Set<string>();
  private newest: NewestPerFrame = {};
  private readonly sentActivities = new Set<string>();

  get subscribed(): boolean {
    return this.metrics !== undefined;
  }

  /** Replaces the subscriptions; returns what is new compared with the previous ones. */
  set(subscription: Pick<LiveSubscription, 'metrics' | 'lists' | 'instanceCpu'> & { activitiesOf?: readonly string[]; targetsOf?: readonly string[]; newest?: NewestPerFrame }): InterestAdded {
    const metrics = new Set(subscription.metrics.map(metricQueryKey));
    const lists = new Set(subscription.lists);
    const groups = new Set(subscription.instanceCpu);
    const before = { metrics: this.metrics ?? new Set<string>(), lists: this.lists ?? new Set<LiveList>(), groups: this.groups ?? new Set<string>(), activityGroups: this.activityGroups, targetGroups: this.targetGroups };
    const targetGroups = new Set(subscription.targetsOf ?? []);
    const activityGroups = new Set(subscription.activitiesOf ?? []);
    this.metrics = metrics;
    this.lists = lists;
    this.groups = groups;
    this.activityGroups = activityGroups;
    this.targetGroups = targetGroups;
    const newestBefore = this.newest;
    this.newest = { ...subscription.newest };
    // A list held to its newest N whose bound is raised or lifted (another view lists it whole) is
    // added again: the window holds only those N, the answer brings it to the new bound.
    const widened = (list: LiveList) => newestBefore[list] !== undefined && (this.newest[list] === undefined || this.newest[list]! > newestBefore[list]!);
    return {
      activityGroups: lists.has('scalingActivities') || before.lists.has('scalingActivities') ? [] : [...activityGroups].filter((group) => !before.activityGroups.has(group)),
      metricKeys: new Set([...metrics].filter((key) => !before.metrics.has(key))),
      lists: [...lists].filter((list) => !before.lists.has(list) || widened(list)),
      groups: [...groups].filter((group) => !before.groups.has(group)),
      targetGroups: [...targetGroups].filter((arn) => !before.targetGroups.has(arn)),
    };
  }

  /** The whole list when subscribed, else the activities of the groups in activitiesOf. */
  activities<T extends { autoScalingGroupName: string }>(list: T[]): T[] {
    if (this.lists === undefined || this.lists.has('scalingActivities')) return list;
    if (this.activityGroups.size === 0 || list.length === 0) return [];
    return list.filter((activity) => this.activityGroups.has(activity.autoScalingGroupName));
  }

  /** Activities this window now holds (an update, a snapshot, a subscription's history). */
  remember(activities: readonly ScalingActivity[]): void {
    if (this.newest.scalingActivities === undefined) return;
    for (const activity of activities) {
      this.sentActivities.delete(activity.activityId);
      this.sentActivities.add(activity.activityId);
    }
    // A Set iterates in insertion order: the first are the longest ago sent.
    for (const id of this.sentActivities) {
      if (this.sentActivities.size <= MAX_REMEMBERED_ACTIVITIES) break;
      this.sentActivities.delete(id);
    }
  }

  /**
   * A list bounded to its newest `limit` entries per frame (entries arrive oldest first). Scaling
   * activities this window already holds always pass, so that a row never keeps a stale state.
   */
  private bounded<T>(list: LiveList, entries: T[], skipped: SkippedEntries): T[] {
    const limit = this.newest[list];
    if (limit === undefined || entries.length <= limit) return entries;
    let kept: T[];
    if (list === 'scalingActivities') {
      const activities = entries as unknown as ScalingActivity[];
      const known = activities.filter((a) => this.sentActivities.has(a.activityId) || this.activityGroups.has(a.autoScalingGroupName));
      const fresh = activities.filter((a) => !this.sentActivities.has(a.activityId) && !this.activityGroups.has(a.autoScalingGroupName)).slice(-limit);
      const keep = new Set([...known, ...fresh]);
      kept = entries.filter((entry) => keep.has(entry as unknown as ScalingActivity));
    } else kept = entries.slice(-limit);
    if (kept.length < entries.length) skipped[list] = entries.length - kept.length;
    return kept;
  }

  /**
   * What a snapshot or a subscription answer sends of a list the window holds to its newest N: those
   * N (for scaling activities, also every one of the groups whose history is open), and how many
   * older entries were left out (`older`; the view loads them with `live.older` when scrolled to).
   */
  boundedHistory<L extends LiveList>(list: L, entries: L extends 'scalingActivities' ? ScalingActivity[] : unknown[], older: OlderEntries): typeof entries {
    const limit = this.newest[list];
    if (limit === undefined || entries.length <= limit) return entries;
    if (list !== 'scalingActivities') {
      older[list] = entries.length - limit;
      return entries.slice(-limit) as typeof entries;
    }
    const activities = entries as ScalingActivity[];
    const others = activities.filter((a) => !this.activityGroups.has(a.autoScalingGroupName));
    if (others.length <= limit) return entries;
    const keep = new Set(others.slice(-limit));
    older[list] = others.length - limit;
    return activities.filter((a) => keep.has(a) || this.activityGroups.has(a.autoScalingGroupName)) as typeof entries;
  }

  wantsSeries(series: MetricSeries): boolean {
    return this.metrics === undefined || this.metrics.has(seriesQueryKey(series));
  }

  /** This window's part of an Update (the same object when it takes everything; the clock always goes). */
  update(update: Update): Update {
    if (!this.metrics || !this.lists || !this.groups) return update;
    const lists = this.lists;
    const skipped: SkippedEntries = {};
    const filtered: Update = {
      ...update,
      metrics: update.metrics.filter((series) => this.wantsSeries(series)),
      ...Object.fromEntries(LIVE_LISTS.map((list) => [list, lists.has(list) ? this.bounded(list, update[list] as unknown[], skipped) : []])),
    };
    filtered.scalingActivities = lists.has('scalingActivities') ? this.bounded('scalingActivities', update.scalingActivities, skipped) : this.activities(update.scalingActivities);
    this.remember(filtered.scalingActivities);
    if (Object.keys(skipped).length > 0) filtered.skipped = skipped;
    else delete filtered.skipped;
    const cpu = pickGroups(update.instanceCpu, this.groups);
    if (cpu) filtered.instanceCpu = cpu;
    else delete filtered.instanceCpu;
    if (update.inventory) {
      for (const tg of update.inventory.targetGroups?.upserted ?? []) this.targetTypes.set(tg.targetGroupArn, tg.targetType);
      filtered.inventory = deltaWithoutMembers(update.inventory, this.listed(), (arn) => this.targetTypes.get(arn));
    }
    return filtered;
  }

  /** The members this window lists: the groups whose instance table is open, the target groups whose targets. */
  private listed(): ListedMembers {
    return { groups: this.groups ?? new Set(), targetGroups: this.targetGroups };
  }

  /** This window's part of a snapshot: the inventory without the members it does not list, the rest as subscribed. */
  snapshot(snapshot: Snapshot): Snapshot {
    if (!this.metrics || !this.lists || !this.groups) return snapshot;
    const lists = this.lists;
    for (const tg of snapshot.inventory.targetGroups) this.targetTypes.set(tg.targetGroupArn, tg.targetType);
    const older: OlderEntries = {};
    const filtered: Snapshot = {
      ...snapshot,
      inventory: withoutMembers(snapshot.inventory, this.listed()),
      metrics: snapshot.metrics.filter((series) => this.wantsSeries(series)),
      // The lists as the views show them: the newest N of a bounded one, the count of the rest in `older`.
      ...Object.fromEntries(LIVE_LISTS.filter((list) => list !== 'scalingActivities').map((list) => [list, lists.has(list) ? this.boundedHistory(list, snapshot[list] as unknown[], older) : []])),
      scalingActivities: lists.has('scalingActivities') ? this.boundedHistory('scalingActivities', snapshot.scalingActivities, older) : this.activities(snapshot.scalingActivities),
    };
    if (Object.keys(older).length > 0) filtered.older = older;
    else delete filtered.older;
    // The history the view opens with: its activities may change later.
    this.remember(filtered.scalingActivities);
    const cpu = pickGroups(snapshot.instanceCpu, this.groups);
    if (cpu) filtered.instanceCpu = cpu;
    else delete filtered.instanceCpu;
    return filtered;
  }
}
