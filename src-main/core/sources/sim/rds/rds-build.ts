/**
 * A simulated DB instance built from its scenario resource (or a new read replica): CloudFormation's
 * defaults, and what a replica inherits from its source.
 */
import type { Random } from '../kernel/random';
import { availabilityZonesOf, type LoadedResource } from '../scenario/load-scenario';
import { capacityOf, type StorageType } from './capacity';
import { DEFAULT_PORTS, engineFamily } from './engines';
import { DEFAULT_BACKUP_WINDOW, emptyLoad, type SimDbInstance } from './rds-instance';
import { dbInstanceArn, dbInstanceIdentifierOf, DEFAULT_ALLOCATED_STORAGE, DEFAULT_BACKUP_RETENTION, endpointAddress, parseBackupWindow, parseMaintenanceWindow, windowsOverlap, type DbInstanceProperties } from './resource-types';

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
    backupWindow: p.PreferredBackupWindow !== undefined ? parseBackupWindow(p.PreferredBackupWindow)! : defaultBackupWindow(p.PreferredMaintenanceWindow),
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

/**
 * The default backup window, moved an hour at a time past a maintenance window it would overlap:
 * RDS never assigns a backup window that overlaps the maintenance window (USER_ManagingAutomatedBackups).
 */
function defaultBackupWindow(maintenanceWindow: string | undefined): { startSecondOfDay: number; durationSeconds: number } {
  const window = parseBackupWindow(DEFAULT_BACKUP_WINDOW)!;
  const maintenance = maintenanceWindow === undefined ? undefined : parseMaintenanceWindow(maintenanceWindow);
  if (!maintenance) return window;
  for (let hours = 0; hours < 24; hours++) {
    const candidate = { ...window, startSecondOfDay: (window.startSecondOfDay + hours * 3600) % 86_400 };
    if (!windowsOverlap(candidate, maintenance)) return candidate;
  }
  return window;
}
