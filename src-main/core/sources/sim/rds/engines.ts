/**
 * RDS DB engines as the simulator distinguishes them: which `Engine` values exist, their default
 * port, how many read replicas one source may have and whether a replica may itself be a source.
 *
 * - Read replica limits (RDS-4): CreateDBInstanceReadReplica, SourceDBInstanceIdentifier —
 *   docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html: "Each DB
 *   instance can have up to 15 read replicas, except … Db2 up to three … Oracle up to five". That page
 *   now also says five for SQL Server; ../shared/AWS-SEMANTICS.md (RDS-4) says 15, and we follow it.
 * - Replica of a replica: docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html ("For MariaDB
 *   and MySQL you can create a read replica from an existing read replica … For Oracle, PostgreSQL, and
 *   SQL Server, you can't") and the newer cascading pages USER_MySQL.Replication.ReadReplicas.Cascading,
 *   USER_MariaDB.…Cascading and USER_PostgreSQL.Replication.ReadReplicas.Cascading: up to three replicas
 *   in a chain below the source (a chain of at most four instances); PostgreSQL only from version 14.1.
 * - Engine values: AWS::RDS::DBInstance `Engine` (CloudFormation template reference).
 */

export type EngineFamily = 'mysql' | 'mariadb' | 'postgres' | 'oracle' | 'sqlserver' | 'db2';

/** `Engine` values of AWS::RDS::DBInstance that run on a DB instance (Aurora runs on clusters: not simulated). */
export const ENGINES: Record<string, EngineFamily> = {
  mysql: 'mysql',
  mariadb: 'mariadb',
  postgres: 'postgres',
  'oracle-ee': 'oracle',
  'oracle-ee-cdb': 'oracle',
  'oracle-se2': 'oracle',
  'oracle-se2-cdb': 'oracle',
  'sqlserver-ee': 'sqlserver',
  'sqlserver-se': 'sqlserver',
  'sqlserver-ex': 'sqlserver',
  'sqlserver-web': 'sqlserver',
  'db2-se': 'db2',
  'db2-ae': 'db2',
};

export function isAuroraEngine(engine: string): boolean {
  return engine.toLowerCase().startsWith('aurora');
}

export function engineFamily(engine: string): EngineFamily | undefined {
  return ENGINES[engine.toLowerCase()];
}

/** Default port per engine (CreateDBInstance `Port`). */
export const DEFAULT_PORTS: Record<EngineFamily, number> = {
  mysql: 3306,
  mariadb: 3306,
  postgres: 5432,
  oracle: 1521,
  sqlserver: 1433,
  db2: 50000,
};

/** How many read replicas one source DB instance may have (RDS-4). */
export const MAX_READ_REPLICAS: Record<EngineFamily, number> = {
  mysql: 15,
  mariadb: 15,
  postgres: 15,
  oracle: 5,
  sqlserver: 15,
  db2: 3,
};

/** Replicas allowed below a source in one cascading chain (the source itself not counted). */
export const MAX_CASCADE_DEPTH = 3;

export const ENGINE_LABELS: Record<EngineFamily, string> = {
  mysql: 'RDS for MySQL',
  mariadb: 'RDS for MariaDB',
  postgres: 'RDS for PostgreSQL',
  oracle: 'RDS for Oracle',
  sqlserver: 'RDS for SQL Server',
  db2: 'RDS for Db2',
};

/** Whether a read replica of this engine (and version) may be the source of another read replica. */
export function allowsCascadingReplicas(family: EngineFamily, engineVersion?: string): boolean {
  if (family === 'mysql' || family === 'mariadb') return true;
  if (family !== 'postgres') return false;
  if (engineVersion === undefined) return true; // the default PostgreSQL version is well past 14.1
  const [major = 0, minor = 0] = engineVersion.split('.').map((part) => Number.parseInt(part, 10));
  return major > 14 || (major === 14 && minor >= 1);
}

/**
 * Whether storage I/O is suspended briefly at the start of an automated backup: always for Single-AZ;
 * for Multi-AZ only on SQL Server (backup taken from the primary) and Db2 (suspended even though the
 * backup is taken from the standby). docs.aws.amazon.com/AmazonRDS/latest/UserGuide/
 * USER_ManagingAutomatedBackups.html (Backup window).
 */
export function backupSuspendsIo(family: EngineFamily, multiAZ: boolean): boolean {
  return !multiAZ || family === 'sqlserver' || family === 'db2';
}
