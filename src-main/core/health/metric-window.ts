/**
 * Sums and peaks over the last few minutes of CloudWatch series. Count metrics such as
 * HTTPCode_ELB_5XX_Count are published only when non-zero (ALB-10), so a missing series inside a
 * window that has RequestCount means zero, not "unknown".
 */
import type { MetricSeries, MetricStat } from '../contract/model';
import type { HealthInput } from './input';

/** CloudWatch's standard period for every metric the model reads. */
export const PERIOD_SECONDS = 60;

/** The only series the model reads (name → statistic); everything else is skipped up front. */
export const HEALTH_METRICS: ReadonlyMap<string, MetricStat> = new Map([
  ['RequestCount', 'Sum'],
  ['HTTPCode_ELB_5XX_Count', 'Sum'],
  ['HTTPCode_Target_5XX_Count', 'Sum'],
  ['Invocations', 'Sum'],
  ['Errors', 'Sum'],
  ['Throttles', 'Sum'],
  ['ConcurrentExecutions', 'Maximum'],
]);

export function isHealthMetric(series: Pick<MetricSeries, 'metricName' | 'stat'>): boolean {
  return HEALTH_METRICS.get(series.metricName) === series.stat;
}

function seriesKey(namespace: string, metricName: string, dimensions: Record<string, string>, stat: MetricStat): string {
  const dims = Object.keys(dimensions)
    .sort()
    .map((name) => `${name}=${dimensions[name]}`)
    .join(',');
  return `${namespace}|${metricName}|${dims}|${stat}`;
}

export class MetricWindow {
  private readonly byKey = new Map<string, MetricSeries>();
  /** Epoch seconds: points at or after this are in the window. */
  readonly from: number;
  readonly minutes: number;
  /** False while no period can have closed yet, or CloudWatch data is loading, failing or stale. */
  readonly ready: boolean;
  /** Why not ready: no period closed yet / not fetched yet (`metrics.waiting`), or old (`data.stale`). */
  readonly notReady: 'metrics.waiting' | 'data.stale';

  constructor(input: HealthInput) {
    for (const series of input.metrics) if (isHealthMetric(series)) this.byKey.set(seriesKey(series.namespace, series.metricName, series.dimensions, series.stat), series);
    this.minutes = input.thresholds.windowMinutes;
    const delay = input.metricsDelaySeconds ?? 0;
    this.from = input.now / 1000 - this.minutes * 60 - delay;
    const cloudwatch = input.datasets.cloudwatch?.state;
    const firstPeriodClosed = input.metricsSince === undefined || input.now - input.metricsSince >= PERIOD_SECONDS * 1000;
    this.ready = firstPeriodClosed && (cloudwatch === undefined || cloudwatch === 'ok');
    this.notReady = cloudwatch === 'stale' ? 'data.stale' : 'metrics.waiting';
  }

  private points(namespace: string, metricName: string, dimensions: Record<string, string>, stat: MetricStat) {
    const series = this.byKey.get(seriesKey(namespace, metricName, dimensions, stat));
    return series ? series.points.filter(([time]) => time >= this.from) : [];
  }

  /** Sum of the Sum statistic over the window; 0 when nothing was published. */
  sum(namespace: string, metricName: string, dimensions: Record<string, string>): number {
    return this.points(namespace, metricName, dimensions, 'Sum').reduce((total, [, value]) => total + value, 0);
  }

  /** The highest Maximum in the window, or undefined without datapoints. */
  peak(namespace: string, metricName: string, dimensions: Record<string, string>): number | undefined {
    const points = this.points(namespace, metricName, dimensions, 'Maximum');
    return points.length === 0 ? undefined : Math.max(...points.map(([, value]) => value));
  }
}

/** A share as a percentage an operator reads (one decimal under 10 %, whole numbers above). */
export function percent(part: number, whole: number): number {
  const value = (part / whole) * 100;
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}
