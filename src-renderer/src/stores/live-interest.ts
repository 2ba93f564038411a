/**
 * What this window's visible views show, told to the host (issue 15 item 5; contract/model-live.ts):
 * every component that draws series, lists events or shows instance CPU holds an interest while it
 * is mounted (composables/use-live-interest.ts); their union goes to the host as one `live.subscribe`
 * when it changes (at most once per task), and the history of what was added is put into the stores
 * at once, so a view that appears has its data. The host then pushes only those. Before every
 * snapshot the live store sends the union again (a reconnected socket has none).
 */
import { defineStore } from 'pinia';
import { LIVE_LISTS, MAX_SUBSCRIBED_GROUPS, MAX_SUBSCRIBED_SERIES, metricQueryKey, type LiveHistory, type LiveList, type LiveSubscription, type MetricQuery, type NewestPerFrame } from '@contract';
import { api } from '@/api';
import { useAccessLogStore } from './access-log';
import { useActivitiesStore } from './activities';
import { useEventsStore } from './events';
import { useInstanceCpuStore } from './instance-cpu';
import { useInventoryStore } from './inventory';
import { useMetricsStore } from './metrics';
import { useOlderEventsStore } from './older-events';

export interface Interest {
  metrics?: readonly MetricQuery[];
  lists?: readonly LiveList[];
  instanceCpu?: readonly string[];
  /** Target groups (ARNs) whose targets this view lists (the others' come as counts only). */
  targetsOf?: readonly string[];
  /** Scaling activities of these groups only (when no view lists them all). */
  activitiesOf?: readonly string[];
  /**
   * Lists of `lists` this view shows only the latest of: per frame, the newest this many (the host
   * counts the rest, stores/skipped.ts). A list another view holds without a bound comes whole.
   */
  newest?: NewestPerFrame;
}

type Union = Omit<LiveSubscription, 'history'>;

export const useLiveInterestStore = defineStore('liveInterest', () => {
  const holders = new Map<number, Interest>();
  let nextId = 0;
  let scheduled = false;
  let lastSent: string | undefined;
  /** The host answered UnknownChannel (an older core): it sends everything, nothing to tell it. */
  let unsupported = false;

  function union(): Union {
    const metrics = new Map<string, MetricQuery>();
    const lists = new Set<LiveList>();
    const groups = new Set<string>();
    const activityGroups = new Set<string>();
    const targetGroups = new Set<string>();
    /** Per list, the largest bound its holders asked for; null when one of them takes it whole. */
    const bounds = new Map<LiveList, number | null>();
    for (const interest of holders.values()) {
      for (const list of interest.lists ?? []) {
        const bound = interest.newest?.[list];
        const held = bounds.get(list);
        bounds.set(list, bound === undefined || held === null ? null : Math.max(bound, held ?? 0));
      }
      for (const group of interest.activitiesOf ?? []) activityGroups.add(group);
      for (const query of interest.metrics ?? []) metrics.set(metricQueryKey(query), { namespace: query.namespace, metricName: query.metricName, dimensions: { ...query.dimensions }, stat: query.stat });
      for (const list of interest.lists ?? []) lists.add(list);
      for (const group of interest.instanceCpu ?? []) groups.add(group);
      for (const arn of interest.targetsOf ?? []) targetGroups.add(arn);
    }
    const newest: NewestPerFrame = {};
    for (const [list, bound] of bounds) if (bound !== null) newest[list] = bound;
    return {
      metrics: [...metrics.values()].slice(0, MAX_SUBSCRIBED_SERIES),
      lists: LIVE_LISTS.filter((list) => lists.has(list)),
      instanceCpu: [...groups].slice(0, MAX_SUBSCRIBED_GROUPS),
      targetsOf: [...targetGroups].slice(0, MAX_SUBSCRIBED_GROUPS),
      // With the whole list there is nothing to add; with its newest only, an open group's activities still come whole.
      activitiesOf: lists.has('scalingActivities') && newest.scalingActivities === undefined ? [] : [...activityGroups].slice(0, MAX_SUBSCRIBED_GROUPS),
      newest,
    };
  }

  function applyHistory(history: LiveHistory): void {
    useMetricsStore().append(history.metrics);
    if (history.scalingActivities) useActivitiesStore().upsert(history.scalingActivities);
    if (history.alarmHistory || history.rdsEvents || history.timeline) {
      // History, not news: no alarm notification for transitions the window merely had not listed.
      useEventsStore().mergeHistory({ alarmHistory: history.alarmHistory ?? [], rdsEvents: history.rdsEvents ?? [], timeline: history.timeline ?? [] });
    }
    // Not followed until now: what the store held is older than the host's list, which replaces it.
    if (history.accessLog) useAccessLogStore().load(history.accessLog);
    useInstanceCpuStore().merge(history.instanceCpu);
    useInventoryStore().setMembers(history.members);
    // A list the views show the newest N of came as those N: the rest loads when scrolled back to.
    useOlderEventsStore().note(history, history.older, false);
  }

  /** Sends the union now; with history, puts what was added into the stores. */
  async function sync(history: boolean): Promise<void> {
    if (unsupported) return;
    const subscription = union();
    const text = JSON.stringify(subscription);
    if (history && text === lastSent) return;
    lastSent = text;
    try {
      const answer = await api.request('live.subscribe', { ...subscription, history });
      if (history) applyHistory(answer);
      useInventoryStore().keepMembers(new Set(subscription.instanceCpu), new Set(subscription.targetsOf));
    } catch (error) {
      if ((error as { code?: string }).code === 'UnknownChannel') unsupported = true;
      // Otherwise (a socket that closed): the reconnect sends the union again before its snapshot.
      else lastSent = undefined;
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      void sync(true);
    });
  }

  /** A component's interest, held until release(); set() replaces it. */
  function hold(): { set(interest: Interest): void; release(): void } {
    const id = nextId++;
    holders.set(id, {});
    return {
      set(interest) {
        holders.set(id, interest);
        schedule();
      },
      release() {
        holders.delete(id);
        schedule();
      },
    };
  }

  return { hold, sync, union };
});
