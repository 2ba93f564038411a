/**
 * A CloudWatch-like metric store: raw values are put at virtual times and aggregated into fixed
 * periods (60 s, the standard resolution) holding SampleCount, Sum, Minimum and Maximum, from which
 * Average follows. Periods live in fixed-size ring buffers, so memory stays bounded however long a
 * simulation runs. A period with no values has no datapoint, as in CloudWatch (ALB metrics, for one,
 * are published only while requests flow).
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Statistic
 */
import type { MetricPoint, MetricStat } from '../../../contract/model';

export type Dimensions = Readonly<Record<string, string>>;

export interface SeriesId {
  namespace: string;
  metricName: string;
  dimensions: Dimensions;
}

export function seriesKey(namespace: string, metricName: string, dimensions: Dimensions): string {
  const dims = Object.keys(dimensions)
    .sort()
    .map((name) => `${name}=${dimensions[name]}`)
    .join(',');
  return `${namespace}|${metricName}|${dims}`;
}

class PeriodRing {
  readonly start: Float64Array;
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Index of the next slot to write; `length` is how many slots hold data. */
  private head = 0;
  length = 0;

  constructor(readonly capacity: number) {
    this.start = new Float64Array(capacity);
    this.count = new Float64Array(capacity);
    this.sum = new Float64Array(capacity);
    this.min = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
  }

  push(start: number, count: number, sum: number, min: number, max: number): void {
    const i = this.head;
    this.start[i] = start;
    this.count[i] = count;
    this.sum[i] = sum;
    this.min[i] = min;
    this.max[i] = max;
    this.head = (this.head + 1) % this.capacity;
    this.length = Math.min(this.length + 1, this.capacity);
  }

  /** Slot index of the k-th oldest datapoint. */
  slot(k: number): number {
    return (this.head - this.length + k + this.capacity) % this.capacity;
  }
}

export class MetricSeriesData implements SeriesId {
  readonly key: string;
  readonly ring: PeriodRing;
  // The open period being accumulated.
  openStart = -1;
  openCount = 0;
  openSum = 0;
  openMin = Infinity;
  openMax = -Infinity;

  constructor(
    readonly namespace: string,
    readonly metricName: string,
    readonly dimensions: Dimensions,
    readonly period: number,
    capacity: number,
  ) {
    this.key = seriesKey(namespace, metricName, dimensions);
    this.ring = new PeriodRing(capacity);
  }

  statAt(slot: number, stat: MetricStat): number {
    const ring = this.ring;
    switch (stat) {
      case 'Sum':
        return ring.sum[slot]!;
      case 'SampleCount':
        return ring.count[slot]!;
      case 'Minimum':
        return ring.min[slot]!;
      case 'Maximum':
        return ring.max[slot]!;
      default:
        // Percentiles need the value distribution, which this store does not keep: Average stands in.
        return ring.sum[slot]! / ring.count[slot]!;
    }
  }

  /** Datapoints with period start in [fromEpochSeconds, toEpochSeconds), oldest first. */
  points(stat: MetricStat, fromEpochSeconds = -Infinity, toEpochSeconds = Infinity): MetricPoint[] {
    const out: MetricPoint[] = [];
    for (let k = 0; k < this.ring.length; k++) {
      const slot = this.ring.slot(k);
      const start = this.ring.start[slot]!;
      if (start >= fromEpochSeconds && start < toEpochSeconds) out.push([start, round(this.statAt(slot, stat))]);
    }
    return out;
  }

  /** The newest closed datapoints, up to `count`, newest last; used by alarms. */
  latest(count: number): { start: number; slot: number }[] {
    const out: { start: number; slot: number }[] = [];
    for (let k = Math.max(0, this.ring.length - count); k < this.ring.length; k++) {
      const slot = this.ring.slot(k);
      out.push({ start: this.ring.start[slot]!, slot });
    }
    return out;
  }
}

/** Six significant decimals: enough for any chart, and keeps reports byte-stable and small. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export interface StatisticSet {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface ClosedPeriod {
  series: MetricSeriesData;
  start: number;
}

export class MetricStore {
  private readonly series = new Map<string, MetricSeriesData>();

  constructor(
    readonly period = 60,
    private readonly capacity = 2880,
  ) {}

  /** Records one value at virtual time `epochSeconds`. Returns the series so hot paths can cache it. */
  put(namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, value: number): MetricSeriesData {
    const data = this.seriesFor(namespace, metricName, dimensions);
    this.putInto(data, epochSeconds, value);
    return data;
  }

  private seriesFor(namespace: string, metricName: string, dimensions: Dimensions): MetricSeriesData {
    const key = seriesKey(namespace, metricName, dimensions);
    let data = this.series.get(key);
    if (!data) {
      data = new MetricSeriesData(namespace, metricName, dimensions, this.period, this.capacity);
      this.series.set(key, data);
    }
    return data;
  }

  putInto(data: MetricSeriesData, epochSeconds: number, value: number): void {
    this.accumulate(data, epochSeconds, 1, value, value, value);
  }

  /** Like PutMetricData's StatisticValues: many samples at once (e.g. the response times of a tick's requests). */
  putStatistics(namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, set: StatisticSet): void {
    if (set.count <= 0) return;
    const data = this.seriesFor(namespace, metricName, dimensions);
    this.accumulate(data, epochSeconds, set.count, set.sum, set.min, set.max);
  }

  private accumulate(data: MetricSeriesData, epochSeconds: number, count: number, sum: number, min: number, max: number): void {
    const start = epochSeconds - (epochSeconds % this.period);
    if (data.openStart !== start) {
      if (data.openStart >= 0 && data.openCount > 0) this.closeOpen(data);
      data.openStart = start;
    }
    data.openCount += count;
    data.openSum += sum;
    if (min < data.openMin) data.openMin = min;
    if (max > data.openMax) data.openMax = max;
  }

  private closeOpen(data: MetricSeriesData): void {
    data.ring.push(data.openStart, data.openCount, data.openSum, data.openMin, data.openMax);
    data.openStart = -1;
    data.openCount = 0;
    data.openSum = 0;
    data.openMin = Infinity;
    data.openMax = -Infinity;
  }

  /** Closes every open period that ends at or before `epochSeconds`; returns what was closed. */
  closePeriodsBefore(epochSeconds: number): ClosedPeriod[] {
    const closed: ClosedPeriod[] = [];
    for (const data of this.series.values()) {
      if (data.openStart >= 0 && data.openStart + this.period <= epochSeconds && data.openCount > 0) {
        const start = data.openStart;
        this.closeOpen(data);
        closed.push({ series: data, start });
      }
    }
    return closed;
  }

  get(namespace: string, metricName: string, dimensions: Dimensions): MetricSeriesData | undefined {
    return this.series.get(seriesKey(namespace, metricName, dimensions));
  }

  all(): IterableIterator<MetricSeriesData> {
    return this.series.values();
  }
}
