/**
 * A series' closed 60 s periods in fixed-size ring buffers (metric-store.ts): memory stays bounded however
 * long a simulation runs, and is sized to the run. At 10,000 instances a 24-hour run holds ~2,300 series of
 * ~1,440 periods, so bytes per period count (issue 15): period starts and sample counts are whole numbers,
 * kept in 4-byte columns (`WholeColumn`), the sums, minima and maxima in doubles.
 */

/**
 * Numbers that are, in practice, whole and within ±2³¹: 4 bytes each. The first value that is not
 * (a fractional count from a model, a start offset of more than 68 years) widens the column to doubles
 * for good, so every value reads back exactly as written.
 */
export class WholeColumn {
  private whole: Int32Array | undefined;
  private wide: Float64Array | undefined;

  constructor(capacity: number) {
    this.whole = new Int32Array(capacity);
  }

  get(i: number): number {
    return this.whole ? this.whole[i]! : this.wide![i]!;
  }

  set(i: number, value: number): void {
    // -0 reads back as 0 from an Int32Array: it widens too (Object.is tells them apart).
    if (this.whole && (value | 0) === value && !Object.is(value, -0)) {
      this.whole[i] = value;
      return;
    }
    if (this.whole) {
      this.wide = Float64Array.from(this.whole);
      this.whole = undefined;
    }
    this.wide![i] = value;
  }
}

export class PeriodRing {
  /** Period starts as offsets from the first start written (exact: both are whole seconds in practice). */
  private readonly startOffset: WholeColumn;
  private startBase = NaN;
  readonly count: WholeColumn;
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Index of the next slot to write; `length` is how many slots hold data. */
  private head = 0;
  length = 0;

  constructor(readonly capacity: number) {
    this.startOffset = new WholeColumn(capacity);
    this.count = new WholeColumn(capacity);
    this.sum = new Float64Array(capacity);
    this.min = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
  }

  /** p50, p90, p99 per slot, allocated only for series that carry a distribution. */
  percentiles?: [Float64Array, Float64Array, Float64Array];

  push(start: number, count: number, sum: number, min: number, max: number, percentiles?: [number, number, number]): void {
    const i = this.head;
    if (percentiles) {
      this.percentiles ??= [new Float64Array(this.capacity), new Float64Array(this.capacity), new Float64Array(this.capacity)];
      this.percentiles[0][i] = percentiles[0];
      this.percentiles[1][i] = percentiles[1];
      this.percentiles[2][i] = percentiles[2];
    }
    if (Number.isNaN(this.startBase)) this.startBase = start;
    // An offset must give the very start back (always, for whole seconds); if not, starts are kept whole.
    if (this.startBase + (start - this.startBase) !== start) this.rebase();
    this.startOffset.set(i, start - this.startBase);
    this.count.set(i, count);
    this.sum[i] = sum;
    this.min[i] = min;
    this.max[i] = max;
    this.head = (this.head + 1) % this.capacity;
    this.length = Math.min(this.length + 1, this.capacity);
  }

  /** Keeps every start as itself (base 0) from now on. */
  private rebase(): void {
    for (let slot = 0; slot < this.capacity; slot++) this.startOffset.set(slot, this.startBase + this.startOffset.get(slot));
    this.startBase = 0;
  }

  /** The period start in `slot`. */
  start(slot: number): number {
    return this.startBase + this.startOffset.get(slot);
  }

  /** Slot index of the k-th oldest datapoint. */
  slot(k: number): number {
    return (this.head - this.length + k + this.capacity) % this.capacity;
  }
}
