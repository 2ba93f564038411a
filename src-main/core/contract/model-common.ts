/** Shapes shared by every service's model: times, dimensions, CloudWatch series. */
import { z } from 'zod';

/**
 * Time in the contract (docs/architecture.md, "Time in the contract"): an instant — when something
 * happened, was created, expires, was evaluated — crosses as an ISO-8601 string in UTC
 * (`2026-11-20T14:05:00.000Z`), whatever the source: it is how the AWS APIs write their timestamps
 * and how the SDK's Dates serialise, what the audit log stores, and what the CLI prints as JSON.
 * Durations are numbers with their unit in the name (`durationSeconds`, `intervalSeconds`).
 * Three numeric exceptions, kept on purpose: the simulation clock (SimClock, epoch ms: the time
 * axis every chart and countdown computes with), metric points (MetricPoint, epoch seconds: bulk
 * [t, value] pairs as GetMetricData returns them) and DatasetStatus.fetchedAt (epoch ms, compared
 * with the wall clock for staleness).
 */
export const IsoTime = z.string().max(40);

/** How many of something: a whole number, zero or more. */
export const Count = z.number().int().nonnegative();

/**
 * The parameters a coded text is filled with when the window words it (health reasons, request
 * problems, scenario problems, settings diagnostics, timeline texts): names and numbers, bounded.
 * One schema so every code's parameters have the same bounds. Control-action messages, which also
 * carry flags and lists of identifiers, use MessageParams (model-action-codes.ts).
 */
export const TextParams = z.record(z.string().max(64), z.union([z.string().max(4096), z.number()]));
export type TextParams = z.infer<typeof TextParams>;

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

/** [epochSeconds, value] — the period's start time, like GetMetricData's Timestamps (a numeric exception to ISO instants, see IsoTime). */
export const MetricPoint = z.tuple([z.number(), z.number()]);
export type MetricPoint = z.infer<typeof MetricPoint>;

export const MetricSeries = MetricKey.extend({ points: z.array(MetricPoint) });
export type MetricSeries = z.infer<typeof MetricSeries>;

