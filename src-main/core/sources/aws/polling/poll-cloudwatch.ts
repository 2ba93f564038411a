/** cloudwatch: alarms, their history since the last poll, and the metrics of everything the inventory holds. */
import type { AlarmHistoryItem } from '../../../contract/model';
import { discoverAlarmHistory, discoverAlarms } from '../cloudwatch/discover-alarms';
import type { CapacitySamples } from '../metrics/capacity-samples';
import type { MetricPoller } from '../metrics/metric-poller';
import { standardMetricKeys } from '../metrics/standard-metrics';
import type { DatasetPoller, DatasetResult, PollContext } from './dataset-poller';
import { EventHistory } from './event-history';
import { withReplicaLag } from './replica-lag';

export class CloudWatchPoller implements DatasetPoller {
  readonly history = new EventHistory('alarmHistory', (h: AlarmHistoryItem) => `${h.alarmName}|${h.timestamp}|${h.newState}`);
  private since: number;

  constructor(
    private readonly metrics: MetricPoller,
    private readonly capacity: CapacitySamples,
    historyStart: number,
  ) {
    this.since = historyStart;
  }

  async poll({ clients, now, held, optional, partial }: PollContext): Promise<DatasetResult> {
    const alarms = await discoverAlarms(clients.cloudwatch);
    const read = await optional(() => discoverAlarmHistory(clients.cloudwatch, new Date(this.since), new Date(now)));
    const alarmHistory = read ? this.history.take(read) : [];
    if (read) this.since = now - 60_000;
    // Group metrics a group does not collect have no CloudWatch data: they are sampled instead.
    const keys = standardMetricKeys(held()).filter((key) => !this.capacity.has(key));
    const metrics = await this.metrics.poll(keys, now);
    partial.push(...this.metrics.lastFailures);
    // The replicas' lag is a metric: the DB instances change with it (held() is read after the awaits).
    return { part: { alarms, dbInstances: withReplicaLag(held().dbInstances, this.metrics, now) }, events: { metrics, alarmHistory } };
  }

  forget(): void {
    this.history.clear();
  }
}
