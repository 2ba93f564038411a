/**
 * rds: DB instances (with the replica lag last read from CloudWatch), their snapshots (automated and
 * manual, DescribeDBSnapshots: the earliest restorable time comes from them) and RDS events since
 * the last poll.
 */
import type { RdsEvent } from '../../../contract/model';
import type { MetricPoller } from '../metrics/metric-poller';
import { discoverDbInstances, discoverDbSnapshots, discoverRdsEvents, withEarliestRestorableTime } from '../rds/discover-rds';
import type { DatasetPoller, DatasetResult, PollContext } from './dataset-poller';
import { EventHistory } from './event-history';
import { withReplicaLag } from './replica-lag';

export class RdsPoller implements DatasetPoller {
  readonly events = new EventHistory('rdsEvents', (e: RdsEvent) => `${e.sourceIdentifier}|${e.date}|${e.message}`);
  private since: number;

  constructor(
    private readonly metrics: MetricPoller,
    historyStart: number,
  ) {
    this.since = historyStart;
  }

  async poll({ clients, now, optional }: PollContext): Promise<DatasetResult> {
    // The lag is kept from the last metric poll, so that it does not blink out between two of them.
    const described = withReplicaLag(await discoverDbInstances(clients.rds), this.metrics, now);
    // Snapshots are optional: a policy without rds:DescribeDBSnapshots still shows the instances.
    const snapshots = await optional(() => discoverDbSnapshots(clients.rds));
    const dbInstances = snapshots ? withEarliestRestorableTime(described, snapshots) : described;
    const part = snapshots ? { dbInstances, dbSnapshots: snapshots } : { dbInstances };
    const read = await optional(() => discoverRdsEvents(clients.rds, new Date(this.since), new Date(now)));
    if (!read) return { part };
    // Overlap a minute: RDS may record an event with a time slightly before it becomes visible.
    this.since = now - 60_000;
    return { part, events: { rdsEvents: this.events.take(read) } };
  }

  forget(): void {
    this.events.clear();
  }
}
