/**
 * DbInstance.replicaLagSeconds comes from the latest AWS/RDS ReplicaLag datapoint (CloudWatch, not
 * DescribeDBInstances) — only while that datapoint is recent. RDS sends its metrics to CloudWatch
 * every minute (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/monitoring-cloudwatch.html); a
 * newest point many minutes old means the replica stopped publishing or our metric polls fail, and
 * its value says nothing about the lag now. Such a value is kept aside as `staleReplicaLag`, so that
 * the promote pre-flight says "unknown, last value N s from M minutes ago" instead of "caught up".
 */
import type { DbInstance } from '../../../contract/model';
import type { HeldPoint } from '../metrics/metric-poller';

/**
 * The oldest a ReplicaLag datapoint may be (from the end of its period) and still count as current:
 * five one-minute periods — the publishing interval, CloudWatch's delay before a point can be read
 * (typically a few minutes) and one metric poll (60 s, poll-plan.ts) fit inside it.
 */
export const REPLICA_LAG_MAX_AGE_SECONDS = 5 * 60;

export interface LatestPointSource {
  latestPoint(namespace: string, metricName: string, dimension: string, value: string): HeldPoint | undefined;
}

export type ReplicaLagFields = Pick<DbInstance, 'replicaLagSeconds' | 'staleReplicaLag'>;

/** The lag fields of replica `id` at `nowMs`: current, stale (with its value and time), or neither. */
export function replicaLagOf(metrics: LatestPointSource | undefined, id: string, nowMs: number): ReplicaLagFields {
  const point = metrics?.latestPoint('AWS/RDS', 'ReplicaLag', 'DBInstanceIdentifier', id);
  if (!point) return {};
  const endMs = (point.time + point.period) * 1000;
  if (nowMs - endMs <= REPLICA_LAG_MAX_AGE_SECONDS * 1000) return { replicaLagSeconds: point.value };
  return { staleReplicaLag: { seconds: point.value, time: new Date(endMs).toISOString() } };
}

/** `db` with these lag fields (and no others): the same object when nothing changed. */
export function withLagFields(db: DbInstance, fields: ReplicaLagFields): DbInstance {
  const same = db.replicaLagSeconds === fields.replicaLagSeconds && db.staleReplicaLag?.seconds === fields.staleReplicaLag?.seconds && db.staleReplicaLag?.time === fields.staleReplicaLag?.time;
  if (same) return db;
  const { replicaLagSeconds: _lag, staleReplicaLag: _stale, ...rest } = db;
  return { ...rest, ...fields };
}

export function withReplicaLag(dbInstances: readonly DbInstance[], metrics: LatestPointSource, nowMs: number): DbInstance[] {
  return dbInstances.map((db) => (db.readReplicaSourceDBInstanceIdentifier === undefined ? db : withLagFields(db, replicaLagOf(metrics, db.dbInstanceIdentifier, nowMs))));
}
