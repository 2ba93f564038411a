/** Events read again on every poll (RDS events, alarm history): which ones are new, and a bounded list of those held. */
export const MAX_HELD_EVENTS = 500;

export class EventHistory<T> {
  private held: T[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly limit = MAX_HELD_EVENTS,
  ) {}

  /** The events of `found` not seen before, in order; they are held from now on. */
  take(found: readonly T[]): T[] {
    const fresh: T[] = [];
    for (const item of found) {
      const key = this.keyOf(item);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      fresh.push(item);
    }
    this.held = [...this.held, ...fresh].slice(-this.limit);
    if (this.seen.size > this.limit * 2) {
      this.seen.clear();
      for (const item of this.held) this.seen.add(this.keyOf(item));
    }
    return fresh;
  }

  list(): T[] {
    return [...this.held];
  }

  clear(): void {
    this.held = [];
    this.seen.clear();
  }
}
