/**
 * Keeps the standard metric series of an inventory up to date with as few GetMetricData calls as
 * possible (metric-batches.ts), following NextToken until each call's results are complete, and
 * holding a bounded window of points per series for snapshots.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { MetricKey, MetricPoint, MetricSeries } from '../../../contract/model';
import { metricKeyId } from '../../../metric-catalog';
import { planMetricCalls, type PlannedCall } from './metric-batches';
import { isAwsCallError, type AwsCallError } from '../aws-errors';
import { getMetricDataPages, toQuery } from './get-metric-data';

export interface MetricPollerOptions {
  /** How far back a new series is filled on its first poll (seconds). */
  backfillSeconds?: number;
  /** How much history is held per series for snapshots (seconds). */
  retainSeconds?: number;
}

/** A held point: its period's start (epoch seconds, as GetMetricData's Timestamps), value and period (seconds). */
export interface HeldPoint {
  time: number;
  value: number;
  period: number;
}

interface HeldSeries {
  key: MetricKey;
  points: Map<number, number>;
  newest?: number;
  queriedUntil?: number;
}

export class MetricPoller {
  private readonly held = new Map<string, HeldSeries>();
  private readonly backfillSeconds: number;
  private readonly retainSeconds: number;
  /** The calls made by the last poll (for tests and the bench). */
  lastPlan: PlannedCall[] = [];

  constructor(
    private client: Pick<CloudWatchClient, 'send'>,
    options: MetricPollerOptions = {},
  ) {
    this.backfillSeconds = options.backfillSeconds ?? 3 * 3600;
    this.retainSeconds = options.retainSeconds ?? 6 * 3600;
  }

  /** After Retry the session has new clients; the held series stay (same identity and region). */
  useClient(client: Pick<CloudWatchClient, 'send'>): void {
    this.client = client;
  }

  /**
   * Polls `keys` at `nowMs`; returns only the points that are new or changed since the last poll,
   * and the calls that failed (their series are asked again next time). Series no longer wanted
   * (resource gone) are dropped. Throws when every call failed, or on a credential error.
   */
  async poll(keys: MetricKey[], nowMs: number): Promise<MetricSeries[]> {
    const { series, failures } = await this.pollDetailed(keys, nowMs);
    if (failures.length > 0 && failures.length === this.lastPlan.length) throw failures[0];
    this.lastFailures = failures;
    return series;
  }

  /** The calls of the last poll that failed while others succeeded. */
  lastFailures: AwsCallError[] = [];

  private async pollDetailed(keys: MetricKey[], nowMs: number): Promise<{ series: MetricSeries[]; failures: AwsCallError[] }> {
    const wanted = new Map(keys.map((key) => [metricKeyId(key), key]));
    for (const id of this.held.keys()) if (!wanted.has(id)) this.held.delete(id);
    const indexed = [...wanted].map(([id, key], index) => {
      let entry = this.held.get(id);
      if (!entry) {
        entry = { key, points: new Map() };
        this.held.set(id, entry);
      }
      return { id: `m${index}`, seriesId: id, key, watermark: { newest: entry.newest, queriedUntil: entry.queriedUntil } };
    });
    const bySeries = new Map(indexed.map((q) => [q.id, q.seriesId]));
    const nowSeconds = Math.floor(nowMs / 1000);
    const plan = planMetricCalls(indexed, { now: nowSeconds, backfillSeconds: this.backfillSeconds });
    this.lastPlan = plan;
    const changed = new Map<string, MetricPoint[]>();
    const failures: AwsCallError[] = [];
    for (const call of plan) {
      try {
        await this.runCall(call, bySeries, changed);
      } catch (error) {
        if (!isAwsCallError(error) || error.params.kind === 'credentials') throw error;
        failures.push(error);
      }
    }
    this.trim(nowSeconds);
    return { series: [...changed].map(([seriesId, points]) => ({ ...this.held.get(seriesId)!.key, points: points.sort((a, b) => a[0] - b[0]) })), failures };
  }

  private async runCall(call: PlannedCall, bySeries: Map<string, string>, changed: Map<string, MetricPoint[]>): Promise<void> {
    const queries = call.queries.map((q) => toQuery(q.id, q.key));
    await getMetricDataPages(this.client, { MetricDataQueries: queries, StartTime: new Date(call.startTime * 1000), EndTime: new Date(call.endTime * 1000), ScanBy: 'TimestampAscending' }, (results) => {
      for (const result of results) {
        const seriesId = bySeries.get(result.Id ?? '');
        const entry = seriesId ? this.held.get(seriesId) : undefined;
        if (!seriesId || !entry) continue;
        const timestamps = result.Timestamps ?? [];
        const values = result.Values ?? [];
        timestamps.forEach((time, i) => {
          const t = Math.floor(time.getTime() / 1000);
          const v = values[i];
          if (v === undefined || entry.points.get(t) === v) return;
          entry.points.set(t, v);
          entry.newest = Math.max(entry.newest ?? t, t);
          const list = changed.get(seriesId) ?? [];
          list.push([t, v]);
          changed.set(seriesId, list);
        });
      }
    });
    for (const query of call.queries) {
      const entry = this.held.get(bySeries.get(query.id) ?? '');
      if (entry) entry.queriedUntil = call.endTime;
    }
  }

  private trim(nowSeconds: number): void {
    const oldest = nowSeconds - this.retainSeconds;
    for (const entry of this.held.values()) for (const t of entry.points.keys()) if (t < oldest) entry.points.delete(t);
  }

  clear(): void {
    this.held.clear();
  }

  /** Everything held, oldest point first: for snapshots. */
  series(): MetricSeries[] {
    return [...this.held.values()].map((entry) => ({ ...entry.key, points: [...entry.points].sort((a, b) => a[0] - b[0]) }));
  }

  /** The newest point of the series with exactly these dimensions (any statistic and period). */
  latestOf(namespace: string, metricName: string, dimensions: Record<string, string>): number | undefined {
    const wanted = Object.entries(dimensions);
    for (const entry of this.held.values()) {
      const dims = entry.key.dimensions;
      if (entry.key.namespace !== namespace || entry.key.metricName !== metricName || Object.keys(dims).length !== wanted.length) continue;
      if (!wanted.every(([name, value]) => dims[name] === value)) continue;
      if (entry.newest !== undefined) return entry.points.get(entry.newest);
    }
    return undefined;
  }

  /** The newest value of the series with this dimension, whatever its age (latestPoint says when it was). */
  latest(namespace: string, metricName: string, dimension: string, value: string): number | undefined {
    return this.latestPoint(namespace, metricName, dimension, value)?.value;
  }

  /**
   * The newest point of the series with this dimension, with its period's start (epoch seconds) and
   * length: a point held from a poll long ago is still the newest one, and only its time says so.
   */
  latestPoint(namespace: string, metricName: string, dimension: string, value: string): HeldPoint | undefined {
    for (const entry of this.held.values()) {
      if (entry.key.namespace !== namespace || entry.key.metricName !== metricName || entry.key.dimensions[dimension] !== value) continue;
      if (entry.newest === undefined) continue;
      const point = entry.points.get(entry.newest);
      if (point !== undefined) return { time: entry.newest, value: point, period: entry.key.period };
    }
    return undefined;
  }
}
