/**
 * A chart's copy of one ring buffer, kept in step incrementally: a live update appends the new
 * points (and revises the newest one, as CloudWatch does) and drops what the buffer dropped,
 * instead of converting the whole buffer again. Never reactive: charts read it, Vue does not.
 */
import type { MetricRingBuffer } from './ring-buffer';

export class SeriesWindow {
  /** [epoch ms, value], oldest first: the array handed to ECharts. */
  readonly data: [number, number][] = [];
  private buffer: MetricRingBuffer | undefined;
  private version = -1;
  private generation = -1;

  /** True when the data changed. */
  sync(buffer: MetricRingBuffer | undefined): boolean {
    if (buffer !== this.buffer) {
      this.buffer = buffer;
      this.rebuild(buffer);
      return true;
    }
    if (!buffer || buffer.version === this.version) return false;
    const first = buffer.firstTime;
    const ownLast = this.data.at(-1);
    // Cleared and refilled (a new snapshot), or gone past us: start again from the buffer.
    if (buffer.generation !== this.generation || first === undefined || !ownLast || first * 1000 > ownLast[0]) {
      this.rebuild(buffer);
      return true;
    }
    this.version = buffer.version;
    const fresh = buffer.chartDataSince(ownLast[0] / 1000);
    for (const point of fresh) {
      const last = this.data.at(-1)!;
      if (point[0] === last[0]) this.data[this.data.length - 1] = point;
      else if (point[0] > last[0]) this.data.push(point);
    }
    // Drop from the front what the ring buffer dropped (one splice, not one shift per point).
    let drop = 0;
    while (drop < this.data.length && this.data[drop]![0] < first * 1000) drop++;
    if (drop > 0) this.data.splice(0, drop);
    return true;
  }

  private rebuild(buffer: MetricRingBuffer | undefined): void {
    this.version = buffer?.version ?? -1;
    this.generation = buffer?.generation ?? -1;
    this.data.length = 0;
    if (buffer) for (const point of buffer.toChartData()) this.data.push(point);
  }
}
