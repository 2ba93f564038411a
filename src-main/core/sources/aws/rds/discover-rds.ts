/**
 * RDS DB instances with their primary / Multi-AZ standby / read-replica topology, and RDS events.
 * docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBInstances.html,
 * API_DescribeEvents.html (events are kept 14 days; without StartTime the API returns the last hour).
 */
import { paginateDescribeDBInstances, paginateDescribeDBSnapshots, paginateDescribeEvents, type DBInstance, type DBSnapshot, type RDSClient } from '@aws-sdk/client-rds';
import type { DbInstance, DbSnapshot, RdsEvent } from '../../../contract/model';
import { definedFields } from '../../../defined-fields';
import { iso } from '../iso';

export function toDbInstance(db: DBInstance): DbInstance {
  return definedFields({
    dbInstanceIdentifier: db.DBInstanceIdentifier ?? '',
    dbInstanceArn: db.DBInstanceArn,
    dbInstanceClass: db.DBInstanceClass ?? '',
    engine: db.Engine ?? '',
    engineVersion: db.EngineVersion,
    dbInstanceStatus: db.DBInstanceStatus ?? 'unknown',
    multiAZ: db.MultiAZ ?? false,
    availabilityZone: db.AvailabilityZone,
    secondaryAvailabilityZone: db.SecondaryAvailabilityZone,
    readReplicaSourceDBInstanceIdentifier: db.ReadReplicaSourceDBInstanceIdentifier,
    readReplicaDBInstanceIdentifiers: db.ReadReplicaDBInstanceIdentifiers ?? [],
    preferredBackupWindow: db.PreferredBackupWindow,
    backupRetentionPeriod: db.BackupRetentionPeriod ?? 0,
    endpoint: db.Endpoint?.Address ? { address: db.Endpoint.Address, port: db.Endpoint.Port ?? 0 } : undefined,
    allocatedStorage: db.AllocatedStorage,
    instanceCreateTime: iso(db.InstanceCreateTime),
    latestRestorableTime: db.BackupRetentionPeriod ? iso(db.LatestRestorableTime) : undefined,
    copyTagsToSnapshot: db.CopyTagsToSnapshot,
  });
}

/** API_DBSnapshot as the contract's DbSnapshot. */
export function toDbSnapshot(snapshot: DBSnapshot): DbSnapshot {
  return definedFields({
    dbSnapshotIdentifier: snapshot.DBSnapshotIdentifier ?? '',
    dbInstanceIdentifier: snapshot.DBInstanceIdentifier ?? '',
    dbSnapshotArn: snapshot.DBSnapshotArn,
    snapshotType: snapshot.SnapshotType ?? 'manual',
    status: snapshot.Status ?? 'unknown',
    snapshotCreateTime: iso(snapshot.SnapshotCreateTime),
    percentProgress: snapshot.PercentProgress,
    allocatedStorage: snapshot.AllocatedStorage,
    engine: snapshot.Engine,
    tagCount: snapshot.TagList?.length,
  });
}

/** At most this many snapshots are listed (DescribeDBSnapshots pages of 100): the newest are kept. */
export const MAX_LISTED_SNAPSHOTS = 1000;

/** DescribeDBSnapshots: automated and manual snapshots of the account's DB instances in the Region. */
export async function discoverDbSnapshots(client: RDSClient): Promise<DbSnapshot[]> {
  const snapshots: DbSnapshot[] = [];
  for await (const page of paginateDescribeDBSnapshots({ client }, { MaxRecords: 100 })) {
    snapshots.push(...(page.DBSnapshots ?? []).map(toDbSnapshot));
    if (snapshots.length >= MAX_LISTED_SNAPSHOTS) break;
  }
  return snapshots;
}

/**
 * DescribeDBInstances has LatestRestorableTime but not the earliest: that is the oldest automated
 * snapshot kept (the start of DescribeDBInstanceAutomatedBackups' RestoreWindow).
 */
export function withEarliestRestorableTime(dbInstances: readonly DbInstance[], snapshots: readonly DbSnapshot[]): DbInstance[] {
  const earliest = new Map<string, string>();
  for (const s of snapshots) {
    if (s.snapshotType !== 'automated' || s.status !== 'available' || !s.snapshotCreateTime) continue;
    const current = earliest.get(s.dbInstanceIdentifier);
    if (current === undefined || Date.parse(s.snapshotCreateTime) < Date.parse(current)) earliest.set(s.dbInstanceIdentifier, s.snapshotCreateTime);
  }
  return dbInstances.map((db) => {
    const time = db.backupRetentionPeriod > 0 ? earliest.get(db.dbInstanceIdentifier) : undefined;
    return time ? { ...db, earliestRestorableTime: time } : db;
  });
}

export async function discoverDbInstances(client: RDSClient): Promise<DbInstance[]> {
  const instances: DbInstance[] = [];
  for await (const page of paginateDescribeDBInstances({ client }, {})) instances.push(...(page.DBInstances ?? []).map(toDbInstance));
  return instances;
}

/** Instance events, and snapshot events (RDS-EVENT-0040/0042/0090/0091: RDSB-8), which RDS files under their own source type. */
const EVENT_SOURCE_TYPES = ['db-instance', 'db-snapshot'] as const;

export async function discoverRdsEvents(client: RDSClient, since: Date, until: Date): Promise<RdsEvent[]> {
  const events: RdsEvent[] = [];
  for (const sourceType of EVENT_SOURCE_TYPES) events.push(...(await discoverEventsOf(client, sourceType, since, until)));
  return events.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

async function discoverEventsOf(client: RDSClient, sourceType: (typeof EVENT_SOURCE_TYPES)[number], since: Date, until: Date): Promise<RdsEvent[]> {
  const events: RdsEvent[] = [];
  for await (const page of paginateDescribeEvents({ client }, { SourceType: sourceType, StartTime: since, EndTime: until })) {
    for (const event of page.Events ?? []) {
      const message = event.Message ?? '';
      events.push(
        definedFields({
          sourceIdentifier: event.SourceIdentifier ?? '',
          sourceType: event.SourceType ?? sourceType,
          date: iso(event.Date) ?? until.toISOString(),
          message,
          eventCategories: event.EventCategories ?? [],
          eventId: /RDS-EVENT-\d{4}/.exec(message)?.[0],
        }),
      );
    }
  }
  return events;
}
