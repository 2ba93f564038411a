/**
 * The report `flightdeck sim run` writes (format documented in docs/sim-report.md). It contains
 * nothing from the wall clock or the machine, so one scenario and one seed give identical bytes.
 */
import type { AccessLogEntry, Inventory, MetricSeries, RdsEvent, ScalingActivity, TimelineEvent } from '../../contract/model';
import type { AlarmHistoryItem } from './cloudwatch/alarm';
import type { SimulationEngine } from './engine';
import type { StackOutput } from './scenario/load-scenario';
import { eachMetricSeries, exportMetrics } from './export';
import { exportActivities } from './asg/export-activities';
import { metricUnit } from '../../metric-catalog';
import type { TwinFit } from '../../contract/model-twin';
import { compareWithRecording } from '../../twin/compare';

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
  /** The stack's Outputs section, evaluated (absent when the template has none). */
  outputs?: StackOutput[];
  /** A twin (docs/twin.md): how close its curves came to the recorded ones over the periods it ran. */
  twinFit?: TwinFit;
}

export function runSimulation(engine: SimulationEngine, durationSeconds: number): SimReport {
  engine.advanceBy(durationSeconds);
  return buildReport(engine);
}

/**
 * The report's fields in order, each produced only when reached: the metrics one series at a time.
 * buildReport gathers them into one object; reportText streams them.
 */
function* reportFields(engine: SimulationEngine): Generator<[keyof SimReport, unknown, 'value' | 'list']> {
  yield ['format', REPORT_FORMAT, 'value'];
  yield ['scenario', engine.scenario.name, 'value'];
  yield ['seed', engine.seed, 'value'];
  yield ['startTime', new Date(engine.startTime).toISOString(), 'value'];
  if (engine.leadInSeconds > 0) yield ['leadInSeconds', engine.leadInSeconds, 'value'];
  yield ['simulatedSeconds', engine.simulatedSeconds, 'value'];
  yield ['scalingActivities', exportActivities(engine.world), 'list'];
  yield ['alarmHistory', engine.alarmHistory, 'list'];
  yield ['events', engine.rdsEvents, 'list'];
  yield ['timeline', engine.timeline, 'list'];
  yield ['accessLog', engine.accessLogInOrder().slice(-100), 'list'];
  yield ['metrics', withUnits(eachMetricSeries(engine.metrics)), 'list'];
  yield ['finalState', engine.inventory(), 'value'];
  if (engine.scenario.outputs) yield ['outputs', engine.scenario.outputs, 'value'];
  if (engine.scenario.twin) yield ['twinFit', twinFit(engine), 'value'];
}

/** A twin's fit report over what the engine has run so far. */
export function twinFit(engine: SimulationEngine): TwinFit | undefined {
  return engine.scenario.twin ? compareWithRecording(engine.scenario.twin, exportMetrics(engine.metrics), Math.floor(engine.now / 1000)) : undefined;
}

function* withUnits(series: Iterable<MetricSeries>): Generator<MetricSeries & { unit: string }> {
  for (const one of series) yield { ...one, unit: metricUnit(one.metricName) };
}

export function buildReport(engine: SimulationEngine): SimReport {
  const report: Record<string, unknown> = {};
  for (const [key, value, kind] of reportFields(engine)) report[key] = kind === 'list' ? [...(value as Iterable<unknown>)] : value;
  return report as unknown as SimReport;
}

export function serializeReport(report: SimReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * The report as text pieces whose concatenation is exactly serializeReport(buildReport(engine)),
 * produced one list entry at a time: the whole report is never held, neither as an object nor as
 * one string (issue 15: 48 simulated hours of 10,000 instances passed V8's longest string).
 * Each piece is stringified at its depth: wrapped in as many arrays as it is nested, so that
 * JSON.stringify indents it itself, then unwrapped (re-indenting a series of a few thousand points
 * with a replacement was ~3 % of a 10,000-instance run).
 */
export function* reportText(engine: SimulationEngine): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, value, kind] of reportFields(engine)) {
    yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (kind === 'value') {
      yield atDepth1(value);
      continue;
    }
    let empty = true;
    for (const entry of value as Iterable<unknown>) {
      yield `${empty ? '[' : ','}\n    ${atDepth2(entry)}`;
      empty = false;
    }
    yield empty ? '[]' : '\n  ]';
  }
  yield '\n}\n';
}

/** `value` as JSON.stringify(…, null, 2) writes it one level down (its inner lines indented by 2 more). */
function atDepth1(value: unknown): string {
  // "[\n  " + value + "\n]"
  return JSON.stringify([value], null, 2).slice(4, -2);
}

/** The same two levels down (a list entry under a key of the report). */
function atDepth2(value: unknown): string {
  // "[\n  [\n    " + value + "\n  ]\n]"
  return JSON.stringify([[value]], null, 2).slice(10, -6);
}
