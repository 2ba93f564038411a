/**
 * The newest `capacity` entries of a log (timeline, RDS events, alarm history, scaling activities).
 * Trimming on every push once full moved the whole list each time (`splice(0, 1)` on thousands of
 * entries, per entry); here the list grows to twice its capacity and is then cut back in one move, so a
 * push costs O(1) amortised. Readers always see at most `capacity` entries, oldest first.
 */
export class BoundedLog<T> {
  private entries: T[] = [];

  constructor(readonly capacity: number) {}

  push(entry: T): void {
    this.entries.push(entry);
    if (this.entries.length >= 2 * this.capacity) this.trim();
  }

  /** The kept entries, oldest first (the live array: do not modify it). */
  get items(): readonly T[] {
    this.trim();
    return this.entries;
  }

  get length(): number {
    return Math.min(this.entries.length, this.capacity);
  }

  private trim(): void {
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }
}
