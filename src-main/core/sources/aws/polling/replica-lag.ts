/** DbInstance.replicaLagSeconds comes from the latest AWS/RDS ReplicaLag datapoint (CloudWatch, not DescribeDBInstances). */
import type { DbInstance } from '../../../contract/model';
import type { MetricPoller } from '../metrics/metric-poller';

export function withReplicaLag(dbInstances: readonly DbInstance[], metrics: Pick<MetricPoller, 'latest'>): DbInstance[] {
  return dbInstances.map((db) => {
    if (db.readReplicaSourceDBInstanceIdentifier === undefined) return db;
    const lag = metrics.latest('AWS/RDS', 'ReplicaLag', 'DBInstanceIdentifier', db.dbInstanceIdentifier);
    return lag === undefined || lag === db.replicaLagSeconds ? db : { ...db, replicaLagSeconds: lag };
  });
}
