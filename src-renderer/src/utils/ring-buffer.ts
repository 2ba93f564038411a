/**
 * A fixed-capacity time series: [epochSeconds, value] pairs in two typed arrays, oldest dropped
 * first. Kept out of Vue's reactivity on purpose (a deep proxy over thousands of tuples costs more
 * than the chart itself); the store bumps a version counter instead.
 */
export class MetricRingBuffer {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;
  /** Increases whenever the content changes, so a chart can skip series that did not move. */
  version = 0;
  /** Increases on clear(): a reader holding a copy must start again rather than append. */
  generation = 0;

  constructor(readonly capacity: number) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  get lastTime(): number | undefined {
    return this.count === 0 ? undefined : this.times[(this.start + this.count - 1) % this.capacity];
  }

  /**
   * Appends in time order. A point for the latest timestamp replaces it (CloudWatch revises the
   * newest period as late data arrives); an older point is ignored, because Updates carry only new
   * datapoints and a replayed one must not duplicate history.
   */
  push(time: number, value: number): boolean {
    const last = this.lastTime;
    if (last !== undefined && time < last) return false;
    if (last !== undefined && time === last) {
      const index = (this.start + this.count - 1) % this.capacity;
      if (this.values[index] === value) return false;
      this.values[index] = value;
    } else if (this.count < this.capacity) {
      const index = (this.start + this.count) % this.capacity;
      this.times[index] = time;
      this.values[index] = value;
      this.count++;
    } else {
      this.times[this.start] = time;
      this.values[this.start] = value;
      this.start = (this.start + 1) % this.capacity;
    }
    this.version++;
    return true;
  }

  get firstTime(): number | undefined {
    return this.count === 0 ? undefined : this.times[this.start];
  }

  /** Points with time ≥ `fromSeconds`, oldest first, time in epoch ms (for incremental chart updates). */
  chartDataSince(fromSeconds: number): [number, number][] {
    // Walk back from the newest: live updates ask for the last few points only.
    let first = this.count;
    while (first > 0 && this.times[(this.start + first - 1) % this.capacity]! >= fromSeconds) first--;
    const out = new Array<[number, number]>(this.count - first);
    for (let i = first; i < this.count; i++) {
      const index = (this.start + i) % this.capacity;
      out[i - first] = [this.times[index]! * 1000, this.values[index]!];
    }
    return out;
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
    this.version++;
    this.generation++;
  }

  /** Oldest first, with time in epoch milliseconds, as ECharts' time axis wants it. */
  toChartData(): [number, number][] {
    const out = new Array<[number, number]>(this.count);
    for (let i = 0; i < this.count; i++) {
      const index = (this.start + i) % this.capacity;
      out[i] = [this.times[index]! * 1000, this.values[index]!];
    }
    return out;
  }

  /** Oldest first, as received: [epochSeconds, value]. */
  toPoints(): [number, number][] {
    const out = new Array<[number, number]>(this.count);
    for (let i = 0; i < this.count; i++) {
      const index = (this.start + i) % this.capacity;
      out[i] = [this.times[index]!, this.values[index]!];
    }
    return out;
  }
}
