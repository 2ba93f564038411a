/**
 * The recorded window a twin is built from (docs/twin.md), in one batched GetMetricData pass: every
 * series at one period over the same window, at most 500 queries per call and at most 100,800
 * datapoints per call (queries × periods), as the API allows
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html), following
 * NextToken until each call is complete. Read-only; progress is reported per call.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { HistoryQuery } from '../../../twin/history-queries';
import type { ObservedSeries } from '../../../twin/twin-section';
import { getMetricDataPages, toQuery } from '../metrics/get-metric-data';
import { MAX_DATAPOINTS_PER_CALL, MAX_QUERIES_PER_CALL } from '../metrics/metric-batches';

export interface HistoryWindow {
  /** Epoch seconds, aligned to the period. */
  startSeconds: number;
  endSeconds: number;
  periodSeconds: number;
}

export interface HistoryProgress {
  call: number;
  calls: number;
  series: number;
}

/** Queries per call: the API's 500, fewer when the window's periods would pass 100,800 datapoints. */
export function queriesPerCall(periods: number): number {
  return Math.max(1, Math.min(MAX_QUERIES_PER_CALL, Math.floor(MAX_DATAPOINTS_PER_CALL / Math.max(1, periods))));
}

export async function readHistory(client: CloudWatchClient, queries: HistoryQuery[], window: HistoryWindow, onProgress: (progress: HistoryProgress) => void = () => undefined): Promise<ObservedSeries[]> {
  const periods = Math.ceil((window.endSeconds - window.startSeconds) / window.periodSeconds);
  const perCall = queriesPerCall(periods);
  const chunks: HistoryQuery[][] = [];
  for (let i = 0; i < queries.length; i += perCall) chunks.push(queries.slice(i, i + perCall));
  const start = new Date(window.startSeconds * 1000).toISOString();
  const out: ObservedSeries[] = [];
  for (const [c, chunk] of chunks.entries()) {
    const values = chunk.map(() => new Array<number | null>(periods).fill(null));
    const queries = chunk.map((q, i) => toQuery(`q${i}`, { ...q, period: window.periodSeconds }));
    await getMetricDataPages(client, { MetricDataQueries: queries, StartTime: new Date(window.startSeconds * 1000), EndTime: new Date(window.endSeconds * 1000), ScanBy: 'TimestampAscending' }, (results) => {
      for (const result of results) {
        const index = Number((result.Id ?? '').slice(1));
        const series = values[index];
        if (!series) continue;
        (result.Timestamps ?? []).forEach((time, i) => {
          const slot = Math.floor((time.getTime() / 1000 - window.startSeconds) / window.periodSeconds);
          const value = result.Values?.[i];
          if (slot >= 0 && slot < periods && value !== undefined && Number.isFinite(value)) series[slot] = value;
        });
      }
    });
    chunk.forEach((q, i) => out.push({ namespace: q.namespace, metricName: q.metricName, dimensions: q.dimensions, stat: q.stat, periodSeconds: window.periodSeconds, start, values: values[i]! }));
    onProgress({ call: c + 1, calls: chunks.length, series: out.length });
  }
  return out;
}
