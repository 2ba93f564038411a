/**
 * A live value as a view shows it: at most one change per `intervalMs` (issue 15). At ×3600 the
 * host pushes four updates a second; a feed that grows at the top (the access log, the recent
 * events) re-rendered, re-laid-out and repainted every visible row for each, faster than anyone
 * reads. The first change after a quiet interval shows at once, later ones wait for the interval
 * to end and show the newest value (none is lost: the value is read again when it is shown). The
 * interval is the page's, not each value's (composables/display-clock): the lists of a view change
 * in the same task, and the browser lays out and paints once for them.
 * What the operator does (filter, sort, scroll, select) is not throttled: it lives in the table.
 *
 * The source is evaluated only when shown, never per push: a change of anything it reads marks it
 * out of date and schedules the next showing. A derived list (the Overview's merged recent events,
 * its request path at scale) was rebuilt on every push only to be compared and thrown away.
 */
import { onScopeDispose, ReactiveEffect, shallowRef, watch, type ShallowRef } from 'vue';
import { atDisplayTick, DISPLAY_INTERVAL_MS } from './display-clock';

export { DISPLAY_INTERVAL_MS };

export interface DisplayRateOptions<T = unknown> {
  intervalMs?: number;
  /** What the operator chose (a selected resource): a change of it shows at once, never waits. */
  immediateOn?: () => unknown;
  /**
   * While true the value holds still: its changes are only noted, and the newest shows at once when
   * it turns false. For a section scrolled out of view (composables/use-in-view): at scale-1000 the
   * Load balancers view re-rendered, laid out and painted a target group list and an access log
   * nobody could see once a second (issue 15). Given the value shown, so a view can let an empty
   * list fill out of view (opened before the snapshot came): the page then has its real height.
   */
  paused?: (shown: T) => boolean;
}

export function useDisplayRate<T>(source: () => T, options: DisplayRateOptions<T> = {}): Readonly<ShallowRef<T>> {
  const intervalMs = options.intervalMs ?? DISPLAY_INTERVAL_MS;
  let cancel: (() => void) | undefined;
  /** Changed while paused: shown when the pause ends. */
  let missed = false;
  // Tracks what the source reads; a change of it only counts, it does not re-evaluate. The count is
  // watched before the next render (Vue's pre-flush), as a watched source was: every store a push
  // changes in one task is shown together. Stopped with the component.
  const tracker = new ReactiveEffect(source);
  const changes = shallowRef(0);
  tracker.scheduler = () => changes.value++;
  const shown = shallowRef<T>(tracker.run());

  function show(): void {
    cancel?.();
    cancel = undefined;
    missed = false;
    shown.value = tracker.run();
  }

  function changed(): void {
    if (options.paused?.(shown.value)) {
      missed = true;
      return;
    }
    if (cancel) return;
    // The page's one display tick (composables/display-clock): every live value shows in the same
    // task. It may run at once (a quiet page), before the canceller is returned.
    let ran = false;
    const cancelTick = atDisplayTick(() => {
      ran = true;
      show();
    }, intervalMs);
    if (!ran) cancel = cancelTick;
  }

  watch(changes, changed);
  if (options.immediateOn) watch(options.immediateOn, show);
  if (options.paused) {
    const pausedFor = options.paused;
    watch(
      () => pausedFor(shown.value),
      (paused) => {
        if (paused) {
          // Already due when it went out of view: shown when it comes back.
          if (cancel) missed = true;
          cancel?.();
          cancel = undefined;
        } else if (missed) show();
      },
    );
  }
  onScopeDispose(() => {
    tracker.stop();
    cancel?.();
  });
  return shown;
}
