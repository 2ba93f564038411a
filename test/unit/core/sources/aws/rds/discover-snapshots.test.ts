/**
 * RDSB-9 (the part moto does not answer): DescribeDBInstances' LatestRestorableTime and
 * CopyTagsToSnapshot, DescribeDBSnapshots mapped to the contract, and the earliest restorable time
 * taken from the oldest available automated snapshot (API_DBInstance, API_DBSnapshot).
 */
import { describe, expect, it } from 'vitest';
import { DescribeDBSnapshotsCommand, DescribeEventsCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { discoverDbSnapshots, discoverRdsEvents, toDbInstance, toDbSnapshot, withEarliestRestorableTime } from '@main/core/sources/aws/rds/discover-rds';

describe('RDSB-9 AWS mode reads the restorable window and the snapshots', () => {
  it('RDSB-9 LatestRestorableTime only when backups are on; the earliest from the oldest available automated snapshot', () => {
    const on = toDbInstance({ DBInstanceIdentifier: 'orders', BackupRetentionPeriod: 7, LatestRestorableTime: new Date('2026-06-01T11:55:00Z'), CopyTagsToSnapshot: true, PreferredBackupWindow: '03:00-03:30' });
    const off = toDbInstance({ DBInstanceIdentifier: 'scratch', BackupRetentionPeriod: 0, LatestRestorableTime: new Date('2026-06-01T11:55:00Z') });
    expect(on).toMatchObject({ latestRestorableTime: '2026-06-01T11:55:00.000Z', copyTagsToSnapshot: true, preferredBackupWindow: '03:00-03:30', backupRetentionPeriod: 7 });
    expect(off.latestRestorableTime).toBeUndefined();
    const snapshots = [
      toDbSnapshot({ DBSnapshotIdentifier: 'rds:orders-2026-05-30-03-00', DBInstanceIdentifier: 'orders', SnapshotType: 'automated', Status: 'available', SnapshotCreateTime: new Date('2026-05-30T03:00:00Z') }),
      toDbSnapshot({ DBSnapshotIdentifier: 'rds:orders-2026-05-29-03-00', DBInstanceIdentifier: 'orders', SnapshotType: 'automated', Status: 'creating', SnapshotCreateTime: new Date('2026-05-29T03:00:00Z') }),
      toDbSnapshot({ DBSnapshotIdentifier: 'old-manual', DBInstanceIdentifier: 'orders', SnapshotType: 'manual', Status: 'available', SnapshotCreateTime: new Date('2025-01-01T00:00:00Z'), PercentProgress: 100, TagList: [{ Key: 'a', Value: 'b' }] }),
    ];
    expect(snapshots[2]).toEqual({ dbSnapshotIdentifier: 'old-manual', dbInstanceIdentifier: 'orders', snapshotType: 'manual', status: 'available', snapshotCreateTime: '2025-01-01T00:00:00.000Z', percentProgress: 100, tagCount: 1 });
    const [withWindow, withoutBackups] = withEarliestRestorableTime([on, off], snapshots);
    expect(withWindow!.earliestRestorableTime).toBe('2026-05-30T03:00:00.000Z');
    expect(withoutBackups!.earliestRestorableTime).toBeUndefined();
  });

  it('RDSB-9 DescribeDBSnapshots is paged and bounded', async () => {
    const client = new RDSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const stub = mockClient(client);
    let page = 0;
    stub.on(DescribeDBSnapshotsCommand).callsFake(() => {
      page++;
      return { DBSnapshots: Array.from({ length: 100 }, (_, i) => ({ DBSnapshotIdentifier: `s-${page}-${i}`, DBInstanceIdentifier: 'orders', SnapshotType: 'manual', Status: 'available' })), Marker: `m${page}` };
    });
    const listed = await discoverDbSnapshots(client);
    expect(listed).toHaveLength(1000);
    expect(page).toBe(10);
    client.destroy();
  });

  it('RDSB-8 RDSB-9 snapshot events are read with the instance events (DescribeEvents per source type), oldest first', async () => {
    const client = new RDSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const stub = mockClient(client);
    stub.on(DescribeEventsCommand, { SourceType: 'db-instance' }).resolves({ Events: [{ SourceIdentifier: 'orders', SourceType: 'db-instance', Date: new Date('2026-06-01T03:00:00Z'), Message: 'Backing up DB instance', EventCategories: ['backup'] }] });
    stub.on(DescribeEventsCommand, { SourceType: 'db-snapshot' }).resolves({ Events: [{ SourceIdentifier: 'before-upgrade', SourceType: 'db-snapshot', Date: new Date('2026-06-01T02:00:00Z'), Message: 'Manual snapshot created', EventCategories: ['creation'] }] });
    const events = await discoverRdsEvents(client, new Date('2026-06-01T00:00:00Z'), new Date('2026-06-01T04:00:00Z'));
    expect(events.map((e) => [e.sourceType, e.sourceIdentifier])).toEqual([
      ['db-snapshot', 'before-upgrade'],
      ['db-instance', 'orders'],
    ]);
    client.destroy();
  });
});
