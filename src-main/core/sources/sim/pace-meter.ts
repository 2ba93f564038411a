/**
 * The speed the simulation actually reaches, as opposed to the speed asked. On a machine that cannot
 * simulate a large scenario at ×3600 the pacer lets the virtual clock fall behind rather than stop
 * the host (SimSource's frame budget): the clock then runs at, say, ×750 while the speed control
 * still reads ×3600. An operator reading a chart's time axis must know which one is true, so the
 * clock carries both (SimClock.pace).
 *
 * Wall time only, never in the simulation: it changes what is shown about the run, not the run.
 */

/** Wall ms of running the rate is measured over: long enough to smooth a frame's jitter. */
export const PACE_WINDOW_MS = 10_000;
/** Wall ms of running before a rate is reported: a fresh start's first frames say little. */
export const PACE_MIN_MS = 3_000;
/** At most this many samples are kept (a frame per 250 ms over the window, with room). */
const MAX_SAMPLES = 128;

interface Sample {
  wall: number;
  virtual: number;
}

export class PaceMeter {
  private samples: Sample[] = [];

  /** After each frame of running: where the wall and virtual clocks stood (ms). */
  record(wallMs: number, virtualMs: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && wallMs <= last.wall) return;
    this.samples.push({ wall: wallMs, virtual: virtualMs });
    // Keep one sample at or before the window's start, so the rate covers the whole window.
    while (this.samples.length > 2 && this.samples[1]!.wall <= wallMs - PACE_WINDOW_MS) this.samples.shift();
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
  }

  /** The clock was paused, stepped, sped up or replaced: what was measured no longer says anything. */
  reset(): void {
    this.samples = [];
  }

  /** Simulated seconds per wall second over the last window, or undefined before enough running. */
  achieved(): number | undefined {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.wall - first.wall < PACE_MIN_MS) return undefined;
    return Math.round(((last.virtual - first.virtual) / (last.wall - first.wall)) * 10) / 10;
  }
}
