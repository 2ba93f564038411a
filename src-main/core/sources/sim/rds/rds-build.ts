/**
 * A simulated DB instance built from its scenario resource (or a new read replica): CloudFormation's
 * defaults, and what a replica inherits from its source.
 */
import type { Random } from '../kernel/random';
import { availabilityZonesOf, type LoadedResource } from '../scenario/load-scenario';
import { capacityOf, type StorageType } from './capacity';
import { DEFAULT_PORTS, engineFamily } from './engines';
import { DEFAULT_BACKUP_WINDOW, emptyLoad, type SimDbInstance } from './rds-instance';
import { dbInstanceArn, dbInstanceIdentifierOf, DEFAULT_ALLOCATED_STORAGE, DEFAULT_BACKUP_RETENTION, endpointAddress, parseBackupWindow, type DbInstanceProperties } from './resource-types';

export function buildDbInstance(random: Random, now: number, resource: LoadedResource, p: DbInstanceProperties, source: SimDbInstance | undefined): SimDbInstance {
  const identifier = dbInstanceIdentifierOf(resource.identity);
  const { region, accountId } = resource.identity;
  const engine = (p.Engine ?? source?.engine ?? 'mysql').toLowerCase();
  const family = engineFamily(engine) ?? source?.family ?? 'mysql';
  const storageType: StorageType = p.StorageType ?? source?.storageType ?? (p.Iops !== undefined ? 'io1' : 'gp3');
  const allocatedStorage = p.AllocatedStorage ?? source?.allocatedStorage ?? DEFAULT_ALLOCATED_STORAGE;
  const iops = p.Iops ?? (p.StorageType === undefined ? source?.iops : undefined);
  const dbInstanceClass = p.DBInstanceClass ?? source?.dbInstanceClass ?? 'db.m5.large';
  const multiAZ = p.MultiAZ ?? false;
  const zones = availabilityZonesOf(region);
  const availabilityZone = p.AvailabilityZone ?? zones[random.int(zones.length)]!;
  return {
    identifier,
    logicalId: resource.logicalId,
    arn: dbInstanceArn(identifier, region, accountId),
    region,
    endpoint: { address: endpointAddress(identifier, region, accountId), port: p.Port ?? DEFAULT_PORTS[family] },
    dbInstanceClass,
    engine,
    family,
    engineVersion: p.EngineVersion ?? source?.engineVersion,
    multiAZ,
    availabilityZone,
    secondaryAvailabilityZone: multiAZ ? otherZone(random, zones, availabilityZone) : undefined,
    source: source?.identifier,
    replicas: [],
    // CloudFormation's default is 1 day; CreateDBInstanceReadReplica creates replicas with backups off.
    backupRetentionPeriod: p.BackupRetentionPeriod ?? (source ? 0 : DEFAULT_BACKUP_RETENTION),
    backupWindow: parseBackupWindow(p.PreferredBackupWindow ?? DEFAULT_BACKUP_WINDOW)!,
    allocatedStorage,
    storageType,
    iops,
    capacity: capacityOf(dbInstanceClass, storageType, allocatedStorage, iops),
    createTime: now,
    status: 'available',
    down: false,
    generation: 0,
    promoting: false,
    backlogWrites: 0,
    lagOffsetSeconds: 0,
    replicaLag: 0,
    replicationActive: source !== undefined,
    load: emptyLoad(-1, 0),
    committedWrites: 0,
    replayedWrites: 0,
    writesSinceBackup: 0,
    ioSuspendedFrom: 0,
    ioSuspendedUntil: 0,
    backupChain: false,
    tagCount: p.Tags?.length ?? 0,
    copyTagsToSnapshot: p.CopyTagsToSnapshot ?? false,
  };
}

function otherZone(random: Random, zones: string[], primary: string): string {
  const others = zones.filter((z) => z !== primary);
  return others[random.int(others.length)] ?? primary;
}
