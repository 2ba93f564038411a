/**
 * `live.older` (contract/model-live.ts OlderCursor): the entries of event lists older than what a
 * window was sent, a page at a time, from the lists the source holds. The lists are merged newest
 * first so that a view showing them as one timeline (the Overview) gets a page without gaps: every
 * entry of every list asked for between the page's first and last instant.
 */
import type { LiveList, OlderPage, OlderRequest, Snapshot } from './contract';
import { listEntryMillis, type ListEntries } from './contract/list-entry-time';

interface Placed {
  list: LiveList;
  /** The list's position in the request (ties at one instant: the first list first). */
  rank: number;
  /** Position in the source's list, oldest first (ties in one list: the later entry first). */
  index: number;
  ms: number;
  entry: unknown;
}

/** The page of `request.lists` before its cursor, from the lists as `snapshot` holds them (oldest first). */
export function olderPage(snapshot: Pick<Snapshot, LiveList>, request: OlderRequest): OlderPage {
  const limit = request.limit;
  const before = Date.parse(request.before.time);
  const lists = [...new Set(request.lists)];
  const merged: Placed[] = [];
  lists.forEach((list, rank) => {
    const entries = snapshot[list] as ListEntries[typeof list][];
    entries.forEach((entry, index) => {
      const ms = listEntryMillis(list, entry);
      if (ms <= before) merged.push({ list, rank, index, ms, entry });
    });
  });
  merged.sort((a, b) => b.ms - a.ms || a.rank - b.rank || b.index - a.index);
  const start = Math.min(request.before.skip, merged.length);
  const end = Math.min(start + limit, merged.length);
  const page = merged.slice(start, end);
  const answer: OlderPage = { older: {} };
  for (const list of lists) {
    // Oldest first, as every list travels (Updates, snapshots).
    (answer as Record<string, unknown>)[list] = page.filter((placed) => placed.list === list).reverse().map((placed) => placed.entry);
    answer.older[list] = merged.slice(end).filter((placed) => placed.list === list).length;
  }
  if (end < merged.length && page.length > 0) {
    const last = page[page.length - 1]!;
    // Everything of the page and before it at the last entry's instant is behind the next cursor.
    let atLast = 0;
    for (let i = end - 1; i >= 0 && merged[i]!.ms === last.ms; i--) atLast++;
    answer.next = { time: new Date(last.ms).toISOString(), skip: atLast };
  }
  return answer;
}
