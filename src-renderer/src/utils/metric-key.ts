/** One CloudWatch series is namespace + metric name + dimensions + statistic (+ period). */
import type { MetricKey } from '@contract';

export type MetricQuery = Omit<MetricKey, 'period'> & { period?: number };

/** Dimension order carries no meaning in CloudWatch, so the key sorts them. */
export function dimensionsKey(dimensions: Record<string, string>): string {
  return Object.keys(dimensions)
    .sort()
    .map((name) => `${name}=${dimensions[name]}`)
    .join(',');
}

export function seriesKey(key: MetricKey): string {
  return `${key.namespace}|${key.metricName}|${key.stat}|${dimensionsKey(key.dimensions)}|${key.period}`;
}

/** The key without the period, for lookups that take whichever period the source publishes. */
export function queryKey(query: MetricQuery): string {
  return `${query.namespace}|${query.metricName}|${query.stat}|${dimensionsKey(query.dimensions)}`;
}
