/**
 * A CloudWatch-like metric store: raw values are put at virtual times and aggregated into fixed
 * periods (60 s, the standard resolution) holding SampleCount, Sum, Minimum and Maximum, from which
 * Average follows. Periods live in fixed-size ring buffers (period-ring.ts), so memory stays bounded
 * however long a simulation runs. A period with no values has no datapoint, as in CloudWatch (ALB
 * metrics, for one, are published only while requests flow).
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Statistic
 */
import type { MetricPoint, MetricStat } from '../../../contract/model';
import { bucketDistribution, Mixture, OpenBuckets, type BucketedDistribution, type WeightedValues } from './latency-buckets';
import { PeriodRing } from './period-ring';
import { OpenPeriods } from './open-periods';

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

export class MetricSeriesData implements SeriesId {
  readonly key: string;
  readonly ring: PeriodRing;
  /** This series' slot in the store's open-period columns (open-periods.ts). */
  readonly openSlot: number;
  /**
   * Mixture components of the open period, when the metric has a distribution: weight per mean,
   * means bucketed on a 3 % log scale so a period holds tens of components, not one per target-tick.
   * Created on the first distribution and reused by every later period (`hasDistribution` says whether
   * the open period has one).
   */
  openDistribution?: OpenBuckets;
  hasDistribution = false;

  constructor(
    readonly namespace: string,
    readonly metricName: string,
    readonly dimensions: Dimensions,
    readonly period: number,
    capacity: number,
    private readonly open: OpenPeriods = new OpenPeriods(),
  ) {
    this.key = seriesKey(namespace, metricName, dimensions);
    this.ring = new PeriodRing(capacity);
    this.openSlot = open.add();
  }

  /** The open period (being accumulated): its start (−1: none), SampleCount, Sum, Minimum, Maximum. */
  get openStart(): number {
    return this.open.start[this.openSlot]!;
  }

  get openCount(): number {
    return this.open.count[this.openSlot]!;
  }

  get openSum(): number {
    return this.open.sum[this.openSlot]!;
  }

  get openMin(): number {
    return this.open.min[this.openSlot]!;
  }

  get openMax(): number {
    return this.open.max[this.openSlot]!;
  }

  statAt(slot: number, stat: MetricStat): number {
    const ring = this.ring;
    switch (stat) {
      case 'Sum':
        return ring.sum[slot]!;
      case 'SampleCount':
        return ring.count.get(slot);
      case 'Minimum':
        return ring.min[slot]!;
      case 'Maximum':
        return ring.max[slot]!;
      case 'p50':
      case 'p90':
      case 'p99':
        // Only metrics published with a distribution have percentiles; the others fall back to Average.
        // CW-5: a percentile never leaves the period's [Minimum, Maximum] (the modelled distribution's
        // tail may reach past the largest value actually recorded).
        if (ring.percentiles) return Math.min(ring.max[slot]!, Math.max(ring.min[slot]!, ring.percentiles[stat === 'p50' ? 0 : stat === 'p90' ? 1 : 2][slot]!));
        return ring.sum[slot]! / ring.count.get(slot);
      default:
        return ring.sum[slot]! / ring.count.get(slot);
    }
  }

  /** Datapoints with period start in [fromEpochSeconds, toEpochSeconds), oldest first. */
  points(stat: MetricStat, fromEpochSeconds = -Infinity, toEpochSeconds = Infinity): MetricPoint[] {
    const out: MetricPoint[] = [];
    for (let k = 0; k < this.ring.length; k++) {
      const slot = this.ring.slot(k);
      const start = this.ring.start(slot);
      if (start >= fromEpochSeconds && start < toEpochSeconds) out.push([start, round(this.statAt(slot, stat))]);
    }
    return out;
  }

  /**
   * The statistic over [start, start + period) from the stored 60 s periods: sums and counts add up,
   * minima and maxima combine; percentiles over several periods take the sample-weighted mean of the
   * periods' percentiles (an approximation, documented). Undefined when no period there has data.
   */
  aggregate(start: number, period: number, stat: MetricStat): number | undefined {
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let weighted = 0;
    const ring = this.ring;
    for (let k = ring.length - 1; k >= 0; k--) {
      const slot = ring.slot(k);
      const slotStart = ring.start(slot);
      if (slotStart < start) break;
      if (slotStart >= start + period) continue;
      count += ring.count.get(slot);
      sum += ring.sum[slot]!;
      min = Math.min(min, ring.min[slot]!);
      max = Math.max(max, ring.max[slot]!);
      if (stat === 'p50' || stat === 'p90' || stat === 'p99') weighted += this.statAt(slot, stat) * ring.count.get(slot);
    }
    if (count === 0) return undefined;
    return combine(stat, count, sum, min, max, weighted);
  }

  /**
   * `aggregate` for `count` consecutive periods ending at `end`, newest first ([end − period, end),
   * [end − 2·period, end − period) …), in one walk over the ring: an alarm asked for each period in
   * turn rescanned the newest slots once per period. Same additions in the same order as `aggregate`.
   */
  aggregateRange(end: number, period: number, count: number, stat: MetricStat): (number | undefined)[] {
    const values: (number | undefined)[] = new Array<number | undefined>(count).fill(undefined);
    const oldest = end - count * period;
    const ring = this.ring;
    let bucket = -1;
    let n = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let weighted = 0;
    const percentile = stat === 'p50' || stat === 'p90' || stat === 'p99';
    // No closure for "flush the period being summed" (one per alarm and minute): written out twice below.
    for (let k = ring.length - 1; k >= 0; k--) {
      const slot = ring.slot(k);
      const slotStart = ring.start(slot);
      if (slotStart < oldest) break;
      if (slotStart >= end) continue;
      // [end − (i + 1)·period, end − i·period) is period i (newest first).
      const at = Math.min(count - 1, Math.ceil((end - slotStart) / period) - 1);
      if (at !== bucket) {
        if (bucket >= 0 && n > 0) values[bucket] = combine(stat, n, sum, min, max, weighted);
        n = 0;
        sum = 0;
        min = Infinity;
        max = -Infinity;
        weighted = 0;
        bucket = at;
      }
      n += ring.count.get(slot);
      sum += ring.sum[slot]!;
      min = Math.min(min, ring.min[slot]!);
      max = Math.max(max, ring.max[slot]!);
      if (percentile) weighted += this.statAt(slot, stat) * ring.count.get(slot);
    }
    if (bucket >= 0 && n > 0) values[bucket] = combine(stat, n, sum, min, max, weighted);
    return values;
  }

  /** The newest closed datapoints, up to `count`, newest last; used by alarms. */
  latest(count: number): { start: number; slot: number }[] {
    const out: { start: number; slot: number }[] = [];
    for (let k = Math.max(0, this.ring.length - count); k < this.ring.length; k++) {
      const slot = this.ring.slot(k);
      out.push({ start: this.ring.start(slot), slot });
    }
    return out;
  }
}

/** A statistic from a period's combined SampleCount, Sum, Minimum, Maximum and count-weighted percentile. */
function combine(stat: MetricStat, count: number, sum: number, min: number, max: number, weighted: number): number {
  switch (stat) {
    case 'Sum':
      return sum;
    case 'SampleCount':
      return count;
    case 'Minimum':
      return min;
    case 'Maximum':
      return max;
    case 'Average':
      return sum / count;
    default:
      return Math.min(max, Math.max(min, weighted / count));
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

  /**
   * The series for (namespace, name, dimensions) as seen from `owner` (a load balancer, a group …):
   * hot paths put thousands of values per tick, and building the dimension key each time costs more
   * than the put itself; this caches the series per owner object without allocating.
   */
  seriesOf(owner: object, namespace: string, metricName: string, dimensions: Dimensions): MetricSeriesData {
    let held = this.ownerCache.get(owner);
    if (!held) {
      held = [];
      this.ownerCache.set(owner, held);
    }
    // An owner has a handful of series, named by literals: comparing the (interned) strings in a short
    // list costs less than two Map lookups by string (issue 15: seriesOf was 2–3 % of a 10,000-instance run).
    for (let i = 0; i < held.length; i++) {
      const entry = held[i]!;
      if (entry.metricName === metricName && entry.namespace === namespace) return entry;
    }
    const data = this.seriesFor(namespace, metricName, dimensions);
    held.push(data);
    return data;
  }

  /** put / putStatistics / putDistribution through the per-owner cache (see seriesOf). */
  putFor(owner: object, namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, value: number): void {
    this.putInto(this.seriesOf(owner, namespace, metricName, dimensions), epochSeconds, value);
  }

  putStatisticsFor(owner: object, namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, set: StatisticSet): void {
    this.putStatisticsInto(this.seriesOf(owner, namespace, metricName, dimensions), epochSeconds, set);
  }

  putDistributionFor(owner: object, namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, components: [number, number][], sigma?: number): void {
    this.putDistributionInto(this.seriesOf(owner, namespace, metricName, dimensions), epochSeconds, components, sigma);
  }

  /** Every series' open period, in columns. */
  private readonly open = new OpenPeriods();

  /** The closing period's mixture, reused from series to series. */
  private readonly mixture = new Mixture();

  /** Per owner, the series seriesOf found for it (each by namespace and metric name). */
  private readonly ownerCache = new WeakMap<object, MetricSeriesData[]>();

  private seriesFor(namespace: string, metricName: string, dimensions: Dimensions): MetricSeriesData {
    const key = seriesKey(namespace, metricName, dimensions);
    let data = this.series.get(key);
    if (!data) {
      data = new MetricSeriesData(namespace, metricName, dimensions, this.period, this.capacity, this.open);
      this.series.set(key, data);
    }
    return data;
  }

  putInto(data: MetricSeriesData, epochSeconds: number, value: number): void {
    this.accumulate(data, epochSeconds, 1, value, value, value);
  }

  putStatisticsInto(data: MetricSeriesData, epochSeconds: number, set: StatisticSet): void {
    if (set.count > 0) this.accumulate(data, epochSeconds, set.count, set.sum, set.min, set.max);
  }

  /** Like PutMetricData's StatisticValues: many samples at once (e.g. the response times of a tick's requests). */
  putStatistics(namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, set: StatisticSet): void {
    if (set.count <= 0) return;
    const data = this.seriesFor(namespace, metricName, dimensions);
    this.accumulate(data, epochSeconds, set.count, set.sum, set.min, set.max);
  }

  /**
   * The start of the period holding `epochSeconds`. Most puts fall in the series' open period, which then
   * is the answer without a floating-point remainder (epoch seconds are past 2³¹, so `%` is a slow fmod
   * at every put): for an open period [s, s + period) with s a multiple of the period, t − (t % period)
   * is exactly s for every t in it (the remainder t − s and that difference are both exact).
   */
  private periodStart(data: MetricSeriesData, epochSeconds: number): number {
    const open = this.open.start[data.openSlot]!;
    if (open >= 0 && epochSeconds >= open && epochSeconds < open + this.period) return open;
    return epochSeconds - (epochSeconds % this.period);
  }

  private accumulate(data: MetricSeriesData, epochSeconds: number, count: number, sum: number, min: number, max: number): void {
    const open = this.open;
    const i = data.openSlot;
    const start = this.periodStart(data, epochSeconds);
    if (open.start[i] !== start) {
      if (open.start[i]! >= 0 && open.count[i]! > 0) this.closeOpen(data);
      open.start[i] = start;
    }
    open.count[i] = open.count[i]! + count;
    open.sum[i] = open.sum[i]! + sum;
    if (min < open.min[i]!) open.min[i] = min;
    if (max > open.max[i]!) open.max[i] = max;
  }

  /**
   * Adds per-request response-time components for percentiles: within one target, response times of
   * an M/M/1-like queue are exponential around their mean, so a period's distribution is a mixture of
   * exponentials weighted by request counts.
   */
  putDistribution(namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, components: [mean: number, weight: number][], sigma?: number): void {
    this.putDistributionInto(this.seriesFor(namespace, metricName, dimensions), epochSeconds, components, sigma);
  }

  /**
   * `sigma` undefined: each component is exponential around its mean (queueing response times).
   * With `sigma`: log-normal with that σ of ln(duration) (Lambda durations), mean preserved.
   */
  putDistributionInto(data: MetricSeriesData, epochSeconds: number, components: [mean: number, weight: number][], sigma?: number): void {
    this.putBucketedInto(data, epochSeconds, bucketDistribution(components, sigma));
  }

  /**
   * A distribution already bucketed (bucketDistribution): a load balancer's response times are its
   * target groups' together, so the buckets computed for each target group are merged into the load
   * balancer's series instead of bucketing every target's component a second time.
   */
  putBucketedInto(data: MetricSeriesData, epochSeconds: number, bucketed: BucketedDistribution): void {
    this.addBuckets(data, epochSeconds, bucketed.keys, bucketed.weights, bucketed.keys.length);
  }

  /** putBucketedInto from a WeightedValues of bucket keys. */
  putBufferInto(data: MetricSeriesData, epochSeconds: number, buffer: WeightedValues): void {
    this.addBuckets(data, epochSeconds, buffer.values, buffer.weights, buffer.length);
  }

  /** putBucketedFor from a WeightedValues of bucket keys. */
  putBufferFor(owner: object, namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, buffer: WeightedValues): void {
    this.addBuckets(this.seriesOf(owner, namespace, metricName, dimensions), epochSeconds, buffer.values, buffer.weights, buffer.length);
  }

  private addBuckets(data: MetricSeriesData, epochSeconds: number, keys: ArrayLike<number>, weights: ArrayLike<number>, length: number): void {
    if (this.open.start[data.openSlot] !== this.periodStart(data, epochSeconds)) return; // putStatistics opens the period; a distribution alone does not
    const distribution = (data.openDistribution ??= new OpenBuckets());
    data.hasDistribution = true;
    // A run of equal keys (neighbouring targets) is one lookup: the same additions, in the same order.
    // One hash probe per run: the run's weights are added to the key's sum in place, in order.
    for (let i = 0; i < length; ) {
      const key = keys[i]!;
      const at = distribution.indexOf(key);
      const summed = distribution.weights; // after indexOf, which may grow it
      let weight = summed[at]!;
      do weight += weights[i++]!;
      while (i < length && keys[i] === key);
      summed[at] = weight;
    }
  }

  putBucketedFor(owner: object, namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, bucketed: BucketedDistribution): void {
    this.putBucketedInto(this.seriesOf(owner, namespace, metricName, dimensions), epochSeconds, bucketed);
  }

  private closeOpen(data: MetricSeriesData): void {
    const distribution = data.hasDistribution ? data.openDistribution : undefined;
    let percentiles: [number, number, number] | undefined;
    if (distribution && distribution.length > 0) {
      const mixture = this.mixture;
      mixture.length = 0;
      for (let i = 0; i < distribution.length; i++) mixture.addKey(distribution.keys[i]!, distribution.weights[i]!);
      percentiles = mixture.percentiles();
    }
    const open = this.open;
    const i = data.openSlot;
    data.ring.push(open.start[i]!, open.count[i]!, open.sum[i]!, open.min[i]!, open.max[i]!, percentiles);
    distribution?.clear();
    data.hasDistribution = false;
    open.reset(i);
  }

  /** Closes every open period that ends at or before `epochSeconds`; returns what was closed (nothing when not `collect`ing). */
  closePeriodsBefore(epochSeconds: number, collect = true): ClosedPeriod[] {
    const closed: ClosedPeriod[] = [];
    for (const data of this.series.values()) {
      const start = this.open.start[data.openSlot]!;
      if (start >= 0 && start + this.period <= epochSeconds && this.open.count[data.openSlot]! > 0) {
        this.closeOpen(data);
        if (collect) closed.push({ series: data, start });
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
