/** Engine state → the contract's domain model (the same shapes AwsSource produces). */
import type { MetricKey, MetricSeries, ScalingActivity } from '../../contract/model';
import { standardStats } from '../../metric-catalog';
import type { MetricStore } from './cloudwatch/metric-store';
import { toScalingActivity } from './engine';
import type { World } from './world';
import { newestActivities } from './asg/auto-scaling-group';

/** All groups' activities, newest first like DescribeScalingActivities (ties: later-created first). */
export function exportActivities(world: World, limit = Infinity): ScalingActivity[] {
  const all = [...world.autoScalingGroups.values()].flatMap((group) => newestActivities(group));
  const sorted = all.map((activity, index) => ({ activity, index })).sort((a, b) => b.activity.startTime - a.activity.startTime || b.index - a.index);
  return sorted.slice(0, limit).map(({ activity }) => toScalingActivity(activity));
}

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
