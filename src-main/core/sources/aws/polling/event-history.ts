/** Events read again on every poll (RDS events, alarm history): which ones are new, and a bounded list of those held. */
import type { LiveList } from '../../../contract';
import { oldestFirst, type ListEntries } from '../../../contract/list-entry-time';

export const MAX_HELD_EVENTS = 500;

export class EventHistory<L extends LiveList, T extends ListEntries[L] = ListEntries[L]> {
  private held: T[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly listName: L,
    private readonly keyOf: (item: T) => string,
    private readonly limit = MAX_HELD_EVENTS,
  ) {}

  /**
   * The events of `found` not seen before, oldest first; they are held from now on, the held ones
   * kept in time order too (a poll's overlap can find an event older than one held already).
   */
  take(found: readonly T[]): T[] {
    const fresh: T[] = [];
    for (const item of found) {
      const key = this.keyOf(item);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      fresh.push(item);
    }
    this.held = this.inOrder([...this.held, ...fresh]).slice(-this.limit);
    if (this.seen.size > this.limit * 2) {
      this.seen.clear();
      for (const item of this.held) this.seen.add(this.keyOf(item));
    }
    return this.inOrder(fresh);
  }

  private inOrder(items: T[]): T[] {
    return oldestFirst(this.listName, items) as T[];
  }

  list(): T[] {
    return [...this.held];
  }

  clear(): void {
    this.held = [];
    this.seen.clear();
  }
}
