/**
 * Every series' open period (the minute being accumulated) in columns, one slot per series: a put
 * writes start, count, sum, minimum and maximum here. As fields of each series object these were boxed
 * doubles per series (V8 keeps no unboxed double fields), touched at every put — over a million puts per
 * simulated hour at 10,000 instances (issue 15); in columns they are plain doubles side by side.
 */
import { grown } from '../kernel/typed-arrays';

export class OpenPeriods {
  /** Start of the open period; −1: none open. */
  start = new Float64Array(0);
  count = new Float64Array(0);
  sum = new Float64Array(0);
  min = new Float64Array(0);
  max = new Float64Array(0);
  length = 0;

  /** A slot for a new series, with no period open. */
  add(): number {
    if (this.length === this.start.length) this.grow(Math.max(256, this.length * 2));
    const i = this.length++;
    this.reset(i);
    return i;
  }

  /** Slot i back to "no period open". */
  reset(i: number): void {
    this.start[i] = -1;
    this.count[i] = 0;
    this.sum[i] = 0;
    this.min[i] = Infinity;
    this.max[i] = -Infinity;
  }

  private grow(capacity: number): void {
    this.start = grown(this.start, capacity);
    this.count = grown(this.count, capacity);
    this.sum = grown(this.sum, capacity);
    this.min = grown(this.min, capacity);
    this.max = grown(this.max, capacity);
  }
}
