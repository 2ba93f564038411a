/**
 * Pre-flight checks, consequences and refusals of the RDS control actions, as functions of the
 * contract's DbInstance. Which behaviour won where the simulator and the AWS backend disagreed, and
 * why: docs/rules.md.
 * - PromoteReadReplica: docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_PromoteReadReplica.html
 *   (not while `backing-up`; BackupRetentionPeriod defaults to 1 and "can't be set to 0 if the DB
 *   instance is a source to read replicas") and UserGuide/USER_ReadRepl.Promote.html (stop writes on
 *   the source and wait until the replica has applied them: any ReplicaLag above 0 loses writes).
 * - RebootDBInstance: API_RebootDBInstance.html (ForceFailover only on a Multi-AZ instance; the
 *   instance must be `available`), Concepts.MultiAZ.html (failover typically 60–120 s).
 */
import { isValidRdsIdentifier, MAX_DB_INSTANCE_IDENTIFIER, MAX_DB_SNAPSHOT_IDENTIFIER, type ActionOf, type DbInstance, type DbSnapshot, type PreflightCheck, type Refusal } from '../contract/model';
import { check, consequence, refusalOf, summary, tenths, type Preflight } from './verdicts';

/** PromoteReadReplica's BackupRetentionPeriod when the request leaves it out (API_PromoteReadReplica "Default: 1"). */
export const PROMOTION_DEFAULT_RETENTION_DAYS = 1;
/** Warn when the replica's daily backup window opens within this many minutes: a running backup blocks promotion. */
export const BACKUP_WINDOW_WARN_MINUTES = 15;
/** Concepts.MultiAZ.html "Failover process": typically 60–120 seconds. */
export const FAILOVER_SECONDS: readonly [number, number] = [60, 120];

/** What the rules read: the instance (absent when it does not exist), its source, the time. */
export interface DbActionState {
  db: DbInstance | undefined;
  /** The instance `db` replicates from, when known (for the consequences on its other replicas). */
  source?: DbInstance;
  /** Epoch ms: the simulator's clock, or the wall clock on AWS. */
  nowMs: number;
}

const WINDOW = /^(\d{2}):(\d{2})-\d{2}:\d{2}$/;

/** Minutes until the daily backup window opens, when the instance takes automated backups. */
export function minutesUntilBackupWindow(db: DbInstance, nowMs: number): number | undefined {
  if (db.backupRetentionPeriod === 0 || db.preferredBackupWindow === undefined) return undefined;
  const match = WINDOW.exec(db.preferredBackupWindow);
  if (!match) return undefined;
  const start = Number(match[1]) * 3600 + Number(match[2]) * 60;
  const secondOfDay = (((nowMs % 86_400_000) + 86_400_000) % 86_400_000) / 1000;
  return ((start - secondOfDay + 86_400) % 86_400) / 60;
}

function statusCheck(db: DbInstance): PreflightCheck {
  const params = { id: db.dbInstanceIdentifier, status: db.dbInstanceStatus };
  return db.dbInstanceStatus === 'available' ? check('status-available.ok', 'pass', params) : check('status-available.not', 'fail', params);
}

/**
 * Statuses in which the DB engine is down or not yet up, so the replica applies no writes from its
 * source: its last ReplicaLag datapoint (0 before a reboot) says nothing about what it would miss.
 * `backing-up` and `modifying` are not here: the engine runs and keeps replicating.
 * docs.aws.amazon.com/AmazonRDS/latest/UserGuide/accessing-monitoring.html#Overview.DBInstance.Status
 */
const ENGINE_DOWN_STATUSES: ReadonlySet<string> = new Set(['rebooting', 'starting', 'stopping', 'stopped', 'failed', 'storage-full', 'upgrading', 'maintenance', 'creating', 'deleting', 'restore-error', 'inaccessible-encryption-credentials']);

/** The engine of this instance is down (or not up yet): it replicates nothing now. */
function replicationHalted(db: DbInstance): boolean {
  return ENGINE_DOWN_STATUSES.has(db.dbInstanceStatus);
}

function lagCheck(db: DbInstance, source: string, nowMs: number): PreflightCheck {
  const lag = db.replicaLagSeconds;
  // Before the figure: a rebooting replica's last ReplicaLag (0) read "caught up" (operator review).
  if (replicationHalted(db)) return check('replica-lag.not-running', 'warn', { id: db.dbInstanceIdentifier, status: db.dbInstanceStatus, source });
  // Only an old datapoint (AWS mode): its value is not the lag now, so the lag is unknown — say how old it is.
  if (lag === undefined && db.staleReplicaLag) {
    const minutes = Math.max(0, Math.floor((nowMs - Date.parse(db.staleReplicaLag.time)) / 60_000));
    return check('replica-lag.stale', 'warn', { source, seconds: tenths(db.staleReplicaLag.seconds), minutes });
  }
  if (lag === undefined) return check('replica-lag.unknown', 'warn', { source });
  if (lag < 0) return check('replica-lag.stopped', 'warn', { source });
  if (lag === 0) return check('replica-lag.caught-up', 'pass', { source, seconds: 0 });
  return check('replica-lag.behind', 'warn', { source, seconds: tenths(lag) });
}

export function promotionChecks(state: DbActionState, action: ActionOf<'PromoteReadReplica'>): PreflightCheck[] {
  const { db } = state;
  const id = action.dbInstanceIdentifier;
  if (!db) return [check('db-exists.missing', 'fail', { id })];
  const source = db.readReplicaSourceDBInstanceIdentifier;
  const checks: PreflightCheck[] = [source ? check('is-replica.yes', 'pass', { id, source }) : check('is-replica.no', 'fail', { id }), statusCheck(db)];
  const untilBackup = minutesUntilBackupWindow(db, state.nowMs);
  checks.push(
    db.dbInstanceStatus === 'backing-up'
      ? check('not-backing-up.running', 'fail', { id, status: db.dbInstanceStatus })
      : untilBackup !== undefined && untilBackup < BACKUP_WINDOW_WARN_MINUTES
        ? check('not-backing-up.window-soon', 'warn', { minutes: Math.ceil(untilBackup) })
        : check('not-backing-up.idle', 'pass'),
  );
  if (source) checks.push(lagCheck(db, source, state.nowMs));
  const retention = action.backupRetentionPeriod ?? PROMOTION_DEFAULT_RETENTION_DAYS;
  const replicas = db.readReplicaDBInstanceIdentifiers;
  checks.push(
    retention > 0
      ? check('backup-retention.kept', 'pass', { days: retention })
      : replicas.length > 0
        ? check('backup-retention.source-of-replicas', 'fail', { id, replicas: [...replicas] })
        : check('backup-retention.disabled', 'warn'),
  );
  return checks;
}

export function promotionConsequences(state: DbActionState, action: ActionOf<'PromoteReadReplica'>): ReturnType<typeof consequence>[] {
  const { db } = state;
  const source = db?.readReplicaSourceDBInstanceIdentifier;
  if (!db || !source) return [];
  const id = db.dbInstanceIdentifier;
  const out = [consequence('promote.stops-replicating', { id, source }), consequence('promote.reboots', { id }), consequence('promote.irreversible', { id })];
  if (state.source) {
    const siblings = state.source.readReplicaDBInstanceIdentifiers.filter((replica) => replica !== id);
    out.push(siblings.length > 0 ? consequence('promote.siblings-unaffected', { source, replicas: siblings }) : consequence('promote.source-left-alone', { source }));
  }
  if (db.replicaLagSeconds !== undefined && db.replicaLagSeconds > 0 && !replicationHalted(db)) out.push(consequence('promote.lag-loss', { id, source, seconds: tenths(db.replicaLagSeconds) }));
  if (db.readReplicaDBInstanceIdentifiers.length > 0) out.push(consequence('promote.own-replicas-continue', { id, replicas: [...db.readReplicaDBInstanceIdentifiers] }));
  if (db.endpoint) out.push(consequence('promote.point-applications', { id, endpoint: db.endpoint.address }));
  const retention = action.backupRetentionPeriod ?? PROMOTION_DEFAULT_RETENTION_DAYS;
  out.push(retention > 0 ? consequence('promote.backups-kept', { days: retention }) : consequence('promote.backups-disabled'));
  return out;
}

export function promotionPreflight(state: DbActionState, action: ActionOf<'PromoteReadReplica'>): Preflight {
  return { summary: summary('promote', { id: action.dbInstanceIdentifier }), checks: promotionChecks(state, action), consequences: promotionConsequences(state, action) };
}

/** What RDS answers PromoteReadReplica with in this state: undefined when it accepts it. */
export function promotionRefusal(state: DbActionState, action: ActionOf<'PromoteReadReplica'>): Refusal | undefined {
  return refusalOf(promotionChecks(state, action));
}

export function rebootChecks(state: DbActionState, action: ActionOf<'RebootDBInstance'>): PreflightCheck[] {
  const { db } = state;
  const id = action.dbInstanceIdentifier;
  if (!db) return [check('db-exists.missing', 'fail', { id })];
  const checks = [statusCheck(db)];
  if (action.forceFailover) {
    checks.push(db.multiAZ ? check('multi-az.standby', 'pass', { id, zone: db.secondaryAvailabilityZone ?? '' }) : check('multi-az.single-az', 'fail', { id }));
  }
  return checks;
}

export function rebootConsequences(state: DbActionState, action: ActionOf<'RebootDBInstance'>): ReturnType<typeof consequence>[] {
  const { db } = state;
  if (!db) return [];
  const id = db.dbInstanceIdentifier;
  const out =
    action.forceFailover && db.multiAZ
      ? [consequence('reboot.failover', { id, from: db.availabilityZone ?? '', to: db.secondaryAvailabilityZone ?? '', minSeconds: FAILOVER_SECONDS[0], maxSeconds: FAILOVER_SECONDS[1] })]
      : [consequence('reboot.restart', { id })];
  out.push(consequence('reboot.connections-dropped', { id }));
  if (db.readReplicaDBInstanceIdentifiers.length > 0) out.push(consequence('reboot.replication-pauses', { id, replicas: [...db.readReplicaDBInstanceIdentifiers] }));
  return out;
}

export function rebootPreflight(state: DbActionState, action: ActionOf<'RebootDBInstance'>): Preflight {
  const id = action.dbInstanceIdentifier;
  return { summary: summary(action.forceFailover ? 'reboot-failover' : 'reboot', { id }), checks: rebootChecks(state, action), consequences: rebootConsequences(state, action) };
}

export function rebootRefusal(state: DbActionState, action: ActionOf<'RebootDBInstance'>): Refusal | undefined {
  return refusalOf(rebootChecks(state, action));
}

// ── CreateDBSnapshot and RestoreDBInstanceToPointInTime (RDSB-n, docs/aws-behaviour.md) ──────────
// API_CreateDBSnapshot.html: the instance must be `available`; DBSnapshotIdentifier 1–255 letters,
// digits or hyphens, starting with a letter, no trailing or double hyphen; DBSnapshotAlreadyExists.
// API_RestoreDBInstanceToPointInTime.html: TargetDBInstanceIdentifier 1–63 of the same; RestoreTime
// "Must be before the latest restorable time for the DB instance"; "Can't be specified if the
// UseLatestRestorableTime parameter is enabled"; PointInTimeRestoreNotEnabled when the source's
// BackupRetentionPeriod is 0; DBInstanceAlreadyExists; "created as a single-AZ deployment" by default.
// USER_CreateSnapshot.html: on a Single-AZ instance a snapshot suspends I/O briefly.


/** What the snapshot and restore rules read besides the instance: what already has the new name. */
export interface BackupActionState extends DbActionState {
  /** The DB snapshot that already has the requested DBSnapshotIdentifier, if any. */
  snapshot?: DbSnapshot;
  /** The DB instance that already has the requested TargetDBInstanceIdentifier, if any. */
  target?: DbInstance;
}

export function snapshotChecks(state: BackupActionState, action: ActionOf<'CreateDBSnapshot'>): PreflightCheck[] {
  const { db } = state;
  const id = action.dbInstanceIdentifier;
  const snapshot = action.dbSnapshotIdentifier;
  if (!db) return [check('db-exists.missing', 'fail', { id })];
  const checks = [statusCheck(db)];
  if (!isValidRdsIdentifier(snapshot, MAX_DB_SNAPSHOT_IDENTIFIER)) checks.push(check('snapshot-id.invalid', 'fail', { field: 'DBSnapshotIdentifier', value: snapshot.slice(0, 300), max: MAX_DB_SNAPSHOT_IDENTIFIER }));
  else if (state.snapshot) checks.push(check('snapshot-id.taken', 'fail', { snapshot, instance: state.snapshot.dbInstanceIdentifier }));
  else checks.push(check('snapshot-id.valid', 'pass', { snapshot }));
  return checks;
}

export function snapshotPreflight(state: BackupActionState, action: ActionOf<'CreateDBSnapshot'>): Preflight {
  const id = action.dbInstanceIdentifier;
  const consequences = state.db
    ? [
        consequence('snapshot.instance-backing-up', { id }),
        ...(state.db.multiAZ ? [] : [consequence('snapshot.io-suspended', { id })]),
        consequence('snapshot.kept-until-deleted', { snapshot: action.dbSnapshotIdentifier }),
      ]
    : [];
  return { summary: summary('create-snapshot', { id, snapshot: action.dbSnapshotIdentifier }), checks: snapshotChecks(state, action), consequences };
}

export function snapshotRefusal(state: BackupActionState, action: ActionOf<'CreateDBSnapshot'>): Refusal | undefined {
  return refusalOf(snapshotChecks(state, action));
}

/** The time a restore goes to (ISO), or undefined when the request names none that can be read. */
export function restoreTimeOf(db: DbInstance | undefined, action: ActionOf<'RestoreDBInstanceToPointInTime'>): string | undefined {
  if (action.useLatestRestorableTime) return db?.latestRestorableTime;
  if (action.restoreTime === undefined || Number.isNaN(Date.parse(action.restoreTime))) return undefined;
  return new Date(Date.parse(action.restoreTime)).toISOString();
}

function restoreTimeCheck(db: DbInstance, action: ActionOf<'RestoreDBInstanceToPointInTime'>): PreflightCheck {
  if (action.useLatestRestorableTime && action.restoreTime !== undefined) return check('restore-time.both', 'fail');
  if (!action.useLatestRestorableTime && action.restoreTime === undefined) return check('restore-time.missing', 'fail');
  const earliest = db.earliestRestorableTime ?? '';
  const latest = db.latestRestorableTime ?? '';
  if (action.useLatestRestorableTime) return check('restore-time.latest', 'pass', { latest });
  const at = Date.parse(action.restoreTime!);
  const inside = !Number.isNaN(at) && latest !== '' && at <= Date.parse(latest) && (earliest === '' || at >= Date.parse(earliest));
  const time = Number.isNaN(at) ? action.restoreTime!.slice(0, 40) : new Date(at).toISOString();
  return check(inside ? 'restore-time.inside' : 'restore-time.outside', inside ? 'pass' : 'fail', { time, earliest, latest });
}

export function restoreChecks(state: BackupActionState, action: ActionOf<'RestoreDBInstanceToPointInTime'>): PreflightCheck[] {
  const { db } = state;
  const id = action.sourceDBInstanceIdentifier;
  const target = action.targetDBInstanceIdentifier;
  if (!db) return [check('db-exists.missing', 'fail', { id })];
  const checks: PreflightCheck[] = [];
  const enabled = db.backupRetentionPeriod > 0;
  checks.push(enabled ? check('backups-enabled.on', 'pass', { id, days: db.backupRetentionPeriod }) : check('backups-enabled.off', 'fail', { id }));
  if (enabled) checks.push(restoreTimeCheck(db, action));
  if (!isValidRdsIdentifier(target, MAX_DB_INSTANCE_IDENTIFIER)) checks.push(check('target-id.invalid', 'fail', { field: 'TargetDBInstanceIdentifier', value: target.slice(0, 300), max: MAX_DB_INSTANCE_IDENTIFIER }));
  else if (state.target || target.toLowerCase() === db.dbInstanceIdentifier.toLowerCase()) checks.push(check('target-id.taken', 'fail', { target: target.toLowerCase() }));
  else checks.push(check('target-id.valid', 'pass', { target: target.toLowerCase() }));
  return checks;
}

export function restorePreflight(state: BackupActionState, action: ActionOf<'RestoreDBInstanceToPointInTime'>): Preflight {
  const source = action.sourceDBInstanceIdentifier;
  const target = action.targetDBInstanceIdentifier.toLowerCase();
  const time = restoreTimeOf(state.db, action) ?? '';
  const consequences = state.db
    ? [
        consequence('restore.new-instance', { source, target, time }),
        consequence('restore.creating', { target }),
        action.multiAZ ? consequence('restore.multi-az', { target }) : consequence('restore.single-az', { target }),
        consequence('restore.new-endpoint', { target }),
        consequence('restore.source-untouched', { source }),
      ]
    : [];
  const summaryOf = action.useLatestRestorableTime ? summary('restore-pitr-latest', { source, target }) : summary('restore-pitr', { source, target, time });
  return { summary: summaryOf, checks: restoreChecks(state, action), consequences };
}

export function restoreRefusal(state: BackupActionState, action: ActionOf<'RestoreDBInstanceToPointInTime'>): Refusal | undefined {
  return refusalOf(restoreChecks(state, action));
}

/**
 * Following a CreateDBSnapshot until the snapshot is available (both backends read DescribeDBSnapshots
 * into the contract's DbSnapshot). `settled` carries the outcome the action protocol records.
 */
export function observeSnapshot(snapshots: readonly DbSnapshot[], identifier: string): { outcome?: 'settled' | 'failed'; status: string; message: string } {
  const id = identifier.toLowerCase();
  const snapshot = snapshots.find((s) => s.dbSnapshotIdentifier === id);
  if (!snapshot) return { status: 'pending', message: `${id} is not listed yet.` };
  if (snapshot.status === 'available') return { outcome: 'settled', status: 'available', message: `Snapshot ${id} is available.` };
  if (snapshot.status === 'failed' || snapshot.status === 'deleted') return { outcome: 'failed', status: snapshot.status, message: `Snapshot ${id} is ${snapshot.status}.` };
  return { status: snapshot.status, message: `Snapshot ${id} is ${snapshot.status}${snapshot.percentProgress !== undefined ? ` (${snapshot.percentProgress} %)` : ''}.` };
}
