/**
 * RDS: an instance that is not available, a Multi-AZ failover in progress (RDS-EVENT-0013 without
 * its completion, 0015 or 0049), replica lag over the threshold, replication stopped (ReplicaLag −1).
 * docs.aws.amazon.com/AmazonRDS/latest/UserGuide/accessing-monitoring.html#Overview.DBInstance.Status
 */
import type { DbInstance, HealthReason, RdsEvent, ResourceHealth } from '../contract/model';
import type { HealthInput } from './input';
import { reason, resource } from './status';

/** Statuses in which the instance does not serve and will not on its own. */
const BROKEN = new Set(['failed', 'inaccessible-encryption-credentials', 'inaccessible-encryption-credentials-recoverable', 'incompatible-network', 'incompatible-option-group', 'incompatible-parameters', 'incompatible-restore', 'insufficient-capacity', 'restore-error', 'storage-full', 'stopped', 'stopping']);
/** Statuses that serve normally. */
const SERVING = new Set(['available', 'backing-up', 'storage-optimization', 'configuring-enhanced-monitoring', 'configuring-log-exports']);

function failoverInProgress(db: DbInstance, events: readonly RdsEvent[]): RdsEvent | undefined {
  const mine = events.filter((e) => e.sourceIdentifier === db.dbInstanceIdentifier).sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const latest = mine.find((e) => e.eventId === 'RDS-EVENT-0013' || e.eventId === 'RDS-EVENT-0015' || e.eventId === 'RDS-EVENT-0049');
  return latest?.eventId === 'RDS-EVENT-0013' ? latest : undefined;
}

function instanceReasons(db: DbInstance, input: HealthInput): HealthReason[] {
  const subject = db.dbInstanceIdentifier;
  const reasons: HealthReason[] = [];
  const status = db.dbInstanceStatus;
  const failover = failoverInProgress(db, input.rdsEvents);
  if (failover) reasons.push(reason('db.failover', 'degraded', subject, { since: failover.date }));
  if (BROKEN.has(status)) reasons.push(reason('db.notAvailable', 'failing', subject, { status }));
  else if (!SERVING.has(status) && !failover) reasons.push(reason('db.notAvailable', 'degraded', subject, { status }));
  if (db.readReplicaSourceDBInstanceIdentifier && SERVING.has(status) && db.replicaLagSeconds !== undefined) {
    if (db.replicaLagSeconds < 0) reasons.push(reason('db.replicationStopped', 'failing', subject, { source: db.readReplicaSourceDBInstanceIdentifier }));
    else if (db.replicaLagSeconds > input.thresholds.replicaLagSeconds) reasons.push(reason('db.replicaLag', 'degraded', subject, { seconds: Math.round(db.replicaLagSeconds), threshold: input.thresholds.replicaLagSeconds }));
  }
  return reasons;
}

export function evaluateRds(input: HealthInput): { resources: ResourceHealth[]; counts: Record<string, number> } {
  const dbs = input.inventory.dbInstances;
  return {
    resources: dbs.map((db) => resource('dbInstance', db.dbInstanceIdentifier, db.dbInstanceIdentifier, instanceReasons(db, input))),
    counts: { instances: dbs.length, available: dbs.filter((db) => db.dbInstanceStatus === 'available').length, replicas: dbs.filter((db) => db.readReplicaSourceDBInstanceIdentifier).length },
  };
}
