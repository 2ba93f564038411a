/** The metric store → the contract's metric series (the same shapes AwsSource produces). */
import type { MetricKey, MetricSeries } from '../../contract/model';
import { standardStats } from '../../metric-catalog';
import type { MetricStore } from './cloudwatch/metric-store';

/** Every series at its standard statistics, points in [from, to) epoch seconds. */
export function exportMetrics(store: MetricStore, fromEpochSeconds = -Infinity, toEpochSeconds = Infinity, wanted?: (key: MetricKey) => boolean): MetricSeries[] {
  return [...eachMetricSeries(store, fromEpochSeconds, toEpochSeconds, wanted)];
}

/** exportMetrics one series at a time, for writers that stream (the `sim run` report). */
export function* eachMetricSeries(store: MetricStore, fromEpochSeconds = -Infinity, toEpochSeconds = Infinity, wanted?: (key: MetricKey) => boolean): Generator<MetricSeries> {
  for (const series of store.all()) {
    for (const stat of standardStats(series.metricName)) {
      // A subscription's history asks for a few series: the others' points are not even read.
      if (wanted && !wanted({ namespace: series.namespace, metricName: series.metricName, dimensions: series.dimensions, stat, period: series.period })) continue;
      yield {
        namespace: series.namespace,
        metricName: series.metricName,
        dimensions: { ...series.dimensions },
        stat,
        period: series.period,
        points: series.points(stat, fromEpochSeconds, toEpochSeconds),
      };
    }
  }
}
