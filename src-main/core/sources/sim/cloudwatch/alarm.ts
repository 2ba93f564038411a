/**
 * CloudWatch metric alarms (CW-1…CW-4). An alarm starts in INSUFFICIENT_DATA and, at the end of each
 * period, evaluates the most recent real datapoints of a range longer than `EvaluationPeriods`:
 * `DatapointsToAlarm` breaching ones put it in ALARM. Missing periods fill in per `TreatMissingData`
 * only when there are too few real datapoints.
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation
 */
import type { MetricStat } from '../../../contract/model';
import type { Dimensions, MetricSeriesData } from './metric-store';
import type { AlarmMath } from './math-alarm';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export type ComparisonOperator =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';
export type TreatMissingData = 'breaching' | 'notBreaching' | 'ignore' | 'missing';

export interface AlarmDefinition {
  alarmName: string;
  alarmArn: string;
  namespace: string;
  metricName: string;
  dimensions: Dimensions;
  statistic: MetricStat;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  treatMissingData: TreatMissingData;
  /** ARNs of scaling policies to invoke while in ALARM. */
  alarmActions: string[];
  /** A metric-math alarm (`Metrics:`): namespace and metricName are then empty. */
  math?: AlarmMath;
}

export interface AlarmHistoryItem {
  alarmName: string;
  timestamp: string;
  oldState: AlarmState;
  newState: AlarmState;
  reason: string;
}

const SYMBOL: Record<ComparisonOperator, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

export function breaches(operator: ComparisonOperator, value: number, threshold: number): boolean {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

/** `20/11/26 14:05:00`: the timestamp format CloudWatch uses in state reasons. */
function reasonTime(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

export interface Evaluation {
  state: AlarmState;
  reason: string;
  /** The newest real datapoint evaluated, for target-tracking arithmetic. */
  latestValue?: number;
}

/**
 * How many periods CloudWatch looks back. The page says CloudWatch "attempts to retrieve a higher
 * number of data points than specified by Evaluation Periods" and its example retrieves 5 for 3; the
 * exact number is not documented, so the simulator picks EvaluationPeriods + 2 (docs/scenario-format.md).
 */
export function evaluationRange(evaluationPeriods: number): number {
  return evaluationPeriods + 2;
}

interface Datapoint {
  start: number;
  value: number;
  breaching: boolean;
}

function formatPoints(points: readonly Datapoint[]): string {
  return points.map((p) => `${Math.round(p.value * 1000) / 1000} (${reasonTime(p.start)})`).join(', ');
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Which reason an evaluation gives; `keep` (TreatMissingData `ignore` with nothing to decide) has none. */
const enum ReasonKind {
  Alarm,
  Ok,
  Keep,
  Insufficient,
}

/**
 * An evaluation whose reason is written only when read: an alarm is evaluated every minute but its
 * reason is needed only when its state changes, and formatting the datapoints each minute cost more than
 * the evaluation itself (issue 15). It keeps the evaluation range's values and what decided, not
 * closures (500 alarms a minute at 10,000 instances: closures made per evaluation were a cost of their
 * own), and lists the datapoints from the values when the reason is read.
 */
class AlarmEvaluation implements Evaluation {
  private written: string | undefined;

  constructor(
    readonly state: AlarmState,
    readonly latestValue: number | undefined,
    private readonly alarm: AlarmDefinition,
    /** The evaluation range's values, newest first (period k ends at end − k·period); undefined: missing. */
    private readonly values: readonly (number | undefined)[] | undefined,
    private readonly end: number,
    private readonly kind: ReasonKind,
    /** The datapoint count the reason states. */
    private readonly count: number,
    /** Missing periods a note says were treated as breaching or not (0: no note). */
    private readonly filled = 0,
    private readonly filledAs: 'breaching' | 'not breaching' = 'breaching',
  ) {}

  get reason(): string {
    return (this.written ??= this.write());
  }

  /** The real datapoints evaluated: the newest EvaluationPeriods real ones, newest first. */
  private evaluated(): Datapoint[] {
    const { alarm, values, end } = this;
    const out: Datapoint[] = [];
    if (!values) return out;
    for (let k = 0; k < values.length && out.length < alarm.evaluationPeriods; k++) {
      const value = values[k];
      if (value !== undefined) out.push({ start: end - (k + 1) * alarm.period, value, breaching: breaches(alarm.comparisonOperator, value, alarm.threshold) });
    }
    return out;
  }

  private write(): string {
    const alarm = this.alarm;
    const n = alarm.evaluationPeriods;
    const m = alarm.datapointsToAlarm;
    const evaluated = this.evaluated();
    const comparison = `${SYMBOL[alarm.comparisonOperator]} the threshold (${alarm.threshold})`;
    const note = this.filled > 0 ? ` (${this.filled} missing ${plural(this.filled, 'datapoint', 'datapoints')} treated as ${this.filledAs})` : '';
    switch (this.kind) {
      case ReasonKind.Alarm: {
        const shown = evaluated.filter((p) => p.breaching);
        return `Threshold Crossed: ${this.count} out of the last ${n} datapoints [${formatPoints(shown)}] ${plural(shown.length, 'was', 'were')} ${comparison}${note} (minimum ${m} ${plural(m, 'datapoint', 'datapoints')} for OK -> ALARM transition).`;
      }
      case ReasonKind.Ok: {
        const shown = evaluated.filter((p) => !p.breaching);
        return `Threshold Crossed: ${this.count} out of the last ${n} datapoints [${formatPoints(shown)}] ${plural(shown.length, 'was', 'were')} not ${comparison}${note} (minimum 1 datapoint for ALARM -> OK transition).`;
      }
      case ReasonKind.Keep:
        return '';
      case ReasonKind.Insufficient:
        return evaluated.length === 0
          ? `Insufficient Data: ${n} out of the last ${n} datapoints were missing.`
          : `Insufficient Data: ${n - evaluated.length} out of the last ${n} datapoints were missing; the real ${plural(evaluated.length, 'one', 'ones')} [${formatPoints(evaluated)}] ${plural(evaluated.length, 'is', 'are')} too few to decide.`;
    }
  }
}

/**
 * Evaluates an alarm at `nowEpochSeconds` (a period boundary) the way "How CloudWatch alarms treat
 * missing data" describes (CW-3), AlarmThatSendsEmail.html#alarms-evaluating-missing-data:
 * - CloudWatch retrieves an evaluation range longer than EvaluationPeriods;
 * - with at least EvaluationPeriods real datapoints in it, the most recent EvaluationPeriods real ones
 *   decide and TreatMissingData is not used;
 * - with fewer, the real ones are all used and the rest is filled with as few missing periods as possible
 *   (the most recent missing ones), treated per TreatMissingData. For `missing`, the page's table gives
 *   ALARM when no real datapoint is non-breaching and the oldest evaluated datapoint is a breaching real
 *   one (`X - - - -`), INSUFFICIENT_DATA when the oldest evaluated one is missing (`- - - - X`); for
 *   `ignore`, the state is kept unless the real datapoints prove OK.
 * The state reason lists exactly the datapoints it counts (CW-4).
 */
export function evaluateAlarm(alarm: AlarmDefinition, series: Pick<MetricSeriesData, 'aggregateRange'> | undefined, nowEpochSeconds: number, current: AlarmState): Evaluation {
  const n = alarm.evaluationPeriods;
  const range = evaluationRange(n);
  const end = nowEpochSeconds - (nowEpochSeconds % alarm.period);
  const values = series?.aggregateRange(end, alarm.period, range, alarm.statistic);
  // Only counts decide the state (issue 15: 500 alarms a minute at 10,000 instances); the datapoints'
  // list is made from `values` when a reason is read. Newest first: the first n real values are evaluated.
  let evaluatedCount = 0;
  let breachingCount = 0;
  let latestValue: number | undefined;
  let oldestRealAt = -1; // range index of the oldest evaluated real value
  for (let k = 0; k < range && evaluatedCount < n; k++) {
    const value = values?.[k];
    if (value === undefined) continue;
    if (evaluatedCount === 0) latestValue = value;
    evaluatedCount++;
    oldestRealAt = k;
    if (breaches(alarm.comparisonOperator, value, alarm.threshold)) breachingCount++;
  }
  const fineCount = evaluatedCount - breachingCount;
  const fill = n - evaluatedCount; // missing periods that must stand in for datapoints
  const m = alarm.datapointsToAlarm;
  const toAlarm = breachingCount >= m;

  if (fill === 0) return toAlarm ? new AlarmEvaluation('ALARM', latestValue, alarm, values, end, ReasonKind.Alarm, breachingCount) : new AlarmEvaluation('OK', latestValue, alarm, values, end, ReasonKind.Ok, n - breachingCount);

  switch (alarm.treatMissingData) {
    case 'breaching': {
      const count = breachingCount + fill;
      if (count >= m) return new AlarmEvaluation('ALARM', latestValue, alarm, values, end, ReasonKind.Alarm, count, fill, 'breaching');
      return new AlarmEvaluation('OK', latestValue, alarm, values, end, ReasonKind.Ok, n - count, fill, 'breaching');
    }
    case 'notBreaching':
      if (toAlarm) return new AlarmEvaluation('ALARM', latestValue, alarm, values, end, ReasonKind.Alarm, breachingCount);
      return new AlarmEvaluation('OK', latestValue, alarm, values, end, ReasonKind.Ok, n - breachingCount, fill, 'not breaching');
    case 'ignore':
    case 'missing': {
      if (toAlarm) return new AlarmEvaluation('ALARM', latestValue, alarm, values, end, ReasonKind.Alarm, breachingCount);
      if (fineCount > 0) return new AlarmEvaluation('OK', latestValue, alarm, values, end, ReasonKind.Ok, n - breachingCount);
      if (alarm.treatMissingData === 'ignore') return new AlarmEvaluation(current, latestValue, alarm, values, end, ReasonKind.Keep, 0);
      if (evaluatedCount === 0) return new AlarmEvaluation('INSUFFICIENT_DATA', latestValue, alarm, values, end, ReasonKind.Insufficient, 0);
      // The evaluated set is the real datapoints plus the `fill` most recent missing periods: ALARM when
      // the oldest of them is a real (breaching) one.
      const decided = oldestRealAt > fillIndex(values, fill) ? 'ALARM' : 'INSUFFICIENT_DATA';
      return new AlarmEvaluation(decided, latestValue, alarm, values, end, decided === 'ALARM' ? ReasonKind.Alarm : ReasonKind.Insufficient, breachingCount);
    }
  }
}

/** Range index of the `fill`-th newest missing period (the oldest missing one evaluated). */
function fillIndex(values: readonly (number | undefined)[] | undefined, fill: number): number {
  let seen = 0;
  const length = values?.length ?? 0;
  for (let k = 0; k < length; k++) if (values![k] === undefined && ++seen === fill) return k;
  return length;
}
