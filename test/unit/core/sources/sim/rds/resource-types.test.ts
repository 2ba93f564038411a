import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { diagnose, readYaml } from '@main/core/sources/sim/scenario/yaml-source';
import { checkRdsScenario, DB_INSTANCE_TYPE, RDS_RESOURCE_TYPES, type RdsTimedReference, type RdsTrafficReference } from '@main/core/sources/sim/rds/resource-types';
import { dbResources } from './rds-resources';

const spec = RDS_RESOURCE_TYPES[DB_INSTANCE_TYPE]!;
const identity = (name: string, region = 'us-east-1') => ({ logicalId: 'Db', name, hex: 'ab'.repeat(16), region, accountId: '123456789012' });

function problems(properties: Record<string, unknown>): string[] {
  const out: string[] = [];
  spec.check!(spec.properties.parse(properties) as Record<string, unknown>, (property, message) => out.push(`${property}: ${message}`));
  return out;
}

/** Runs checkRdsScenario on a YAML file the way the loader would, so diagnostics carry real lines. */
function diagnosticsOf(yaml: string, extra: { traffic?: RdsTrafficReference[]; timeline?: RdsTimedReference[] } = {}): Diagnostic[] {
  const source = readYaml(yaml);
  const sink: Diagnostic[] = [];
  const resources = (source.value as { Resources: Record<string, { Properties: Record<string, unknown> }> }).Resources;
  const loaded = dbResources(Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, r.Properties])));
  checkRdsScenario({ resources: loaded, ...extra }, diagnose(source, sink));
  return sink;
}

const replicas = (count: number, source: string, extra = '') =>
  Array.from({ length: count }, (_, i) => `  R${i + 1}:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBInstanceIdentifier: r${i + 1}, SourceDBInstanceIdentifier: ${source}${extra} }\n`).join('');

describe('AWS::RDS::DBInstance: Ref, GetAtt and properties', () => {
  it('Ref is the DB instance identifier, lower-cased as RDS stores it', () => {
    expect(spec.ref(identity('Shop-DB'))).toBe('shop-db');
    expect(spec.nameProperty).toBe('DBInstanceIdentifier');
    expect(spec.maxNameLength).toBe(63);
  });

  it('GetAtt Endpoint.Address / DBInstanceArn / Endpoint.Port', () => {
    const address = spec.attributes['Endpoint.Address']!(identity('shop-db'), {}) as string;
    expect(address).toMatch(/^shop-db\.[0-9a-f]{12}\.us-east-1\.rds\.amazonaws\.com$/);
    // The middle part belongs to the account and region, as in RDS: the same for every instance there.
    expect((spec.attributes['Endpoint.Address']!(identity('other'), {}) as string).split('.')[1]).toBe(address.split('.')[1]);
    expect((spec.attributes['Endpoint.Address']!(identity('shop-db', 'eu-west-1'), {}) as string).split('.')[1]).not.toBe(address.split('.')[1]);
    expect(spec.attributes.DBInstanceArn!(identity('Shop-DB'), {})).toBe('arn:aws:rds:us-east-1:123456789012:db:shop-db');
    const port = spec.attributes['Endpoint.Port']!;
    expect(port(identity('x'), { Engine: 'postgres' })).toBe('5432');
    expect(port(identity('x'), { Engine: 'sqlserver-se' })).toBe('1433');
    expect(port(identity('x'), { Engine: 'mysql', Port: '3307' })).toBe('3307');
  });

  it('accepts a typical template: numbers as strings, ignored credentials and networking', () => {
    const parsed = spec.properties.parse({ DBInstanceClass: 'db.r6g.large', Engine: 'mysql', AllocatedStorage: '100', MultiAZ: 'true', BackupRetentionPeriod: '7' });
    expect(parsed).toMatchObject({ AllocatedStorage: 100, MultiAZ: true, BackupRetentionPeriod: 7 });
    for (const ignored of ['MasterUsername', 'MasterUserPassword', 'DBSubnetGroupName', 'VPCSecurityGroups', 'PubliclyAccessible']) expect(spec.ignored).toContain(ignored);
    expect(problems({ DBInstanceClass: 'db.r6g.large', Engine: 'mysql', AllocatedStorage: 100 })).toEqual([]);
  });

  it('check: impossible values are errors on the property that is wrong', () => {
    expect(problems({ Engine: 'mysql' })).toEqual(['DBInstanceClass: DBInstanceClass is required unless the instance is a read replica (SourceDBInstanceIdentifier)']);
    expect(problems({ DBInstanceClass: 'db.m5.large' })[0]).toMatch(/^Engine: Engine is required/);
    expect(problems({ SourceDBInstanceIdentifier: 'src' })).toEqual([]);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mongodb' })[0]).toMatch(/^Engine: Engine "mongodb" is not an RDS DB instance engine/);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', BackupRetentionPeriod: 36 })).toEqual(['BackupRetentionPeriod: BackupRetentionPeriod 36 must be between 0 and 35 days']);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', MultiAZ: true, AvailabilityZone: 'us-east-1a' })[0]).toMatch(/^AvailabilityZone:/);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', StorageType: 'io1', AllocatedStorage: 100 })).toEqual(['Iops: StorageType io1 needs Iops']);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', AllocatedStorage: 10 })[0]).toMatch(/^AllocatedStorage: AllocatedStorage 10 GiB/);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', PreferredBackupWindow: '3am' })[0]).toMatch(/^PreferredBackupWindow: .*hh24:mi-hh24:mi/);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', PreferredBackupWindow: '03:00-03:10' })[0]).toMatch(/at least 30 minutes/);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', DBInstanceIdentifier: '1db' })[0]).toMatch(/^DBInstanceIdentifier:/);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', DBInstanceIdentifier: 'my--db' })[0]).toMatch(/^DBInstanceIdentifier:/);
    expect(problems({ DBInstanceClass: 'large', Engine: 'mysql' })[0]).toMatch(/^DBInstanceClass:/);
    expect(problems({ DBInstanceClass: 'db.m5.large', Engine: 'mysql', Port: 80 })[0]).toMatch(/^Port:/);
  });
});

describe('checkRdsScenario: across DB instances', () => {
  const primary = (extra = '') => `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: shop-db, Engine: mysql, DBInstanceClass: db.r6g.large${extra} }
`;

  it('a read replica whose source is not in the file is an error with path and line', () => {
    const [error] = diagnosticsOf(`${primary()}  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceIdentifier: shop-db-replica
      SourceDBInstanceIdentifier: shop-dbb
`);
    expect(error).toMatchObject({ severity: 'error', path: 'Resources.Replica.Properties.SourceDBInstanceIdentifier', line: 9 });
    expect(error!.message).toContain('"shop-dbb" is not a DB instance in this file (known: shop-db)');
  });

  it('a source may be given as its ARN', () => {
    expect(diagnosticsOf(`${primary()}${replicas(1, 'arn:aws:rds:us-east-1:123456789012:db:shop-db')}`)).toEqual([]);
  });

  it('RDS-4 up to 15 read replicas per MySQL source: the 16th is an error', () => {
    expect(diagnosticsOf(`${primary()}${replicas(15, 'shop-db')}`)).toEqual([]);
    const errors = diagnosticsOf(`${primary()}${replicas(16, 'shop-db')}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: 'error', path: 'Resources.R16.Properties.SourceDBInstanceIdentifier' });
    expect(errors[0]!.message).toContain('already has 15 read replicas, the most RDS for MySQL allows per source (RDS-4)');
  });

  it('RDS-4 up to 5 read replicas per Oracle source', () => {
    const oracle = primary().replace('Engine: mysql', 'Engine: oracle-ee');
    expect(diagnosticsOf(`${oracle}${replicas(5, 'shop-db')}`)).toEqual([]);
    const errors = diagnosticsOf(`${oracle}${replicas(6, 'shop-db')}`);
    expect(errors.map((e) => e.path)).toEqual(['Resources.R6.Properties.SourceDBInstanceIdentifier']);
    expect(errors[0]!.message).toContain('the most RDS for Oracle allows');
  });

  it('RDS-4 15 read replicas per source for PostgreSQL, MariaDB and SQL Server too', () => {
    for (const engine of ['postgres', 'mariadb', 'sqlserver-ee']) {
      const source = primary().replace('Engine: mysql', `Engine: ${engine}`);
      expect(diagnosticsOf(`${source}${replicas(15, 'shop-db')}`)).toEqual([]);
      expect(diagnosticsOf(`${source}${replicas(16, 'shop-db')}`)).toHaveLength(1);
    }
  });

  it('RDS-4 the source needs a backup retention period other than 0', () => {
    const errors = diagnosticsOf(`${primary(', BackupRetentionPeriod: 0')}${replicas(1, 'shop-db')}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'Resources.R1.Properties.SourceDBInstanceIdentifier', line: 7 });
    expect(errors[0]!.message).toContain('shop-db has BackupRetentionPeriod 0; the source of a read replica needs automated backups (RDS-4)');
  });

  it('MySQL allows a replica of a replica, if the middle one keeps backups; at most three replicas in a chain', () => {
    const chain = (length: number, backups = ', BackupRetentionPeriod: 1') => {
      let yaml = primary();
      for (let i = 1; i <= length; i++) yaml += `  C${i}:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBInstanceIdentifier: c${i}, SourceDBInstanceIdentifier: ${i === 1 ? 'shop-db' : `c${i - 1}`}${backups} }\n`;
      return yaml;
    };
    expect(diagnosticsOf(chain(3))).toEqual([]);
    const tooDeep = diagnosticsOf(chain(4));
    expect(tooDeep.map((d) => d.path)).toEqual(['Resources.C4.Properties.SourceDBInstanceIdentifier']);
    expect(tooDeep[0]!.message).toContain('at most 3');
    const noBackups = diagnosticsOf(chain(2, ''));
    expect(noBackups.map((d) => d.path)).toEqual(['Resources.C2.Properties.SourceDBInstanceIdentifier']);
    expect(noBackups[0]!.message).toContain('c1 has BackupRetentionPeriod 0');
  });

  it('Oracle and SQL Server do not allow a replica of a replica; PostgreSQL only from 14.1', () => {
    const twoLevels = (engine: string, version = '') =>
      `${primary().replace('Engine: mysql', `Engine: ${engine}${version}`)}${replicas(1, 'shop-db', ', BackupRetentionPeriod: 1')}  Deep:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBInstanceIdentifier: deep, SourceDBInstanceIdentifier: r1 }\n`;
    for (const engine of ['oracle-se2', 'sqlserver-ee']) {
      const [error] = diagnosticsOf(twoLevels(engine));
      expect(error).toMatchObject({ severity: 'error', path: 'Resources.Deep.Properties.SourceDBInstanceIdentifier' });
      expect(error!.message).toContain('does not support a read replica of a read replica');
    }
    expect(diagnosticsOf(twoLevels('postgres', ', EngineVersion: "13.15"'))[0]!.message).toContain('RDS for PostgreSQL before version 14.1');
    expect(diagnosticsOf(twoLevels('postgres', ', EngineVersion: "16.4"'))).toEqual([]);
  });

  it('circular replication and a replica of itself are errors', () => {
    const yaml = `Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: a, SourceDBInstanceIdentifier: b, BackupRetentionPeriod: 1, Engine: mysql }
  B:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: b, SourceDBInstanceIdentifier: a, BackupRetentionPeriod: 1, Engine: mysql }
`;
    const errors = diagnosticsOf(yaml);
    expect(errors.some((e) => e.message.startsWith('circular replication'))).toBe(true);
  });

  it('a replica running another engine than its source is an error', () => {
    const errors = diagnosticsOf(`${primary()}${replicas(1, 'shop-db', ', Engine: postgres')}`);
    expect(errors.map((e) => e.path)).toEqual(['Resources.R1.Properties.Engine']);
  });

  it('Aurora instances are a warning, not an error, and are left out', () => {
    const warnings = diagnosticsOf(`${primary()}  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: aurora-mysql, DBClusterIdentifier: cluster-1, DBInstanceClass: db.r6g.large }
`);
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', path: 'Resources.Writer.Properties.DBClusterIdentifier', message: 'Aurora DB instances are not simulated; Writer is ignored' })]);
  });

  it('Traffic, Faults and Actions must name a DB instance of the file', () => {
    const errors = diagnosticsOf(primary(), {
      traffic: [{ Database: { DBInstanceIdentifier: 'shop-db' } }, { Database: { DBInstanceIdentifier: 'orders-db' } }],
      timeline: [
        { type: 'FailDBInstance', parameters: { DBInstanceIdentifier: 'SHOP-DB' }, path: 'Faults[0]' },
        { type: 'PromoteReadReplica', parameters: { DBInstanceIdentifier: 'replica-9' }, path: 'Actions[2]' },
        { type: 'SetDesiredCapacity', parameters: { AutoScalingGroupName: 'x', DesiredCapacity: 1 }, path: 'Actions[3]' },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual(['Traffic[1].Database.DBInstanceIdentifier', 'Actions[2].DBInstanceIdentifier']);
    expect(errors[1]!.message).toBe('PromoteReadReplica: "replica-9" is not a DB instance in this file (known: shop-db)');
  });
});
