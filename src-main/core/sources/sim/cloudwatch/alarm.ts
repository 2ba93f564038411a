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
 * An evaluation whose reason is written only when read: an alarm is evaluated every minute but its
 * reason is needed only when its state changes, and formatting the datapoints each minute cost more than
 * the evaluation itself (issue 15).
 */
function lazyEvaluation(state: AlarmState, latestValue: number | undefined, write: () => string): Evaluation {
  let reason: string | undefined;
  return {
    state,
    latestValue,
    get reason() {
      return (reason ??= write());
    },
  };
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
  const real: Datapoint[] = []; // newest first
  const missingStarts: number[] = []; // newest first
  const values = series?.aggregateRange(end, alarm.period, range, alarm.statistic);
  for (let k = 1; k <= range; k++) {
    const start = end - k * alarm.period;
    const value = values?.[k - 1];
    if (value === undefined) missingStarts.push(start);
    else real.push({ start, value, breaching: breaches(alarm.comparisonOperator, value, alarm.threshold) });
  }
  // Only the counts decide the state; the lists and words of a reason are made when it is read (issue 15:
  // 500 alarms a minute at 10,000 instances, and a reason is read only on a state change).
  const evaluated = real.length > n ? real.slice(0, n) : real;
  const latestValue = evaluated[0]?.value;
  let breachingCount = 0;
  for (const point of evaluated) if (point.breaching) breachingCount++;
  const fineCount = evaluated.length - breachingCount;
  const breaching = () => evaluated.filter((p) => p.breaching);
  const fine = () => evaluated.filter((p) => !p.breaching);
  const fill = n - evaluated.length; // missing periods that must stand in for datapoints
  const m = alarm.datapointsToAlarm;
  const comparison = () => `${SYMBOL[alarm.comparisonOperator]} the threshold (${alarm.threshold})`;

  const alarmReason = (count: number, shown: readonly Datapoint[], note = '') =>
    `Threshold Crossed: ${count} out of the last ${n} datapoints [${formatPoints(shown)}] ${plural(shown.length, 'was', 'were')} ${comparison()}${note} (minimum ${m} ${plural(m, 'datapoint', 'datapoints')} for OK -> ALARM transition).`;
  const okReason = (count: number, shown: readonly Datapoint[], note = '') =>
    `Threshold Crossed: ${count} out of the last ${n} datapoints [${formatPoints(shown)}] ${plural(shown.length, 'was', 'were')} not ${comparison()}${note} (minimum 1 datapoint for ALARM -> OK transition).`;
  const toAlarm = (): Evaluation => lazyEvaluation('ALARM', latestValue, () => alarmReason(breachingCount, breaching()));
  const toOk = (): Evaluation => lazyEvaluation('OK', latestValue, () => okReason(n - breachingCount, fine()));
  const keep = (): Evaluation => lazyEvaluation(current, latestValue, () => '');
  const insufficient = (): Evaluation =>
    lazyEvaluation('INSUFFICIENT_DATA', latestValue, () =>
      evaluated.length === 0
        ? `Insufficient Data: ${n} out of the last ${n} datapoints were missing.`
        : `Insufficient Data: ${fill} out of the last ${n} datapoints were missing; the real ${plural(evaluated.length, 'one', 'ones')} [${formatPoints(evaluated)}] ${plural(evaluated.length, 'is', 'are')} too few to decide.`,
    );

  if (fill === 0) return breachingCount >= m ? toAlarm() : toOk();

  switch (alarm.treatMissingData) {
    case 'breaching': {
      const count = breachingCount + fill;
      const note = ` (${fill} missing ${plural(fill, 'datapoint', 'datapoints')} treated as breaching)`;
      if (count >= m) return lazyEvaluation('ALARM', latestValue, () => alarmReason(count, breaching(), note));
      return lazyEvaluation('OK', latestValue, () => okReason(n - count, fine(), note));
    }
    case 'notBreaching': {
      const note = ` (${fill} missing ${plural(fill, 'datapoint', 'datapoints')} treated as not breaching)`;
      if (breachingCount >= m) return lazyEvaluation('ALARM', latestValue, () => alarmReason(breachingCount, breaching()));
      return lazyEvaluation('OK', latestValue, () => okReason(n - breachingCount, fine(), note));
    }
    case 'ignore':
      if (breachingCount >= m) return toAlarm();
      if (fineCount > 0) return toOk();
      return keep();
    case 'missing': {
      if (breachingCount >= m) return toAlarm();
      if (fineCount > 0) return toOk();
      if (evaluated.length === 0) return insufficient();
      // The evaluated set is the real datapoints plus the `fill` most recent missing periods.
      const oldestFill = missingStarts[fill - 1]!;
      const oldestReal = evaluated[evaluated.length - 1]!.start;
      return oldestReal < oldestFill ? toAlarm() : insufficient();
    }
  }
}
