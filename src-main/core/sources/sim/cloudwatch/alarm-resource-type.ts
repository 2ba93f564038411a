/**
 * AWS::CloudWatch::Alarm as CloudFormation takes it (aws-resource-cloudwatch-alarm.html): either one
 * metric (Namespace, MetricName, Dimensions, Statistic, Period) or `Metrics`, a list of
 * MetricDataQuery (a metric with its stat, or a metric math expression; exactly one returns the data
 * the alarm watches). Whether the simulator can evaluate an expression is checked by check-alarms.ts,
 * which warns instead of failing the load.
 */
import { z } from 'zod';
import { cfnBoolean, cfnIntegerIn, cfnNumberIn, cfnString } from '../scenario/cfn-values';
import { listOf, MAX_METRIC_MAGNITUDE } from '../scenario/limits';
import type { ResourceTypeSpec } from '../scenario/resource-types';
import { MAX_EXPRESSION_LENGTH } from '../../../metrics/metric-math';

/** Anomaly-detection comparisons (against a band named by ThresholdMetricId): loaded, not evaluated. */
export const BAND_OPERATORS = ['LessThanLowerOrGreaterThanUpperThreshold', 'LessThanLowerThreshold', 'GreaterThanUpperThreshold'] as const;

const period = cfnIntegerIn('Period', 10, 86_400);
const dimensions = z.array(z.object({ Name: z.string(), Value: cfnString })).optional();

/** MetricDataQuery (API_MetricDataQuery): Id starts with a lower-case letter; letters, digits, underscores. */
export const MetricDataQuerySchema = z.object({
  Id: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'an Id starts with a lower-case letter and holds letters, digits and underscores'),
  Expression: z.string().max(MAX_EXPRESSION_LENGTH).optional(),
  MetricStat: z
    .object({
      Metric: z.object({ Namespace: z.string(), MetricName: z.string(), Dimensions: dimensions }),
      Period: period,
      Stat: z.string(),
      Unit: z.string().optional(),
    })
    .optional(),
  Period: period.optional(),
  ReturnData: cfnBoolean.optional(),
  Label: z.string().optional(),
  AccountId: z.string().optional(),
});
export type MetricDataQueryInput = z.output<typeof MetricDataQuerySchema>;

/** A simulator bound on the queries of one alarm (GetMetricData takes up to 500). */
const MAX_ALARM_QUERIES = 50;

export interface AlarmProperties {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: string }[];
  Statistic?: 'Average' | 'Sum' | 'Minimum' | 'Maximum' | 'SampleCount';
  ExtendedStatistic?: string;
  Period?: number;
  Metrics?: MetricDataQueryInput[];
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold?: number;
  ThresholdMetricId?: string;
  ComparisonOperator: 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold' | (typeof BAND_OPERATORS)[number];
  TreatMissingData?: 'breaching' | 'notBreaching' | 'ignore' | 'missing';
  AlarmActions?: string[];
  ActionsEnabled?: boolean;
}

/** The period of a metric-math alarm: its metrics' (they must agree on AWS), else 60 s. */
export function alarmPeriod(p: AlarmProperties): number {
  return p.Period ?? p.Metrics?.find((q) => q.MetricStat)?.MetricStat?.Period ?? p.Metrics?.find((q) => q.Period)?.Period ?? 60;
}

export const CLOUDWATCH_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::CloudWatch::Alarm': {
    nameProperty: 'AlarmName',
    properties: z.object({
      AlarmName: z.string().optional(),
      AlarmDescription: z.string().optional(),
      Namespace: z.string().optional(),
      MetricName: z.string().optional(),
      Dimensions: dimensions,
      Statistic: z.enum(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']).optional(),
      ExtendedStatistic: z.string().optional(),
      Period: period.optional(),
      Metrics: listOf('Metrics', MetricDataQuerySchema, MAX_ALARM_QUERIES, 'queries per alarm in the simulator').min(1).optional(),
      EvaluationPeriods: cfnIntegerIn('EvaluationPeriods', 1, 86_400 / 60),
      DatapointsToAlarm: cfnIntegerIn('DatapointsToAlarm', 1, 86_400 / 60).optional(),
      Threshold: cfnNumberIn('Threshold', -MAX_METRIC_MAGNITUDE, MAX_METRIC_MAGNITUDE).optional(),
      ThresholdMetricId: z.string().optional(),
      ComparisonOperator: z.enum(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold', ...BAND_OPERATORS]),
      TreatMissingData: z.enum(['breaching', 'notBreaching', 'ignore', 'missing']).optional(),
      AlarmActions: z.array(z.string()).optional(),
      OKActions: z.array(z.string()).optional(),
      InsufficientDataActions: z.array(z.string()).optional(),
      ActionsEnabled: cfnBoolean.optional(),
      Unit: z.string().optional(),
    }),
    ignored: ['EvaluateLowSampleCountPercentile', 'Tags'],
    check(properties, report) {
      const p = properties as unknown as AlarmProperties;
      if (p.Metrics) {
        // PutMetricAlarm: Metrics replaces MetricName, Namespace, Dimensions, Statistic, Period.
        for (const key of ['MetricName', 'Namespace', 'Dimensions', 'Statistic', 'ExtendedStatistic', 'Period'] as const) {
          if (p[key] !== undefined) report(key, `give ${key} inside Metrics or leave Metrics out; an alarm has one or the other`, { code: 'alarm.metricsAndSingleMetric', params: { property: key } });
        }
        p.Metrics.forEach((query, index) => {
          if ((query.Expression === undefined) === (query.MetricStat === undefined)) report(`Metrics.${index}`, `query ${query.Id} needs exactly one of Expression and MetricStat`, { code: 'alarm.queryExpressionOrMetricStat', params: { id: query.Id } });
        });
        const ids = p.Metrics.map((q) => q.Id);
        const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
        if (duplicate) report('Metrics', `two queries have the Id ${duplicate}`, { code: 'alarm.queryIdRepeated', params: { id: duplicate } });
      } else {
        for (const key of ['Namespace', 'MetricName', 'Period'] as const) {
          if (p[key] === undefined) report(key, `an alarm needs ${key} (or Metrics, a list of metric queries)`, { code: 'alarm.propertyMissing', params: { property: key } });
        }
        if (!p.Statistic && !p.ExtendedStatistic) report('Statistic', 'give Statistic (Average, Sum, …) or ExtendedStatistic (p99)', { code: 'alarm.statisticMissing' });
      }
      // PutMetricAlarm: a band comparison takes ThresholdMetricId, the others a Threshold.
      const band = (BAND_OPERATORS as readonly string[]).includes(p.ComparisonOperator);
      if (band && p.ThresholdMetricId === undefined) report('ThresholdMetricId', `${p.ComparisonOperator} compares with an anomaly detection band: give ThresholdMetricId`, { code: 'alarm.thresholdMetricIdMissing', params: { operator: p.ComparisonOperator } });
      if (!band && p.Threshold === undefined) report('Threshold', 'an alarm needs Threshold', { code: 'alarm.thresholdMissing' });
      const periodSeconds = alarmPeriod(p);
      if (periodSeconds % 60 !== 0 && ![10, 20, 30].includes(periodSeconds)) report('Period', `Period ${periodSeconds} must be 10, 20, 30 or a multiple of 60`, { code: 'alarm.periodInvalid', params: { period: periodSeconds } });
      if (periodSeconds < 60) report('Period', 'the simulator publishes metrics at 60 s; use a Period that is a multiple of 60', { code: 'alarm.periodBelowMinute' });
      const evaluation = p.EvaluationPeriods;
      const datapoints = p.DatapointsToAlarm;
      // API_PutMetricAlarm: the evaluation span can be no longer than one day.
      if (evaluation * periodSeconds > 86_400) report('EvaluationPeriods', `EvaluationPeriods × Period is ${evaluation * periodSeconds} s; AWS allows at most 86400 s (one day)`, { code: 'alarm.evaluationTooLong', params: { seconds: evaluation * periodSeconds } });
      if (datapoints !== undefined && (datapoints < 1 || datapoints > evaluation)) report('DatapointsToAlarm', `DatapointsToAlarm ${datapoints} must be between 1 and EvaluationPeriods ${evaluation}`, { code: 'alarm.datapointsOutOfRange', params: { datapoints, evaluation } });
    },
    ref: (id) => id.name,
    attributes: { Arn: (id) => `arn:aws:cloudwatch:${id.region}:${id.accountId}:alarm:${id.name}` },
  },
};
