/**
 * Automated backups, DB snapshots and point-in-time restore (RDSB-n in docs/aws-behaviour.md).
 * docs.aws.amazon.com/AmazonRDS/latest/UserGuide/…
 * - USER_WorkingWithAutomatedBackups.html / USER_ManagingAutomatedBackups.html: a daily snapshot in the
 *   backup window, kept for the retention period (1–35 days; 0 turns backups off), plus transaction
 *   logs, which make any second between the earliest restorable time and LatestRestorableTime
 *   restorable; automated snapshots are named `rds:<instance>-<yyyy-mm-dd-hh-mm>`.
 * - USER_PIT.html: "LatestRestorableTime … typically within the last 5 minutes" (logs uploaded every
 *   5 minutes); the restore creates a NEW DB instance with a new endpoint, Single-AZ unless asked.
 * - USER_CreateSnapshot.html: a manual snapshot puts the instance in `backing-up`; on a Single-AZ
 *   instance I/O is suspended briefly; manual snapshots are kept until deleted (no retention).
 * - USER_Events.Messages.html, DB snapshot events: RDS-EVENT-0040 / 0042 (manual), 0090 / 0091
 *   (automated); DB instance events: RDS-EVENT-0019 "Restored from DB instance … to …".
 * Durations AWS does not publish are ours (rds-instance.ts), documented in docs/scenario-format.md.
 */
import type { ActionOf, DbSnapshot } from '../../../contract/model';
import { restoreRefusal, restoreTimeOf, snapshotRefusal } from '../../../rules';
import type { LoadedResource } from '../scenario/load-scenario';
import { dbInstanceModel } from './rds-actions';
import { RDS_EVENTS, type RdsEventTemplate } from './rds-events';
import {
  BACKUP_IO_SUSPENSION_SECONDS,
  DAY_MS,
  LOG_REPLAY_SPEEDUP,
  LOG_UPLOAD_SECONDS,
  refusedBy,
  RESTORE_BASE_SECONDS,
  RESTORE_SECONDS_PER_GIB,
  SNAPSHOT_BASE_SECONDS,
  SNAPSHOT_SECONDS_PER_GIB,
  type RdsInternals,
  type SimDbInstance,
  type SimDbSnapshot,
} from './rds-instance';
import { DB_INSTANCE_TYPE, type DbInstanceProperties } from './resource-types';
import { backupSuspendsIo } from './engines';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `rds:<instance>-yyyy-mm-dd-hh-mm`, as RDS names automated snapshots. */
export function automatedSnapshotId(instance: string, atMs: number): string {
  const d = new Date(atMs);
  return `rds:${instance}-${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}`;
}

export const snapshotSeconds = (allocatedStorageGiB: number): number => SNAPSHOT_BASE_SECONDS + allocatedStorageGiB * SNAPSHOT_SECONDS_PER_GIB;

export function restoreSeconds(allocatedStorageGiB: number, logSecondsToReplay: number): number {
  return RESTORE_BASE_SECONDS + allocatedStorageGiB * RESTORE_SECONDS_PER_GIB + Math.max(0, logSecondsToReplay) / LOG_REPLAY_SPEEDUP;
}

function snapshotEvent(rds: RdsInternals, snapshot: SimDbSnapshot, template: RdsEventTemplate): void {
  rds.ctx.recordRdsEvent({ sourceIdentifier: snapshot.identifier, sourceType: 'db-snapshot', message: template.message, eventCategories: [...template.eventCategories], eventId: template.eventId });
}

function newSnapshot(rds: RdsInternals, instance: SimDbInstance, identifier: string, type: SimDbSnapshot['type'], readyAt: number): SimDbSnapshot {
  const [, , , region, account] = instance.arn.split(':');
  const snapshot: SimDbSnapshot = {
    identifier,
    instance: instance.identifier,
    arn: `arn:aws:rds:${region}:${account}:snapshot:${identifier}`,
    type,
    status: readyAt <= rds.ctx.now ? 'available' : 'creating',
    createTime: rds.ctx.now,
    readyAt,
    allocatedStorage: instance.allocatedStorage,
    engine: instance.engine,
    tagCount: instance.copyTagsToSnapshot ? instance.tagCount : 0,
  };
  rds.snapshots.set(identifier, snapshot);
  return snapshot;
}

/** The oldest automated snapshot kept: the earliest time a point-in-time restore can go to. */
export function earliestRestorableTime(rds: Pick<RdsInternals, 'snapshots'>, instance: string): number | undefined {
  let earliest: number | undefined;
  for (const s of rds.snapshots.values()) if (s.instance === instance && s.type === 'automated' && s.status === 'available' && (earliest === undefined || s.createTime < earliest)) earliest = s.createTime;
  return earliest;
}

/**
 * An instance that exists when the scenario starts (or has just been restored) with backups on has
 * its first automated backup then, and is restorable from that moment: RDS takes the first backup
 * of a new instance right away. Taken as already done, without events, for a scenario's instances.
 */
export function seedBackups(rds: RdsInternals, instance: SimDbInstance): void {
  if (instance.backupRetentionPeriod === 0) return;
  newSnapshot(rds, instance, automatedSnapshotId(instance.identifier, rds.ctx.now), 'automated', rds.ctx.now);
  instance.latestRestorableTime = rds.ctx.now;
  instance.earliestRestorableTime = rds.ctx.now;
}

/**
 * Every 5 minutes (on the clock's 5-minute marks) the transaction logs of every instance with
 * backups are uploaded: LatestRestorableTime moves up to that moment.
 */
export function scheduleLogUploads(rds: RdsInternals): void {
  const period = LOG_UPLOAD_SECONDS * 1000;
  const upload = () => {
    rds.ctx.schedule(rds.ctx.now + period, upload);
    let changed = false;
    for (const instance of rds.instances.values()) {
      if (instance.backupRetentionPeriod === 0 || instance.status === 'creating' || instance.latestRestorableTime === undefined) continue;
      instance.latestRestorableTime = rds.ctx.now;
      changed = true;
    }
    if (changed) rds.ctx.inventoryChanged();
  };
  rds.ctx.schedule(rds.ctx.now - (rds.ctx.now % period) + period, upload);
}

/** The daily automated backup starts: its snapshot is `creating` (RDS-EVENT-0090). */
export function startAutomatedSnapshot(rds: RdsInternals, instance: SimDbInstance, readyAt: number): SimDbSnapshot {
  const snapshot = newSnapshot(rds, instance, automatedSnapshotId(instance.identifier, rds.ctx.now), 'automated', readyAt);
  snapshotEvent(rds, snapshot, RDS_EVENTS.automatedSnapshotCreating);
  return snapshot;
}

/** The backup is done: the snapshot is available (RDS-EVENT-0091) and backups older than the retention period are deleted. */
export function finishAutomatedSnapshot(rds: RdsInternals, instance: SimDbInstance, snapshot: SimDbSnapshot): void {
  snapshot.status = 'available';
  snapshotEvent(rds, snapshot, RDS_EVENTS.automatedSnapshotCreated);
  if (instance.latestRestorableTime === undefined) instance.latestRestorableTime = snapshot.createTime;
  pruneAutomatedBackups(rds, instance);
}

/**
 * Retention: any second of the last BackupRetentionPeriod days stays restorable, so the newest
 * automated snapshot taken before that cutoff stays too (a restore to the cutoff starts from it);
 * the older ones are deleted.
 */
export function pruneAutomatedBackups(rds: RdsInternals, instance: SimDbInstance): void {
  const cutoff = rds.ctx.now - instance.backupRetentionPeriod * DAY_MS;
  const own = [...rds.snapshots.values()].filter((s) => s.instance === instance.identifier && s.type === 'automated' && s.status === 'available');
  const base = own.filter((s) => s.createTime < cutoff).reduce<SimDbSnapshot | undefined>((a, s) => (a === undefined || s.createTime > a.createTime ? s : a), undefined);
  for (const s of own) if (s !== base && s.createTime < cutoff) rds.snapshots.delete(s.identifier);
  instance.earliestRestorableTime = earliestRestorableTime(rds, instance.identifier);
}

/** The contract's DbSnapshot (DescribeDBSnapshots). */
export function dbSnapshotModel(snapshot: SimDbSnapshot, nowMs: number): DbSnapshot {
  const span = snapshot.readyAt - snapshot.createTime;
  const progress = snapshot.status === 'available' || span <= 0 ? 100 : Math.min(99, Math.floor(((nowMs - snapshot.createTime) / span) * 100));
  return {
    dbSnapshotIdentifier: snapshot.identifier,
    dbInstanceIdentifier: snapshot.instance,
    dbSnapshotArn: snapshot.arn,
    snapshotType: snapshot.type,
    status: snapshot.status,
    snapshotCreateTime: new Date(snapshot.createTime).toISOString(),
    percentProgress: progress,
    allocatedStorage: snapshot.allocatedStorage,
    engine: snapshot.engine,
    tagCount: snapshot.tagCount,
  };
}

function snapshotModelById(rds: RdsInternals, identifier: string): DbSnapshot | undefined {
  const snapshot = rds.snapshots.get(identifier.toLowerCase());
  return snapshot ? dbSnapshotModel(snapshot, rds.ctx.now) : undefined;
}

/** CreateDBSnapshot (RDSB-4): refused as the shared rules say; the instance is `backing-up` until the snapshot is available. */
export function createDBSnapshot(rds: RdsInternals, action: ActionOf<'CreateDBSnapshot'>): string {
  const instance = rds.instances.get(action.dbInstanceIdentifier.toLowerCase());
  const refusal = snapshotRefusal({ db: instance ? dbInstanceModel(instance) : undefined, snapshot: snapshotModelById(rds, action.dbSnapshotIdentifier), nowMs: rds.ctx.now }, action);
  if (refusal) throw refusedBy(refusal);
  const db = rds.require(action.dbInstanceIdentifier);
  const seconds = snapshotSeconds(db.allocatedStorage);
  const generation = rds.begin(db, 'snapshot', 'backing-up');
  if (backupSuspendsIo(db.family, db.multiAZ)) {
    db.ioSuspendedFrom = rds.ctx.now;
    db.ioSuspendedUntil = rds.ctx.now + BACKUP_IO_SUSPENSION_SECONDS * 1000;
  }
  const snapshot = newSnapshot(rds, db, action.dbSnapshotIdentifier.toLowerCase(), 'manual', rds.ctx.now + Math.round(seconds * 1000));
  snapshotEvent(rds, snapshot, RDS_EVENTS.manualSnapshotCreating);
  rds.ctx.schedule(snapshot.readyAt, () => {
    snapshot.status = 'available';
    snapshotEvent(rds, snapshot, RDS_EVENTS.manualSnapshotCreated);
    if (db.generation === generation) rds.finish(db, 'available');
    else rds.ctx.inventoryChanged();
  });
  return `Creating DB snapshot ${snapshot.identifier} of ${db.identifier} (about ${Math.round(seconds)} s for ${db.allocatedStorage} GiB)`;
}

/**
 * RestoreDBInstanceToPointInTime (RDSB-5…7): a new instance from the source's backups, `creating`
 * until the volume is restored and the logs are replayed to the restore time, then `available`
 * with RDS-EVENT-0019 and its own first automated backup. The source is not touched.
 */
export function restoreDBInstanceToPointInTime(rds: RdsInternals, action: ActionOf<'RestoreDBInstanceToPointInTime'>): string {
  const source = rds.instances.get(action.sourceDBInstanceIdentifier.toLowerCase());
  const sourceModel = source ? dbInstanceModel(source) : undefined;
  const existing = rds.instances.get(action.targetDBInstanceIdentifier.toLowerCase());
  const refusal = restoreRefusal({ db: sourceModel, target: existing ? dbInstanceModel(existing) : undefined, nowMs: rds.ctx.now }, action);
  if (refusal) throw refusedBy(refusal);
  const from = rds.require(action.sourceDBInstanceIdentifier);
  const restoreTime = Date.parse(restoreTimeOf(sourceModel, action)!);
  const identifier = action.targetDBInstanceIdentifier.toLowerCase();
  const [, , , region, accountId] = from.arn.split(':');
  const resource: LoadedResource = {
    logicalId: identifier,
    type: DB_INSTANCE_TYPE,
    identity: { logicalId: identifier, name: identifier, hex: rds.random.hex(32), region: region!, accountId: accountId! },
    ref: identifier,
    properties: {},
    metadata: {},
  };
  const { startSecondOfDay, durationSeconds } = from.backupWindow;
  const hhmm = (s: number) => `${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor((s % 3600) / 60))}`;
  const p: DbInstanceProperties = {
    Engine: from.engine,
    EngineVersion: from.engineVersion,
    DBInstanceClass: from.dbInstanceClass,
    AllocatedStorage: from.allocatedStorage,
    StorageType: from.storageType,
    Iops: from.iops,
    Port: from.endpoint.port,
    MultiAZ: action.multiAZ ?? false,
    BackupRetentionPeriod: from.backupRetentionPeriod,
    PreferredBackupWindow: `${hhmm(startSecondOfDay)}-${hhmm(startSecondOfDay + durationSeconds)}`,
    CopyTagsToSnapshot: from.copyTagsToSnapshot,
  };
  const target = rds.buildInstance(resource, p, undefined);
  rds.instances.set(identifier, target);
  rds.recomputeOrder();
  const generation = rds.begin(target, 'restore', 'creating', true);
  const base = latestSnapshotBefore(rds, from.identifier, restoreTime);
  const seconds = restoreSeconds(from.allocatedStorage, (restoreTime - base) / 1000);
  rds.after(target, generation, seconds, () => {
    rds.finish(target, 'available');
    rds.event(target, { ...RDS_EVENTS.restoredFromInstance, message: RDS_EVENTS.restoredFromInstance.message.replace('{source}', from.identifier).replace('{target}', identifier) });
    seedBackups(rds, target);
    rds.scheduleBackups(target);
  });
  return `Restoring ${from.identifier} to ${new Date(restoreTime).toISOString()} as new DB instance ${identifier} (about ${Math.round(seconds / 60)} min)`;
}

/** The automated snapshot a restore to `atMs` starts from (the newest at or before it). */
function latestSnapshotBefore(rds: RdsInternals, instance: string, atMs: number): number {
  let best: number | undefined;
  for (const s of rds.snapshots.values()) if (s.instance === instance && s.type === 'automated' && s.status === 'available' && s.createTime <= atMs && (best === undefined || s.createTime > best)) best = s.createTime;
  return best ?? atMs;
}
