/**
 * CloudWatch metric alarms (CW-1, CW-2). An alarm starts in INSUFFICIENT_DATA and, at the end of each
 * period, looks at the last `EvaluationPeriods` periods: `DatapointsToAlarm` breaching ones put it in
 * ALARM. Missing periods are treated per `TreatMissingData`.
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation
 */
import type { MetricStat } from '../../../contract/model';
import type { Dimensions, MetricSeriesData } from './metric-store';

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
  /** The newest datapoint in the window, for target-tracking arithmetic. */
  latestValue?: number;
}

/**
 * Evaluates the window of periods that ended at or before `nowEpochSeconds`.
 * `current` is needed for TreatMissingData=ignore (keep the state).
 */
export function evaluateAlarm(alarm: AlarmDefinition, series: MetricSeriesData | undefined, nowEpochSeconds: number, current: AlarmState): Evaluation {
  const windowStart = nowEpochSeconds - (nowEpochSeconds % alarm.period) - alarm.evaluationPeriods * alarm.period;
  const values = new Map<number, number>();
  if (series) {
    for (let k = 0; k < alarm.evaluationPeriods; k++) {
      const start = windowStart + k * alarm.period;
      const value = series.aggregate(start, alarm.period, alarm.statistic);
      if (value !== undefined) values.set(start, value);
    }
  }
  let breaching = 0;
  let missing = 0;
  const shown: string[] = [];
  let latestValue: number | undefined;
  for (let k = alarm.evaluationPeriods - 1; k >= 0; k--) {
    const start = windowStart + k * alarm.period;
    const value = values.get(start);
    if (value === undefined) {
      missing++;
      if (alarm.treatMissingData === 'breaching') breaching++;
      continue;
    }
    latestValue ??= value;
    shown.push(`${Math.round(value * 1000) / 1000} (${reasonTime(start)})`);
    if (breaches(alarm.comparisonOperator, value, alarm.threshold)) breaching++;
  }
  const present = alarm.evaluationPeriods - missing;
  const comparison = `${SYMBOL[alarm.comparisonOperator]} the threshold (${alarm.threshold})`;
  if (breaching >= alarm.datapointsToAlarm) {
    return {
      state: 'ALARM',
      latestValue,
      reason: `Threshold Crossed: ${breaching} out of the last ${alarm.evaluationPeriods} datapoints [${shown.join(', ')}] were ${comparison} (minimum ${alarm.datapointsToAlarm} datapoints for OK -> ALARM transition).`,
    };
  }
  if (present === 0 && (alarm.treatMissingData === 'missing' || alarm.treatMissingData === 'ignore')) {
    if (alarm.treatMissingData === 'ignore' && current !== 'INSUFFICIENT_DATA') return { state: current, reason: '' };
    return { state: 'INSUFFICIENT_DATA', reason: `Insufficient Data: ${alarm.evaluationPeriods} datapoints were unknown.` };
  }
  return {
    state: 'OK',
    latestValue,
    reason: `Threshold Crossed: ${alarm.evaluationPeriods - breaching} out of the last ${alarm.evaluationPeriods} datapoints [${shown.join(', ')}] were not ${comparison} (minimum 1 datapoint for ALARM -> OK transition).`,
  };
}
