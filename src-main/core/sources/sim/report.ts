/**
 * The report `flightdeck sim run` writes (format documented in docs/sim-report.md). It contains
 * nothing from the wall clock or the machine, so one scenario and one seed give identical bytes.
 */
import type { AccessLogEntry, Inventory, MetricSeries, RdsEvent, ScalingActivity, TimelineEvent } from '../../contract/model';
import type { AlarmHistoryItem } from './cloudwatch/alarm';
import type { SimulationEngine } from './engine';
import { exportActivities, exportMetrics } from './export';
import { metricUnit } from '../../metric-catalog';

export const REPORT_FORMAT = 'flightdeck-sim-report/1';

export interface SimReport {
  format: typeof REPORT_FORMAT;
  scenario: string;
  seed: number;
  startTime: string;
  /** Seconds simulated before startTime (Simulation.LeadIn or --lead-in); absent without a lead-in. */
  leadInSeconds?: number;
  simulatedSeconds: number;
  scalingActivities: ScalingActivity[];
  alarmHistory: AlarmHistoryItem[];
  /** RDS events (DescribeEvents): sourceIdentifier, date, message, eventId. */
  events: RdsEvent[];
  /** Target-health and health-check transitions, faults and actions. */
  timeline: TimelineEvent[];
  /** The newest sampled access-log entries (ALB-9). */
  accessLog: AccessLogEntry[];
  /** Each series with its CloudWatch unit (`Count`, `Seconds`, `Milliseconds`, `Percent`, `Count/Second`). */
  metrics: (MetricSeries & { unit: string })[];
  finalState: Inventory;
}

export function runSimulation(engine: SimulationEngine, durationSeconds: number): SimReport {
  engine.advanceBy(durationSeconds);
  return buildReport(engine);
}

export function buildReport(engine: SimulationEngine): SimReport {
  return {
    format: REPORT_FORMAT,
    scenario: engine.scenario.name,
    seed: engine.seed,
    startTime: new Date(engine.startTime).toISOString(),
    ...(engine.leadInSeconds > 0 ? { leadInSeconds: engine.leadInSeconds } : {}),
    simulatedSeconds: engine.simulatedSeconds,
    scalingActivities: exportActivities(engine.world),
    alarmHistory: [...engine.alarmHistory],
    events: [...engine.rdsEvents],
    timeline: [...engine.timeline],
    accessLog: engine.alb.accessLogInOrder().slice(-100),
    metrics: exportMetrics(engine.metrics).map((series) => ({ ...series, unit: metricUnit(series.metricName) })),
    finalState: engine.inventory(),
  };
}

export function serializeReport(report: SimReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
