/**
 * RDS topology from DescribeDBInstances: each primary (a source, not a replica) with its Multi-AZ
 * standby (same endpoint, other AZ, not readable) and its read replicas (ReadReplicaDBInstanceIdentifiers,
 * or any instance whose ReadReplicaSourceDBInstanceIdentifier names it). A replica whose source is
 * not in the inventory (another region or account) still appears, as its own cluster.
 */
import type { DbInstance } from '@contract';

export interface DbCluster {
  primary: DbInstance;
  replicas: DbInstance[];
}

export function rdsTopology(instances: readonly DbInstance[]): DbCluster[] {
  const byId = new Map(instances.map((db) => [db.dbInstanceIdentifier, db]));
  const clusters: DbCluster[] = [];
  const placed = new Set<string>();
  for (const db of instances) {
    const source = db.readReplicaSourceDBInstanceIdentifier;
    if (source && byId.has(source)) continue;
    const replicas = instances.filter(
      (other) => other.readReplicaSourceDBInstanceIdentifier === db.dbInstanceIdentifier || db.readReplicaDBInstanceIdentifiers.includes(other.dbInstanceIdentifier),
    );
    const unique = replicas.filter((replica) => replica !== db && !placed.has(replica.dbInstanceIdentifier));
    for (const replica of unique) placed.add(replica.dbInstanceIdentifier);
    clusters.push({ primary: db, replicas: unique });
  }
  return clusters;
}

/** Standalone: not a replica (any more) and available — what a promotion ends in. */
export function isStandalone(db: DbInstance | undefined): boolean {
  return db !== undefined && !db.readReplicaSourceDBInstanceIdentifier && db.dbInstanceStatus === 'available';
}

export interface StatusChange {
  time: number;
  status: string;
  replicaOf?: string;
}

/** Appends a status observation when it differs from the last one (what the progress timeline shows). */
export function recordStatus(history: readonly StatusChange[], db: DbInstance | undefined, time: number): StatusChange[] {
  if (!db) return history as StatusChange[];
  const last = history.at(-1);
  const next = { time, status: db.dbInstanceStatus, replicaOf: db.readReplicaSourceDBInstanceIdentifier };
  if (last && last.status === next.status && last.replicaOf === next.replicaOf) return history as StatusChange[];
  return [...history, next];
}
