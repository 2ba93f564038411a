/**
 * A live value as a view shows it: at most one change per `intervalMs` (issue 15). At ×3600 the
 * host pushes four updates a second; a feed that grows at the top (the access log, the recent
 * events) re-rendered, re-laid-out and repainted every visible row for each, faster than anyone
 * reads. The first change after a quiet interval shows at once, later ones wait for the interval
 * to end and show the newest value (none is lost: the value is read again when it is shown).
 * What the operator does (filter, sort, scroll, select) is not throttled: it lives in the table.
 *
 * The source is evaluated only when shown, never per push: a change of anything it reads marks it
 * out of date and schedules the next showing. A derived list (the Overview's merged recent events,
 * its request path at scale) was rebuilt on every push only to be compared and thrown away.
 */
import { onScopeDispose, ReactiveEffect, shallowRef, watch, type ShallowRef } from 'vue';

export const DISPLAY_INTERVAL_MS = 1000;

export interface DisplayRateOptions {
  intervalMs?: number;
  /** What the operator chose (a selected resource): a change of it shows at once, never waits. */
  immediateOn?: () => unknown;
}

export function useDisplayRate<T>(source: () => T, options: DisplayRateOptions = {}): Readonly<ShallowRef<T>> {
  const intervalMs = options.intervalMs ?? DISPLAY_INTERVAL_MS;
  let shownAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Tracks what the source reads; a change of it only counts, it does not re-evaluate. The count is
  // watched before the next render (Vue's pre-flush), as a watched source was: every store a push
  // changes in one task is shown together. Stopped with the component.
  const tracker = new ReactiveEffect(source);
  const changes = shallowRef(0);
  tracker.scheduler = () => changes.value++;
  const shown = shallowRef<T>(tracker.run());

  function show(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    shown.value = tracker.run();
    shownAt = performance.now();
  }

  function changed(): void {
    if (timer !== undefined) return;
    const wait = shownAt + intervalMs - performance.now();
    if (wait <= 0) show();
    else timer = setTimeout(show, wait);
  }

  watch(changes, changed);
  if (options.immediateOn) watch(options.immediateOn, show);
  onScopeDispose(() => {
    tracker.stop();
    if (timer !== undefined) clearTimeout(timer);
  });
  return shown;
}
