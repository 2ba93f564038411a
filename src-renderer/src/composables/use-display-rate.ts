/**
 * A live value as a view shows it: at most one change per `intervalMs` (issue 15). At ×3600 the
 * host pushes four updates a second; a feed that grows at the top (the access log, the recent
 * events) re-rendered, re-laid-out and repainted every visible row for each, faster than anyone
 * reads. The first change after a quiet interval shows at once, later ones wait for the interval
 * to end and show the newest value (none is lost: the value is read again when it is shown).
 * What the operator does (filter, sort, scroll, select) is not throttled: it lives in the table.
 */
import { onBeforeUnmount, shallowRef, watch, type ShallowRef } from 'vue';

export const DISPLAY_INTERVAL_MS = 1000;

export interface DisplayRateOptions {
  intervalMs?: number;
  /** What the operator chose (a selected resource): a change of it shows at once, never waits. */
  immediateOn?: () => unknown;
}

export function useDisplayRate<T>(source: () => T, options: DisplayRateOptions = {}): Readonly<ShallowRef<T>> {
  const intervalMs = options.intervalMs ?? DISPLAY_INTERVAL_MS;
  const shown = shallowRef(source());
  let shownAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function show(): void {
    timer = undefined;
    shown.value = source();
    shownAt = performance.now();
  }

  if (options.immediateOn) {
    watch(options.immediateOn, () => {
      if (timer !== undefined) clearTimeout(timer);
      show();
    });
  }
  watch(source, () => {
    if (timer !== undefined) return;
    const wait = shownAt + intervalMs - performance.now();
    if (wait <= 0) show();
    else timer = setTimeout(show, wait);
  });
  onBeforeUnmount(() => {
    if (timer !== undefined) clearTimeout(timer);
  });
  return shown;
}
