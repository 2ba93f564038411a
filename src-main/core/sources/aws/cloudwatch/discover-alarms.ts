/**
 * CloudWatch metric alarms and their state history (DescribeAlarms, DescribeAlarmHistory with
 * HistoryItemType=StateUpdate; HistoryData is a JSON document with oldState/newState).
 * docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html
 */
import { paginateDescribeAlarmHistory, paginateDescribeAlarms, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { AlarmState, type AlarmHistoryItem, type MetricAlarm } from '../../../contract/model';
import { definedFields } from '../../../defined-fields';
import { iso } from '../iso';

export async function discoverAlarms(client: CloudWatchClient): Promise<MetricAlarm[]> {
  const alarms: MetricAlarm[] = [];
  for await (const page of paginateDescribeAlarms({ client }, { AlarmTypes: ['MetricAlarm'] })) {
    for (const a of page.MetricAlarms ?? []) {
      alarms.push(
        definedFields({
          alarmName: a.AlarmName ?? '',
          alarmArn: a.AlarmArn,
          alarmDescription: a.AlarmDescription,
          namespace: a.Namespace,
          metricName: a.MetricName,
          dimensions: Object.fromEntries((a.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? ''])),
          statistic: a.Statistic ?? a.ExtendedStatistic,
          period: a.Period,
          evaluationPeriods: a.EvaluationPeriods ?? 1,
          datapointsToAlarm: a.DatapointsToAlarm,
          threshold: a.Threshold,
          comparisonOperator: a.ComparisonOperator ?? '',
          treatMissingData: a.TreatMissingData,
          alarmActions: a.AlarmActions ?? [],
          stateValue: AlarmState.catch('INSUFFICIENT_DATA').parse(a.StateValue),
          stateReason: a.StateReason ?? '',
          stateUpdatedTimestamp: iso(a.StateUpdatedTimestamp) ?? new Date(0).toISOString(),
        }),
      );
    }
  }
  return alarms;
}

export function parseHistoryData(text: string | undefined): { oldState?: string; newState?: string } {
  try {
    const data = JSON.parse(text ?? '{}') as { oldState?: { stateValue?: string }; newState?: { stateValue?: string } };
    return { oldState: data.oldState?.stateValue, newState: data.newState?.stateValue };
  } catch {
    return {};
  }
}

export async function discoverAlarmHistory(client: CloudWatchClient, since: Date, until: Date): Promise<AlarmHistoryItem[]> {
  const items: AlarmHistoryItem[] = [];
  for await (const page of paginateDescribeAlarmHistory({ client }, { HistoryItemType: 'StateUpdate', StartDate: since, EndDate: until, ScanBy: 'TimestampAscending' })) {
    for (const item of page.AlarmHistoryItems ?? []) {
      const states = parseHistoryData(item.HistoryData);
      const oldState = AlarmState.safeParse(states.oldState);
      const newState = AlarmState.safeParse(states.newState);
      if (!oldState.success || !newState.success) continue;
      items.push({ alarmName: item.AlarmName ?? '', timestamp: iso(item.Timestamp) ?? until.toISOString(), oldState: oldState.data, newState: newState.data, reason: item.HistorySummary ?? '' });
    }
  }
  return items;
}
