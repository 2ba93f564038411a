/**
 * The older entries of event lists this window has not loaded (issue 15): a view that shows the
 * newest N of a list gets only those in its snapshot and subscription answers, with the count of
 * the older ones the host holds (`older`). Per list: that count and the time of the oldest entry
 * loaded, so that a view merging several lists (the Overview) shows them without gaps down to the
 * newest of those times (`horizon`) and loads the rest a page at a time (`live.older`) when the
 * operator scrolls back to it.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { LIVE_LISTS, type LiveList, type OlderCursor, type OlderEntries, type OlderPage } from '@contract';
import { listEntryMillis, type ListEntries } from '@contract/list-entry-time';
import { api } from '@/api';
import { requestFailure, type RequestFailure } from '@/utils/request-error';
import { MAX_ACTIVITIES, useActivitiesStore } from './activities';
import { MAX_EVENTS, useEventsStore } from './events';
import { MAX_ACCESS_LOG, useAccessLogStore } from './access-log';

/** Rows per page: a few screenfuls of the Overview's table. */
export const OLDER_PAGE_SIZE = 100;

/**
 * The most entries this window keeps of each list (its stores' bounds). Once a list holds that
 * many, a page of older ones would only push rows out again: the window stops offering them and
 * says why instead of a button that loads nothing it can show.
 */
export const WINDOW_KEEPS: Readonly<Record<LiveList, number>> = {
  scalingActivities: MAX_ACTIVITIES,
  alarmHistory: MAX_EVENTS,
  rdsEvents: MAX_EVENTS,
  timeline: MAX_EVENTS,
  accessLog: MAX_ACCESS_LOG,
};

interface Unloaded {
  /** Older entries the host holds that this window has not loaded. */
  count: number;
  /** The oldest entry loaded (ms): everything since is loaded. */
  since: number;
}

type Lists = Partial<{ [L in LiveList]: readonly ListEntries[L][] }>;

export const useOlderEventsStore = defineStore('olderEvents', () => {
  const unloaded = shallowRef<Readonly<Partial<Record<LiveList, Unloaded>>>>({});
  const loading = ref(false);
  const error = shallowRef<RequestFailure | null>(null);
  /** The cursor the host gave for the page after the last one loaded (it skips entries at its instant already sent). */
  let next: OlderCursor | undefined;

  /** What a snapshot (`all`: every list starts over) or a subscription answer (the lists it carries) says is left out. */
  function note(lists: Lists, older: OlderEntries | undefined, all: boolean): void {
    const nextState: Partial<Record<LiveList, Unloaded>> = all ? {} : { ...unloaded.value };
    for (const list of LIVE_LISTS) {
      const entries = lists[list];
      if (!entries) continue;
      const count = older?.[list] ?? 0;
      // Lists travel oldest first.
      if (count > 0 && entries.length > 0) nextState[list] = { count, since: listEntryMillis(list, entries[0] as never) };
      else delete nextState[list];
    }
    unloaded.value = nextState;
    if (all) next = undefined;
  }

  const activities = useActivitiesStore();
  const events = useEventsStore();
  const accessLog = useAccessLogStore();
  function held(list: LiveList): number {
    if (list === 'scalingActivities') return activities.items.length;
    if (list === 'accessLog') return accessLog.entries.length;
    return events[list].length;
  }

  /** Lists of these with older entries at the host that this window has no room left for. */
  function full(lists: readonly LiveList[]): LiveList[] {
    return lists.filter((list) => (unloaded.value[list]?.count ?? 0) > 0 && held(list) >= WINDOW_KEEPS[list]);
  }

  /** How many older entries of these lists the host still holds and this window can still load (0 once one of them is full). */
  function count(lists: readonly LiveList[]): number {
    if (full(lists).length > 0) return 0;
    return lists.reduce((sum, list) => sum + (unloaded.value[list]?.count ?? 0), 0);
  }

  /**
   * From when on every entry of these lists is loaded (ms); undefined when all are. Entries of a
   * list loaded further back than that are not shown yet: another list's may be missing beside them.
   */
  function horizon(lists: readonly LiveList[]): number | undefined {
    const times = lists.map((list) => unloaded.value[list]).filter((u): u is Unloaded => u !== undefined && u.count > 0).map((u) => u.since);
    return times.length > 0 ? Math.max(...times) : undefined;
  }

  function store(page: OlderPage): void {
    if (page.scalingActivities?.length) activities.upsert(page.scalingActivities);
    if (page.alarmHistory?.length || page.rdsEvents?.length || page.timeline?.length) {
      // History, not news: no alarm notifications for them.
      events.mergeHistory({ alarmHistory: page.alarmHistory ?? [], rdsEvents: page.rdsEvents ?? [], timeline: page.timeline ?? [] });
    }
    if (page.accessLog?.length) accessLog.appendOlder(page.accessLog);
  }

  /** The next page of these lists, before the horizon. One at a time; a failure is kept for the view to say. */
  async function loadOlder(lists: readonly LiveList[]): Promise<void> {
    const since = horizon(lists);
    if (loading.value || since === undefined || count(lists) === 0) return;
    const wanted = lists.filter((list) => (unloaded.value[list]?.count ?? 0) > 0);
    const before: OlderCursor = next && Date.parse(next.time) === since ? next : { time: new Date(since).toISOString(), skip: 0 };
    loading.value = true;
    try {
      const page = await api.request('live.older', { lists: [...wanted], before, limit: OLDER_PAGE_SIZE });
      store(page);
      const after = { ...unloaded.value };
      for (const list of wanted) {
        const left = page.older[list] ?? 0;
        if (left > 0 && page.next) after[list] = { count: left, since: Date.parse(page.next.time) };
        else delete after[list];
      }
      unloaded.value = after;
      next = page.next;
      error.value = null;
    } catch (caught) {
      error.value = requestFailure(caught);
    } finally {
      loading.value = false;
    }
  }

  return { unloaded, loading, error, note, count, full, horizon, loadOlder };
});
