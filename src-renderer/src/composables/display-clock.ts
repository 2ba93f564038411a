/**
 * One pace for the whole page (issue 15): every live value shown at the display rate
 * (composables/use-display-rate) and every live chart's redraw (components/charts/MetricChart.vue)
 * waits for the same tick, at most one a second. Each used to keep its own timer, and their phases
 * drifted apart (a value that changed after a quiet second showed at once and started its own
 * second): at scale-1000 ×3600 the Load balancers view laid out and painted the page three to four
 * times a second for its lists and woke each chart's animation loop at another moment, 20+ frames a
 * second. Now the lists change in one task, so the browser lays the page out and paints it once a
 * tick, and the charts draw in one frame.
 *
 * The first request after a quiet interval runs at once, and so does every other request made in
 * the same task (a push changes several stores together and they show together); later ones wait
 * for the interval since that tick to end. A request is never lost: it runs at the next tick.
 */

export const DISPLAY_INTERVAL_MS = 1000;

interface Clock {
  due: Set<() => void>;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** When the timer is due (performance.now()). */
  dueAt: number;
  lastTickAt: number;
  /** A tick ran in this task: requests made before the task ends join it. */
  open: boolean;
}

const clocks = new Map<number, Clock>();

function clockFor(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (!clock) clocks.set(intervalMs, (clock = { due: new Set(), timer: undefined, dueAt: 0, lastTickAt: -Infinity, open: false }));
  return clock;
}

function tick(clock: Clock): void {
  if (clock.timer !== undefined) clearTimeout(clock.timer);
  clock.timer = undefined;
  // Everything due was cancelled (its component went): no tick, the page's phase stays.
  if (clock.due.size === 0) return;
  clock.lastTickAt = performance.now();
  clock.open = true;
  // Closed after the current task's microtasks (Vue's flush among them): its other requests join this tick.
  queueMicrotask(() => (clock.open = false));
  const due = [...clock.due];
  clock.due.clear();
  for (const run of due) run();
}

/**
 * Runs `run` at the page's next display tick (see above). Returns a function that cancels it; a
 * request already due is not added twice.
 */
export function atDisplayTick(run: () => void, intervalMs = DISPLAY_INTERVAL_MS): () => void {
  const clock = clockFor(intervalMs);
  const now = performance.now();
  // A timer an interval late (a throttled background tab, a test's fake clock gone) or a clock that
  // went back: tick now rather than wait on it.
  if (clock.timer !== undefined && Math.abs(now - clock.dueAt) > intervalMs) tick(clock);
  if (clock.open) {
    run();
    return () => undefined;
  }
  clock.due.add(run);
  if (clock.timer === undefined) {
    const wait = Math.min(intervalMs, clock.lastTickAt + intervalMs - now);
    if (wait <= 0) tick(clock);
    else {
      clock.dueAt = now + wait;
      clock.timer = setTimeout(() => tick(clock), wait);
    }
  }
  return () => {
    clock.due.delete(run);
    if (clock.due.size === 0 && clock.timer !== undefined) {
      clearTimeout(clock.timer);
      clock.timer = undefined;
    }
  };
}

/** Forgets every clock's phase (tests: each starts on a quiet page). */
export function resetDisplayClocks(): void {
  for (const clock of clocks.values()) if (clock.timer !== undefined) clearTimeout(clock.timer);
  clocks.clear();
}
