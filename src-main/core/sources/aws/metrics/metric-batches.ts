/**
 * Planning GetMetricData calls: every series we want is one MetricDataQuery; queries that share a
 * period and a time range go into the same call, at most 500 per call (the API's limit, together
 * with 100,800 datapoints per call: docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html).
 *
 * Incremental: a series we already hold points for is asked only for points after its newest one;
 * one we hold nothing for is back-filled. A window already asked for is not asked again beyond a
 * settle margin for late datapoints (CloudWatch can publish a period's value a few minutes late), so
 * sparse series — an error count with no datapoint while it is zero — share one window instead of
 * each starting at its own last non-zero minute. Windows are aligned to period boundaries, so the
 * number of calls per poll is bounded by (settle margin / period + 2) per period, not by the number
 * of series.
 */
import type { MetricKey } from '../../../contract/model';
import { isExtendedStat } from '../../../metric-catalog';

export const MAX_QUERIES_PER_CALL = 500;
export const MAX_DATAPOINTS_PER_CALL = 100_800;

export interface PlannedQuery {
  /** GetMetricData query Id: must start with a lowercase letter. */
  id: string;
  key: MetricKey;
}

export interface PlannedCall {
  period: number;
  /** Percentile queries go in calls of their own (see planMetricCalls). */
  extended: boolean;
  /** Epoch seconds, inclusive. */
  startTime: number;
  /** Epoch seconds, exclusive. */
  endTime: number;
  queries: PlannedQuery[];
}

export interface SeriesWatermark {
  /** Epoch seconds of the newest datapoint held for this series. */
  newest?: number;
  /** Epoch seconds: the end of the last window successfully asked for this series. */
  queriedUntil?: number;
}

export interface PlanOptions {
  /** Epoch seconds. */
  now: number;
  /** How far back a series with no points is filled (seconds). */
  backfillSeconds: number;
  /** How long before the last window's end late datapoints are still looked for (seconds). */
  settleSeconds?: number;
}

/** Late datapoints are looked for during five minutes after their period (our choice). */
export const DEFAULT_SETTLE_SECONDS = 300;

export function alignDown(seconds: number, period: number): number {
  return Math.floor(seconds / period) * period;
}

export function planMetricCalls(series: { id: string; key: MetricKey; watermark: SeriesWatermark }[], options: PlanOptions): PlannedCall[] {
  const groups = new Map<string, PlannedCall>();
  for (const { id, key, watermark } of series) {
    const period = key.period;
    // Only datapoints newer than the newest one held. (A period CloudWatch was still filling when we
    // read it keeps the value we read; the next one is picked up on the next poll.)
    let start = watermark.newest !== undefined ? alignDown(watermark.newest, period) + period : alignDown(options.now - options.backfillSeconds, period);
    if (watermark.queriedUntil !== undefined) start = Math.max(start, alignDown(watermark.queriedUntil - (options.settleSeconds ?? DEFAULT_SETTLE_SECONDS), period));
    const end = alignDown(options.now, period) + period;
    if (end <= start) continue;
    // Percentiles in calls of their own: an endpoint that cannot compute them (moto answers 500)
    // then loses only the percentiles, not every series in the call.
    const extended = isExtendedStat(key.stat);
    const groupKey = `${period}|${start}|${end}|${extended}`;
    let call = groups.get(groupKey);
    if (!call) {
      call = { period, extended, startTime: start, endTime: end, queries: [] };
      groups.set(groupKey, call);
    }
    call.queries.push({ id, key });
  }
  const calls: PlannedCall[] = [];
  for (const group of groups.values()) {
    const pointsPerQuery = Math.max(1, Math.ceil((group.endTime - group.startTime) / group.period));
    const perCall = Math.max(1, Math.min(MAX_QUERIES_PER_CALL, Math.floor(MAX_DATAPOINTS_PER_CALL / pointsPerQuery)));
    for (let i = 0; i < group.queries.length; i += perCall) {
      calls.push({ ...group, queries: group.queries.slice(i, i + perCall) });
    }
  }
  return calls;
}
