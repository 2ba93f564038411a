/**
 * The RDS operations an operator (or a scenario's Actions) asks for: PromoteReadReplica and
 * RebootDBInstance — refused exactly as the shared rules say (core/rules/rds-rules.ts, the same the
 * AWS backend's pre-flight uses) — and CreateDBInstanceReadReplica. The contract's view of an
 * instance, which those rules read, is `dbInstanceModel`.
 * docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html (RDS-2, RDS-4),
 * USER_RebootInstance.html and Concepts.MultiAZ.html (RDS-1).
 */
import type { ActionOf, DbInstance } from '../../../contract/model';
import { PROMOTION_DEFAULT_RETENTION_DAYS, promotionRefusal, rebootRefusal } from '../../../rules';
import type { LoadedResource } from '../scenario/load-scenario';
import { allowsCascadingReplicas, ENGINE_LABELS, MAX_CASCADE_DEPTH, MAX_READ_REPLICAS } from './engines';
import { RDS_EVENTS } from './rds-events';
import {
  type CreateReadReplicaParameters,
  PROMOTION_MODIFYING_SECONDS,
  RdsApiError,
  REBOOT_SECONDS,
  refusedBy,
  REPLICA_RESTORE_SECONDS,
  REPLICA_SNAPSHOT_SECONDS,
  type RdsInternals,
  type SimDbInstance,
} from './rds-instance';
import { DB_INSTANCE_TYPE, type DbInstanceProperties } from './resource-types';

const hhmm = (secondOfDay: number): string => `${String(Math.floor(secondOfDay / 3600) % 24).padStart(2, '0')}:${String(Math.floor((secondOfDay % 3600) / 60)).padStart(2, '0')}`;

/** The instance as DescribeDBInstances shows it (the contract's DbInstance). */
export function dbInstanceModel(instance: SimDbInstance): DbInstance {
  const { startSecondOfDay, durationSeconds } = instance.backupWindow;
  return {
    dbInstanceIdentifier: instance.identifier,
    dbInstanceArn: instance.arn,
    dbInstanceClass: instance.dbInstanceClass,
    engine: instance.engine,
    engineVersion: instance.engineVersion,
    dbInstanceStatus: instance.status,
    multiAZ: instance.multiAZ,
    availabilityZone: instance.availabilityZone,
    secondaryAvailabilityZone: instance.multiAZ ? instance.secondaryAvailabilityZone : undefined,
    readReplicaSourceDBInstanceIdentifier: instance.source,
    readReplicaDBInstanceIdentifiers: [...instance.replicas],
    backupRetentionPeriod: instance.backupRetentionPeriod,
    preferredBackupWindow: `${hhmm(startSecondOfDay)}-${hhmm(startSecondOfDay + durationSeconds)}`,
    // DescribeDBInstances has no Endpoint while an instance is being created.
    endpoint: instance.status === 'creating' ? undefined : { ...instance.endpoint },
    allocatedStorage: instance.allocatedStorage,
    instanceCreateTime: new Date(instance.createTime).toISOString(),
    replicaLagSeconds: instance.source === undefined ? undefined : instance.replicaLag,
    ...(instance.backupRetentionPeriod > 0 && instance.latestRestorableTime !== undefined ? { latestRestorableTime: new Date(instance.latestRestorableTime).toISOString() } : {}),
    ...(instance.backupRetentionPeriod > 0 && instance.earliestRestorableTime !== undefined ? { earliestRestorableTime: new Date(instance.earliestRestorableTime).toISOString() } : {}),
    copyTagsToSnapshot: instance.copyTagsToSnapshot,
  };
}

/** The rules' view of `identifier` now (undefined when there is no such instance). */
function stateOf(rds: RdsInternals, identifier: string) {
  const instance = rds.instances.get(identifier.toLowerCase());
  return { db: instance ? dbInstanceModel(instance) : undefined, nowMs: rds.ctx.now };
}

/** RebootDBInstance, with the API's refusals (the shared rules). */
export function rebootDBInstance(rds: RdsInternals, action: ActionOf<'RebootDBInstance'>): string {
  const refusal = rebootRefusal(stateOf(rds, action.dbInstanceIdentifier), action);
  if (refusal) throw refusedBy(refusal);
  const instance = rds.require(action.dbInstanceIdentifier);
  if (action.forceFailover) {
    const from = instance.availabilityZone;
    rds.failover(instance, RDS_EVENTS.userRequestedFailover);
    return `Rebooting ${instance.identifier} with failover from ${from} to ${instance.secondaryAvailabilityZone}`;
  }
  rds.reboot(instance);
  return `Rebooting ${instance.identifier}`;
}

/**
 * PromoteReadReplica (RDS-2): `modifying` while replication stops, then `rebooting`, then a
 * standalone `available` instance that its former source no longer lists.
 */
export function promoteReadReplica(rds: RdsInternals, action: ActionOf<'PromoteReadReplica'>): string {
  const refusal = promotionRefusal(stateOf(rds, action.dbInstanceIdentifier), action);
  if (refusal) throw refusedBy(refusal);
  const instance = rds.require(action.dbInstanceIdentifier);
  const retention = action.backupRetentionPeriod ?? PROMOTION_DEFAULT_RETENTION_DAYS;
  const lag = instance.replicaLag;
  const generation = rds.begin(instance, 'promotion', 'modifying');
  instance.promoting = true;
  instance.replicationActive = false;
  instance.replicaLag = -1;
  instance.lagOffsetSeconds = 0;
  rds.event(instance, RDS_EVENTS.replicationStopped);
  const modifying = rds.draw(PROMOTION_MODIFYING_SECONDS);
  rds.after(instance, generation, modifying, () => {
    const rebooting = rds.draw(REBOOT_SECONDS);
    instance.status = 'rebooting';
    instance.down = true;
    rds.ctx.inventoryChanged();
    rds.event(instance, RDS_EVENTS.shutdown);
    rds.after(instance, generation, rebooting, () => completePromotion(rds, instance, retention));
  });
  const behind = lag > 0 ? `; it was ${lag.toFixed(1)} s behind ${instance.source}` : '';
  return `Promoting read replica ${instance.identifier} to a standalone DB instance${behind}`;
}

function completePromotion(rds: RdsInternals, instance: SimDbInstance, backupRetentionPeriod: number): void {
  const source = rds.instances.get(instance.source!)!;
  source.replicas = source.replicas.filter((id) => id !== instance.identifier);
  instance.source = undefined;
  instance.promoting = false;
  instance.backlogWrites = 0;
  instance.replicaLag = 0;
  instance.replicationActive = false;
  const enablesBackups = instance.backupRetentionPeriod === 0 && backupRetentionPeriod > 0;
  const disablesBackups = instance.backupRetentionPeriod > 0 && backupRetentionPeriod === 0;
  instance.backupRetentionPeriod = backupRetentionPeriod;
  rds.recomputeOrder();
  rds.finish(instance, 'available');
  rds.event(instance, RDS_EVENTS.restarted);
  rds.event(instance, RDS_EVENTS.promoted);
  if (enablesBackups) rds.event(instance, RDS_EVENTS.backupsEnabled);
  if (disablesBackups) rds.event(instance, RDS_EVENTS.backupsDisabled);
  rds.scheduleBackups(instance);
}

/**
 * CreateDBInstanceReadReplica (RDS-4): the replica is `creating` while its source is `modifying`
 * (the snapshot), then `creating` alone until it is restored and replicating.
 */
export function createReadReplica(rds: RdsInternals, parameters: CreateReadReplicaParameters): string {
  const source = rds.require(parameters.SourceDBInstanceIdentifier);
  const identifier = parameters.DBInstanceIdentifier.toLowerCase();
  if (rds.instances.has(identifier)) throw new RdsApiError('DBInstanceAlreadyExists', 'DB instance already exists');
  if (source.status !== 'available' || source.down || source.promoting) throw new RdsApiError('InvalidDBInstanceState', `DB instance ${source.identifier} is not in available state.`);
  if (source.backupRetentionPeriod === 0) {
    throw new RdsApiError('InvalidDBInstanceState', 'Automated backups are not enabled for this database instance. To enable automated backups, use ModifyDBInstance to set the backup retention period to a non-zero value.');
  }
  const limit = MAX_READ_REPLICAS[source.family];
  if (source.replicas.length >= limit) throw new RdsApiError('InvalidParameterCombination', `${source.identifier} already has ${limit} read replicas, the most ${ENGINE_LABELS[source.family]} allows.`);
  if (source.source !== undefined) {
    let depth = 1;
    for (let s: SimDbInstance | undefined = source; s?.source !== undefined; s = rds.instances.get(s.source)) depth++;
    if (!allowsCascadingReplicas(source.family, source.engineVersion)) throw new RdsApiError('InvalidParameterCombination', `${ENGINE_LABELS[source.family]} does not support a read replica of a read replica.`);
    if (depth > MAX_CASCADE_DEPTH) throw new RdsApiError('InvalidParameterCombination', `A chain of cascading read replicas can have at most ${MAX_CASCADE_DEPTH} read replicas.`);
  }
  const resource: LoadedResource = {
    logicalId: identifier,
    type: DB_INSTANCE_TYPE,
    identity: { logicalId: identifier, name: identifier, hex: rds.random.hex(32), region: source.region, accountId: source.arn.split(':')[4]! },
    ref: identifier,
    properties: {},
    metadata: {},
  };
  const p: DbInstanceProperties = { DBInstanceClass: parameters.DBInstanceClass, AvailabilityZone: parameters.AvailabilityZone, MultiAZ: parameters.MultiAZ };
  const replica = rds.buildInstance(resource, p, source);
  rds.instances.set(identifier, replica);
  source.replicas.push(identifier);
  rds.recomputeOrder();
  const replicaGeneration = rds.begin(replica, 'creation', 'creating', true);
  replica.replicationActive = false;
  replica.replicaLag = -1;
  const sourceGeneration = rds.begin(source, 'replica-snapshot', 'modifying');
  rds.after(source, sourceGeneration, rds.draw(REPLICA_SNAPSHOT_SECONDS), () => rds.finish(source, 'available'));
  rds.after(replica, replicaGeneration, rds.draw(REPLICA_SNAPSHOT_SECONDS) + rds.draw(REPLICA_RESTORE_SECONDS), () => {
    rds.finish(replica, 'available');
    rds.event(replica, RDS_EVENTS.created);
  });
  return `Creating read replica ${identifier} of ${source.identifier}`;
}
