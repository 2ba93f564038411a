/**
 * Downsampling for long time ranges that keeps spikes: the series is cut into equal-width buckets
 * and each bucket contributes its minimum and its maximum, in time order (the "min/max" method
 * uPlot and Grafana use). A one-minute 5XX burst inside a 24-hour chart survives as a spike,
 * where averaging or LTTB without peaks would flatten it. Pure, so it is tested directly.
 */
export type Point = [number, number];

/**
 * At most `maxPoints` points (2 per bucket, plus the first and last point). The input must be in
 * time order; it is returned as-is when it is already small enough.
 */
export function downsampleMinMax(points: readonly Point[], maxPoints: number): Point[] {
  const n = points.length;
  if (n <= maxPoints || maxPoints < 4) return points as Point[];
  // First and last are kept verbatim so the line starts and ends where the data does.
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const out: Point[] = [points[0]!];
  const inner = n - 2;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (end <= start) continue;
    let minIndex = start;
    let maxIndex = start;
    for (let i = start + 1; i < end; i++) {
      const value = points[i]![1];
      if (value < points[minIndex]![1]) minIndex = i;
      if (value > points[maxIndex]![1]) maxIndex = i;
    }
    if (minIndex === maxIndex) out.push(points[minIndex]!);
    else if (minIndex < maxIndex) out.push(points[minIndex]!, points[maxIndex]!);
    else out.push(points[maxIndex]!, points[minIndex]!);
  }
  out.push(points[n - 1]!);
  return out;
}

/** Index of the first point with time ≥ `time` (binary search; points in time order). */
export function lowerBound(points: readonly Point[], time: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]![0] < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The points inside [from, to] (inclusive), without copying when nothing is cut. */
export function sliceWindow(points: readonly Point[], from: number, to: number): Point[] {
  const start = lowerBound(points, from);
  const end = lowerBound(points, to + 1e-9);
  if (start === 0 && end === points.length) return points as Point[];
  return points.slice(start, end);
}
