/**
 * A ReplicaLag value is the lag now only while its datapoint is recent (review of AWS mode: the only
 * ReplicaLag point was from 23:14, and at 23:33 the Promote dialog said "Replica is caught up —
 * ReplicaLag 4 s" with no age). RDS sends metrics to CloudWatch every minute
 * (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/monitoring-cloudwatch.html): an older point is
 * passed on as stale, and the promote pre-flight says the lag is unknown and how old the value is.
 */
import { describe, expect, it } from 'vitest';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { AwsActionBackend } from '@main/core/sources/aws/actions/aws-action-backend';
import { MetricPoller } from '@main/core/sources/aws/metrics/metric-poller';
import { REPLICA_LAG_MAX_AGE_SECONDS, withReplicaLag } from '@main/core/sources/aws/polling/replica-lag';
import { CallGate } from '@main/core/sources/aws/throttle/call-gate';
import { manualClock } from '@main/core/sources/aws/throttle/time';
import { dbInstanceMetrics } from '@main/core/metric-catalog';
import type { DbInstance } from '@main/core/contract';
import { mockedClients } from '../../../../../helpers/aws-mocks';

const at = (hh: number, mm: number) => Date.UTC(2026, 11, 7, hh, mm);
const REPLICA: DbInstance = { dbInstanceIdentifier: 'orders-r1', dbInstanceClass: 'db.t3.micro', engine: 'postgres', dbInstanceStatus: 'available', multiAZ: false, readReplicaSourceDBInstanceIdentifier: 'orders', readReplicaDBInstanceIdentifiers: [], backupRetentionPeriod: 1 };

/** A MetricPoller that read one ReplicaLag datapoint (period start `pointMs`, value `value`) when polled. */
async function pollerWithPoint(pointMs: number, value: number): Promise<MetricPoller> {
  const client = { send: async () => ({ MetricDataResults: [{ Id: 'm0', Timestamps: [new Date(pointMs)], Values: [value], StatusCode: 'Complete' }] }) };
  const poller = new MetricPoller(client as never);
  await poller.poll(dbInstanceMetrics('orders-r1', true).filter((key) => key.metricName === 'ReplicaLag'), pointMs + 60_000);
  return poller;
}

describe('ReplicaLag is current only while its datapoint is recent', () => {
  it('a point of the last minutes is the lag; one older than the bound is stale, with its value and time', async () => {
    const poller = await pollerWithPoint(at(23, 13), 4);
    expect(withReplicaLag([REPLICA], poller, at(23, 16))[0]).toMatchObject({ replicaLagSeconds: 4 });
    const late = withReplicaLag([REPLICA], poller, at(23, 33))[0]!;
    expect(late.replicaLagSeconds).toBeUndefined();
    expect(late.staleReplicaLag).toEqual({ seconds: 4, time: new Date(at(23, 14)).toISOString() });
    // The bound counts from the end of the point's period.
    expect(withReplicaLag([REPLICA], poller, at(23, 14) + REPLICA_LAG_MAX_AGE_SECONDS * 1000)[0]!.replicaLagSeconds).toBe(4);
    expect(withReplicaLag([REPLICA], poller, at(23, 14) + REPLICA_LAG_MAX_AGE_SECONDS * 1000 + 1)[0]!.replicaLagSeconds).toBeUndefined();
  });

  it('a held instance loses its lag when the point grows old (the cloudwatch poll maps held instances)', async () => {
    const poller = await pollerWithPoint(at(23, 13), 4);
    const held = withReplicaLag([REPLICA], poller, at(23, 15));
    const later = withReplicaLag(held, poller, at(23, 40));
    expect(later[0]).not.toHaveProperty('replicaLagSeconds');
    expect(later[0]!.staleReplicaLag?.seconds).toBe(4);
    // Unchanged → the same object (no inventory delta).
    expect(withReplicaLag(later, poller, at(23, 41))[0]).toBe(later[0]);
  });

  it('the promote pre-flight says the lag is unknown and how old the last value is — not "caught up"', async () => {
    const clock = manualClock(at(23, 33));
    const { clients, stubs } = mockedClients({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), endpoints: {}, gate: new CallGate({ clock }) });
    stubs.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'orders-r1', DBInstanceStatus: 'available', ReadReplicaSourceDBInstanceIdentifier: 'orders', BackupRetentionPeriod: 1 }] });
    const backend = new AwsActionBackend(clients, clock, await pollerWithPoint(at(23, 13), 4));
    const stale = await backend.preflight({ type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' });
    expect(stale.checks.find((c) => c.code.startsWith('replica-lag.'))).toEqual({ code: 'replica-lag.stale', status: 'warn', params: { source: 'orders', seconds: 4, minutes: 19 } });
    // Nor does it promise a loss of 4 s of writes it cannot know.
    expect(stale.consequences.map((c) => c.code)).not.toContain('promote.lag-loss');
  });

  it('a recent point still gives the lag in the pre-flight', async () => {
    const clock = manualClock(at(23, 16));
    const { clients, stubs } = mockedClients({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), endpoints: {}, gate: new CallGate({ clock }) });
    stubs.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'orders-r1', DBInstanceStatus: 'available', ReadReplicaSourceDBInstanceIdentifier: 'orders', BackupRetentionPeriod: 1 }] });
    const backend = new AwsActionBackend(clients, clock, await pollerWithPoint(at(23, 13), 4));
    const fresh = await backend.preflight({ type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' });
    expect(fresh.checks.find((c) => c.code.startsWith('replica-lag.'))).toEqual({ code: 'replica-lag.behind', status: 'warn', params: { source: 'orders', seconds: 4 } });
  });
});
