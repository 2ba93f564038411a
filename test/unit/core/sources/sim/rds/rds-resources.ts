/** DB instance resources for tests, written the way an operator would write their properties. */
import { createRandom } from '../../../../../../src-main/core/sources/sim/kernel/random';
import type { LoadedResource } from '../../../../../../src-main/core/sources/sim/scenario/load-scenario';
import { DbInstancePropertiesSchema, DB_INSTANCE_TYPE, RDS_RESOURCE_TYPES } from '../../../../../../src-main/core/sources/sim/rds/resource-types';

/**
 * DB instance resources as the loader produces them (properties validated by the type's schema and
 * check), for tests that run before the loader knows AWS::RDS::DBInstance.
 */
export function dbResources(definitions: Record<string, Record<string, unknown>>, region = 'us-east-1'): LoadedResource[] {
  const spec = RDS_RESOURCE_TYPES[DB_INSTANCE_TYPE]!;
  return Object.entries(definitions).map(([logicalId, raw]) => {
    const properties = DbInstancePropertiesSchema.parse(raw) as Record<string, unknown>;
    const problems: string[] = [];
    spec.check?.(properties, (property, message) => problems.push(`${property}: ${message}`));
    if (problems.length > 0) throw new Error(`${logicalId}: ${problems.join('; ')}`);
    const name = typeof properties.DBInstanceIdentifier === 'string' ? properties.DBInstanceIdentifier : `test-${logicalId}-${logicalId.length}`;
    const identity = { logicalId, name, hex: createRandom(0, `test/${logicalId}`).hex(32), region, accountId: '123456789012' };
    return { logicalId, type: DB_INSTANCE_TYPE, identity, ref: spec.ref(identity), properties, metadata: {} };
  });
}

/** A Multi-AZ MySQL primary `shop-db` with two read replicas. */
export function shopDatabase(overrides: { primary?: Record<string, unknown>; replicas?: number; replicaClass?: string } = {}): LoadedResource[] {
  const definitions: Record<string, Record<string, unknown>> = {
    Db: { DBInstanceIdentifier: 'shop-db', Engine: 'mysql', EngineVersion: '8.0.40', DBInstanceClass: 'db.r6g.large', MultiAZ: true, AllocatedStorage: 100, ...overrides.primary },
  };
  for (let i = 1; i <= (overrides.replicas ?? 2); i++) {
    definitions[`Replica${i}`] = { DBInstanceIdentifier: `shop-db-replica-${i}`, SourceDBInstanceIdentifier: 'shop-db', DBInstanceClass: overrides.replicaClass ?? 'db.r6g.large' };
  }
  return dbResources(definitions);
}
