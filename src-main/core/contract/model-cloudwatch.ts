/** CloudWatch metric alarms (DescribeAlarms, DescribeAlarmHistory). */
import { z } from 'zod';
import { Dimensions, IsoTime } from './model-common';

export const AlarmState = z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
export type AlarmState = z.infer<typeof AlarmState>;

export const MetricAlarm = z.object({
  alarmName: z.string().min(1),
  alarmArn: z.string().optional(),
  alarmDescription: z.string().optional(),
  namespace: z.string().optional(),
  metricName: z.string().optional(),
  dimensions: Dimensions.default({}),
  statistic: z.string().optional(),
  period: z.number().int().optional(),
  evaluationPeriods: z.number().int(),
  datapointsToAlarm: z.number().int().optional(),
  threshold: z.number().optional(),
  comparisonOperator: z.string(),
  treatMissingData: z.string().optional(),
  alarmActions: z.array(z.string()),
  stateValue: AlarmState,
  stateReason: z.string(),
  stateUpdatedTimestamp: IsoTime,
});
export type MetricAlarm = z.infer<typeof MetricAlarm>;

export const AlarmHistoryItem = z.object({
  alarmName: z.string(),
  timestamp: IsoTime,
  oldState: AlarmState,
  newState: AlarmState,
  reason: z.string(),
});
export type AlarmHistoryItem = z.infer<typeof AlarmHistoryItem>;
