/** Shapes shared by every service's model: times, dimensions, CloudWatch series. */
import { z } from 'zod';

/** ISO-8601 timestamp in UTC, as the AWS APIs return them. */
export const IsoTime = z.string().max(40);

export const Dimensions = z.record(z.string().max(255), z.string().max(1024));

export const MetricStat = z.enum(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p50', 'p90', 'p99']);
export type MetricStat = z.infer<typeof MetricStat>;

/** Identifies one CloudWatch time series: namespace + name + dimensions + statistic + period. */
export const MetricKey = z.object({
  namespace: z.string().max(255),
  metricName: z.string().max(255),
  dimensions: Dimensions,
  stat: MetricStat,
  period: z.number().int().positive(),
});
export type MetricKey = z.infer<typeof MetricKey>;

/** [epochSeconds, value] — the period's start time, like GetMetricData's Timestamps. */
export const MetricPoint = z.tuple([z.number(), z.number()]);
export type MetricPoint = z.infer<typeof MetricPoint>;

export const MetricSeries = MetricKey.extend({ points: z.array(MetricPoint) });
export type MetricSeries = z.infer<typeof MetricSeries>;

