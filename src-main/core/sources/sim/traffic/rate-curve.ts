/**
 * Request-rate curves for client populations (requests per second over virtual time).
 * Shapes: a constant, a ramp, a diurnal (daily) cycle, a spike, and piecewise-linear points.
 */
import type { Random } from '../kernel/random';

export type RateCurve =
  | { kind: 'constant'; value: number }
  | { kind: 'ramp'; from: number; to: number; startSeconds: number; overSeconds: number }
  | { kind: 'diurnal'; min: number; max: number; peakSecondOfDay: number }
  | { kind: 'spike'; base: number; peak: number; atSeconds: number; durationSeconds: number }
  | { kind: 'points'; points: [seconds: number, rate: number][] }
  /** Piecewise constant: values[i] from i × every seconds, the last one held (a recorded history, docs/twin.md). */
  | { kind: 'steps'; everySeconds: number; values: number[] };

/** Rate in requests/second at `elapsedSeconds` after the simulation start (`epochSeconds` for time of day). */
export function rateAt(curve: RateCurve, elapsedSeconds: number, epochSeconds: number): number {
  switch (curve.kind) {
    case 'constant':
      return curve.value;
    case 'ramp': {
      const progress = Math.min(1, Math.max(0, (elapsedSeconds - curve.startSeconds) / Math.max(1, curve.overSeconds)));
      return curve.from + (curve.to - curve.from) * progress;
    }
    case 'diurnal': {
      // A cosine that peaks at PeakAt (UTC) and bottoms out twelve hours away.
      const secondOfDay = ((epochSeconds % 86_400) + 86_400) % 86_400;
      const phase = ((secondOfDay - curve.peakSecondOfDay) / 86_400) * 2 * Math.PI;
      return curve.min + ((curve.max - curve.min) * (1 + Math.cos(phase))) / 2;
    }
    case 'spike': {
      const inside = elapsedSeconds >= curve.atSeconds && elapsedSeconds < curve.atSeconds + curve.durationSeconds;
      return inside ? curve.peak : curve.base;
    }
    case 'points': {
      const points = curve.points;
      if (points.length === 0) return 0;
      if (elapsedSeconds <= points[0]![0]) return points[0]![1];
      for (let i = 1; i < points.length; i++) {
        const [t1, v1] = points[i]!;
        if (elapsedSeconds <= t1) {
          const [t0, v0] = points[i - 1]!;
          return v0 + ((v1 - v0) * (elapsedSeconds - t0)) / Math.max(1e-9, t1 - t0);
        }
      }
      return points[points.length - 1]![1];
    }
    case 'steps': {
      if (curve.values.length === 0) return 0;
      const index = Math.min(curve.values.length - 1, Math.max(0, Math.floor(elapsedSeconds / curve.everySeconds)));
      return curve.values[index]!;
    }
  }
}

/** Multiplicative Gaussian noise (relative standard deviation), never below zero. */
export function withNoise(rate: number, relativeNoise: number, random: Random): number {
  if (relativeNoise <= 0) return rate;
  return Math.max(0, rate * (1 + relativeNoise * random.normal()));
}
