/**
 * Follows one data source's snapshot and updates, keeps what the health model reads (the latest
 * inventory, recent metrics, activities, RDS events, freshness) and re-evaluates on every update.
 * It answers a new report only when a verdict or reason changed, so pushes stay small.
 * Not pure (it remembers), but it imports only the contract and the pure model.
 */
import { DEFAULT_HEALTH_THRESHOLDS, type DatasetStatuses, type HealthReport, type HealthThresholds, type Inventory, type MetricSeries, type RdsEvent, type ScalingActivity, type Snapshot, type Update } from '../contract/model';
import { applyInventoryDelta } from '../contract/inventory-delta';
import { evaluateHealth } from './index';
import { isHealthMetric } from './metric-window';

/** Metric history kept: the longest window a threshold allows (60 min) plus CloudWatch's delay. */
const KEEP_SECONDS = 65 * 60;
const MAX_ACTIVITIES = 2000;
const MAX_RDS_EVENTS = 500;
/**
 * In simulation, verdicts are re-evaluated at most once per this much virtual time (one default
 * tick): at ×3600 a frame covers many ticks, and nothing an operator reads changes faster.
 */
const SIMULATED_EVALUATION_MS = 5_000;
/** CloudWatch publishes a period a minute or two after it ends (AWS mode only). */
export const AWS_METRICS_DELAY_SECONDS = 120;

const EMPTY_INVENTORY: Inventory = { loadBalancers: [], targetGroups: [], autoScalingGroups: [], alarms: [], hostedZones: [], recordSets: [], healthChecks: [], dbInstances: [], dbSnapshots: [], lambdaFunctions: [], webAcls: [] };

function seriesKey(series: MetricSeries): string {
  const dims = Object.keys(series.dimensions)
    .sort()
    .map((name) => `${name}=${series.dimensions[name]}`)
    .join(',');
  return `${series.namespace}|${series.metricName}|${dims}|${series.stat}|${series.period}`;
}

export class HealthMonitor {
  private inventory: Inventory = EMPTY_INVENTORY;
  private readonly activities = new Map<string, ScalingActivity>();
  private rdsEvents: RdsEvent[] = [];
  private readonly metrics = new Map<string, MetricSeries>();
  private datasets: DatasetStatuses = {};
  private now = 0;
  private simulated = false;
  private metricsSince: number | undefined;
  private last: HealthReport | undefined;
  private lastJson = '';
  private evaluatedAt = -Infinity;

  constructor(
    private readonly options: { thresholds?: () => HealthThresholds; wallNow?: () => number } = {},
  ) {}

  private thresholds(): HealthThresholds {
    return this.options.thresholds?.() ?? DEFAULT_HEALTH_THRESHOLDS;
  }

  /** Start over from a full snapshot (session start, switch, simulation reset or load). */
  reset(snapshot: Snapshot): HealthReport {
    this.inventory = snapshot.inventory;
    this.activities.clear();
    this.metrics.clear();
    this.rdsEvents = [];
    this.datasets = snapshot.datasets ?? {};
    this.simulated = snapshot.session.mode === 'simulation';
    // Metrics exist since the earliest datapoint: a warm start's lead-in history comes before the
    // scenario's StartTime, and its periods are closed (no "waiting for the first minute" then).
    let earliest = Infinity;
    for (const series of snapshot.metrics) if (series.points.length > 0) earliest = Math.min(earliest, series.points[0]![0] * 1000);
    this.metricsSince = snapshot.clock === undefined ? undefined : Math.min(snapshot.clock.startTime, earliest);
    this.now = snapshot.clock?.now ?? this.wallNow();
    this.merge(snapshot);
    return this.evaluate(true)!;
  }

  /** Take in one update; the new report when anything in it changed. */
  ingest(update: Update): HealthReport | undefined {
    this.now = update.clock?.now ?? (this.simulated ? this.now : this.wallNow());
    // Same process, same order as the source published them: the delta always applies to what we hold.
    if (update.inventory) this.inventory = applyInventoryDelta(this.inventory, update.inventory);
    if (update.datasets) this.datasets = update.datasets;
    this.merge(update);
    // Paused or stepped: the clock will not move on by itself, so judge what is there now.
    const settled = update.clock !== undefined && !update.clock.running;
    if (this.simulated && !settled && this.now - this.evaluatedAt < SIMULATED_EVALUATION_MS) return undefined;
    return this.evaluate(false);
  }

  /** Thresholds changed: the report under the new ones. */
  reevaluate(): HealthReport {
    return this.evaluate(true)!;
  }

  current(): HealthReport {
    return this.last ?? this.evaluate(true)!;
  }

  private wallNow(): number {
    return (this.options.wallNow ?? Date.now)();
  }

  private merge(part: Pick<Update, 'scalingActivities' | 'rdsEvents' | 'metrics'>): void {
    for (const activity of part.scalingActivities) {
      this.activities.delete(activity.activityId);
      this.activities.set(activity.activityId, activity);
    }
    while (this.activities.size > MAX_ACTIVITIES) this.activities.delete(this.activities.keys().next().value!);
    if (part.rdsEvents.length > 0) this.rdsEvents = [...this.rdsEvents, ...part.rdsEvents].slice(-MAX_RDS_EVENTS);
    const keepFrom = this.now / 1000 - KEEP_SECONDS;
    for (const series of part.metrics) {
      if (!isHealthMetric(series)) continue;
      const key = seriesKey(series);
      const held = this.metrics.get(key);
      const fresh = series.points.filter(([time]) => time >= keepFrom);
      if (!held) {
        if (fresh.length > 0) this.metrics.set(key, { ...series, points: fresh });
        continue;
      }
      // A poll may send a period again (CloudWatch revises the newest one): the latest value wins.
      const times = new Set(fresh.map(([time]) => time));
      held.points = [...held.points.filter(([time]) => time >= keepFrom && !times.has(time)), ...fresh].sort((a, b) => a[0] - b[0]);
    }
  }

  private evaluate(force: boolean): HealthReport | undefined {
    this.evaluatedAt = this.now;
    const report = evaluateHealth({
      now: this.now,
      inventory: this.inventory,
      metrics: [...this.metrics.values()],
      scalingActivities: [...this.activities.values()],
      rdsEvents: this.rdsEvents,
      datasets: this.datasets,
      ...(this.metricsSince !== undefined ? { metricsSince: this.metricsSince } : {}),
      metricsDelaySeconds: this.simulated ? 0 : AWS_METRICS_DELAY_SECONDS,
      thresholds: this.thresholds(),
    });
    // Compare without the evaluation time: only a changed verdict is news.
    const json = JSON.stringify({ ...report, evaluatedAt: '' });
    const changed = json !== this.lastJson;
    this.last = report;
    this.lastJson = json;
    return changed || force ? report : undefined;
  }
}
