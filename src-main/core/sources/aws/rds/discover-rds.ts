/**
 * RDS DB instances with their primary / Multi-AZ standby / read-replica topology, and RDS events.
 * docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBInstances.html,
 * API_DescribeEvents.html (events are kept 14 days; without StartTime the API returns the last hour).
 */
import { paginateDescribeDBInstances, paginateDescribeEvents, type DBInstance, type RDSClient } from '@aws-sdk/client-rds';
import type { DbInstance, RdsEvent } from '../../../contract/model';
import { compact, iso } from '../iso';

export function toDbInstance(db: DBInstance): DbInstance {
  return compact({
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
  });
}

export async function discoverDbInstances(client: RDSClient): Promise<DbInstance[]> {
  const instances: DbInstance[] = [];
  for await (const page of paginateDescribeDBInstances({ client }, {})) instances.push(...(page.DBInstances ?? []).map(toDbInstance));
  return instances;
}

export async function discoverRdsEvents(client: RDSClient, since: Date, until: Date): Promise<RdsEvent[]> {
  const events: RdsEvent[] = [];
  for await (const page of paginateDescribeEvents({ client }, { SourceType: 'db-instance', StartTime: since, EndTime: until })) {
    for (const event of page.Events ?? []) {
      const message = event.Message ?? '';
      events.push(
        compact({
          sourceIdentifier: event.SourceIdentifier ?? '',
          sourceType: event.SourceType ?? 'db-instance',
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
