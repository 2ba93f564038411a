/**
 * How many entries of each event list the host left out for this window since its snapshot (issue 15
 * item 5): a view that shows only the latest of a list asks for the newest N per frame
 * (stores/live-interest.ts), and says how many more there were instead of silently showing fewer.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { LIVE_LISTS, type LiveList, type SkippedEntries } from '@contract';

const none = (): Record<LiveList, number> => Object.fromEntries(LIVE_LISTS.map((list) => [list, 0])) as Record<LiveList, number>;

export const useSkippedStore = defineStore('skipped', () => {
  const counts = shallowRef<Readonly<Record<LiveList, number>>>(none());

  function add(skipped: SkippedEntries | undefined): void {
    if (!skipped) return;
    const next = { ...counts.value };
    for (const list of LIVE_LISTS) next[list] += skipped[list] ?? 0;
    counts.value = next;
  }

  /** A snapshot starts the window over. */
  function reset(): void {
    counts.value = none();
  }

  function total(lists: readonly LiveList[]): number {
    return lists.reduce((sum, list) => sum + counts.value[list], 0);
  }

  return { counts, add, reset, total };
});
