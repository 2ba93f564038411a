/**
 * Computeds that keep their previous value while the new one is equal (issue 15). At ×3600 the host
 * pushes four frames a second and each brings new objects (a health report, target groups whose
 * targets moved) even where nothing a component shows changed; a computed that returns a new array
 * or object re-renders every component that reads it. Vue (3.4+) triggers nothing downstream when a
 * computed returns the very value it held, so these hand back the previous value when the new one
 * is equal by the given test.
 */
import { computed, type ComputedRef } from 'vue';

/** Same length, same items (by identity, or by `same`) in the same order. */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[], same: (x: T, y: T) => boolean = Object.is): boolean {
  if (a === b) return true;
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

/** A computed that keeps its previous value while `same(previous, next)`. */
export function useKept<T>(getter: () => T, same: (previous: T, next: T) => boolean): ComputedRef<T> {
  return computed<T>((previous) => {
    const next = getter();
    return previous !== undefined && same(previous, next) ? previous : next;
  });
}

/** A computed list that keeps its previous array while it holds the same items (by identity, or by `same`). */
export function useKeptList<T>(getter: () => readonly T[], same: (x: T, y: T) => boolean = Object.is): ComputedRef<readonly T[]> {
  return useKept(getter, (previous, next) => sameItems(previous, next, same));
}

/**
 * Rows derived from items, one row per item: a row is reused while its item is the same object and
 * `sameRow(previous, next)` holds, and the list is reused while every row is, so a table re-renders
 * only the rows whose item or derived values changed, and not at all when none did.
 */
export function useKeptRows<Item, Row>(
  items: () => readonly Item[],
  toRow: (item: Item) => Row,
  itemOf: (row: Row) => Item,
  sameRow: (previous: Row, next: Row) => boolean,
): ComputedRef<readonly Row[]> {
  return computed<readonly Row[]>((previous) => {
    const before = new Map<Item, Row>();
    for (const row of previous ?? []) before.set(itemOf(row), row);
    const next = items().map((item) => {
      const row = toRow(item);
      const old = before.get(item);
      return old !== undefined && sameRow(old, row) ? old : row;
    });
    return previous !== undefined && sameItems(previous, next) ? previous : next;
  });
}
