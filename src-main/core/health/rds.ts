/**
 * RDS: an instance that is not available, a Multi-AZ failover in progress (RDS-EVENT-0013 without
 * its completion, 0015 or 0049), replica lag over the threshold, replication stopped (ReplicaLag −1).
 * Causes before effects: a replica whose replication stopped because its source is failing over or
 * not available says so, is judged no worse than its source (replication resumes when the source is
 * back, RDS-1/RDS-3), and is listed after it.
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

/** Events that end a source's outage: failover completed (0015, 0049), restarted (0006), recovery complete (0021). */
const BACK = new Set(['RDS-EVENT-0015', 'RDS-EVENT-0049', 'RDS-EVENT-0006', 'RDS-EVENT-0021']);
/**
 * How long after its source is back a replica may still read ReplicaLag −1 before that is news of
 * its own: one ReplicaLag period (60 s) and the two minutes CloudWatch takes to publish it (AWS
 * mode reads the metric); the simulator's replica resumes on its next tick.
 */
const RESUME_SECONDS = 180;

/** Why a replica's source cannot feed it now, if it cannot: the source's failover, its status, or its having just come back. */
function sourceTrouble(source: DbInstance | undefined, input: HealthInput): Pick<HealthReason, 'code' | 'params'> | undefined {
  if (!source) return undefined;
  const id = source.dbInstanceIdentifier;
  if (failoverInProgress(source, input.rdsEvents)) return { code: 'db.replicationSourceFailover', params: { source: id } };
  if (!SERVING.has(source.dbInstanceStatus)) return { code: 'db.replicationSourceDown', params: { source: id, sourceStatus: source.dbInstanceStatus } };
  const back = input.rdsEvents.some((e) => e.sourceIdentifier === id && e.eventId !== undefined && BACK.has(e.eventId) && input.now - Date.parse(e.date) <= RESUME_SECONDS * 1000);
  if (back) return { code: 'db.replicationResuming', params: { source: id } };
  return undefined;
}

/** `source`: the replica's source with its verdict, when the inventory has it. */
function instanceReasons(db: DbInstance, input: HealthInput, source: { db: DbInstance; health: ResourceHealth } | undefined): HealthReason[] {
  const subject = db.dbInstanceIdentifier;
  const reasons: HealthReason[] = [];
  const status = db.dbInstanceStatus;
  const failover = failoverInProgress(db, input.rdsEvents);
  if (failover) reasons.push(reason('db.failover', 'degraded', subject, { since: failover.date }));
  if (BROKEN.has(status)) reasons.push(reason('db.notAvailable', 'failing', subject, { status }));
  else if (!SERVING.has(status) && !failover) reasons.push(reason('db.notAvailable', 'degraded', subject, { status }));
  if (db.readReplicaSourceDBInstanceIdentifier && SERVING.has(status) && db.replicaLagSeconds !== undefined) {
    const trouble = db.replicaLagSeconds < 0 ? sourceTrouble(source?.db, input) : undefined;
    // An effect of its source's trouble, judged no worse than the source (degraded while it fails over).
    if (trouble && source) reasons.push(reason(trouble.code, source.health.status === 'failing' ? 'failing' : 'degraded', subject, trouble.params));
    else if (db.replicaLagSeconds < 0) reasons.push(reason('db.replicationStopped', 'failing', subject, { source: db.readReplicaSourceDBInstanceIdentifier }));
    else if (db.replicaLagSeconds > input.thresholds.replicaLagSeconds) reasons.push(reason('db.replicaLag', 'degraded', subject, { seconds: Math.round(db.replicaLagSeconds), threshold: input.thresholds.replicaLagSeconds }));
  }
  // ReplicaLag was published and has stopped (AWS mode keeps the last point apart once it is old,
  // sources/aws/polling/replica-lag.ts): whether the replica keeps up is not known, so not Healthy.
  if (db.readReplicaSourceDBInstanceIdentifier && SERVING.has(status) && db.replicaLagSeconds === undefined && db.staleReplicaLag) {
    reasons.push(reason('db.replicaLagStale', 'unknown', subject, { seconds: Math.round(db.staleReplicaLag.seconds), since: db.staleReplicaLag.time }));
  }
  return reasons;
}

/** Sources before their replicas, each followed by its own (depth first, the inventory's order otherwise). */
function sourcesFirst(dbs: readonly DbInstance[]): DbInstance[] {
  const byId = new Map(dbs.map((db) => [db.dbInstanceIdentifier, db]));
  const replicasOf = new Map<string, DbInstance[]>();
  for (const db of dbs) {
    const source = db.readReplicaSourceDBInstanceIdentifier;
    if (source && byId.has(source)) replicasOf.set(source, [...(replicasOf.get(source) ?? []), db]);
  }
  const ordered: DbInstance[] = [];
  const seen = new Set<string>();
  const visit = (db: DbInstance) => {
    if (seen.has(db.dbInstanceIdentifier)) return;
    seen.add(db.dbInstanceIdentifier);
    ordered.push(db);
    for (const replica of replicasOf.get(db.dbInstanceIdentifier) ?? []) visit(replica);
  };
  for (const db of dbs) if (!db.readReplicaSourceDBInstanceIdentifier || !byId.has(db.readReplicaSourceDBInstanceIdentifier)) visit(db);
  for (const db of dbs) visit(db); // a cycle of replicas (not possible in RDS; defensive)
  return ordered;
}

export function evaluateRds(input: HealthInput): { resources: ResourceHealth[]; counts: Record<string, number> } {
  const dbs = input.inventory.dbInstances;
  // Sources first: a replica's verdict reads its source's, and the tile lists causes before effects.
  const byId = new Map<string, { db: DbInstance; health: ResourceHealth }>();
  const resources: ResourceHealth[] = [];
  for (const db of sourcesFirst(dbs)) {
    const source = db.readReplicaSourceDBInstanceIdentifier ? byId.get(db.readReplicaSourceDBInstanceIdentifier) : undefined;
    const health = resource('dbInstance', db.dbInstanceIdentifier, db.dbInstanceIdentifier, instanceReasons(db, input, source));
    byId.set(db.dbInstanceIdentifier, { db, health });
    resources.push(health);
  }
  return {
    resources,
    counts: { instances: dbs.length, available: dbs.filter((db) => db.dbInstanceStatus === 'available').length, replicas: dbs.filter((db) => db.readReplicaSourceDBInstanceIdentifier).length },
  };
}
