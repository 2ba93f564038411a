/**
 * AWS::RDS::DBInstance as the scenario loader sees it: the CloudFormation properties the simulator
 * uses, what Ref and Fn::GetAtt return, and the checks a real stack would fail on.
 * docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html
 *
 * `check` sees one resource's properties. Whatever needs the whole file — a read replica's source must
 * exist, replica limits (RDS-4), the source's backup retention, cascading rules, Aurora warnings — is
 * in `checkRdsScenario`, which the loader calls once every resource is loaded.
 */
import { z } from 'zod';
import { createRandom } from '../kernel/random';
import { cfnBoolean, cfnInteger, cfnString, cfnTags } from '../scenario/cfn-values';
import type { DiagnosticCode, PathSegment } from '../scenario/diagnostics';
import type { LoadedResource } from '../scenario/loaded-resource';
import type { SpecCheckReport } from '../scenario/resource-spec';
import type { ScenarioReport } from '../scenario/scenario-checks';
import type { ResourceIdentity, ResourceTypeSpec } from '../scenario/resource-types';
import { allowsCascadingReplicas, DEFAULT_PORTS, ENGINE_LABELS, engineFamily, ENGINES, isAuroraEngine, MAX_CASCADE_DEPTH, MAX_READ_REPLICAS, type EngineFamily } from './engines';

export const DB_INSTANCE_TYPE = 'AWS::RDS::DBInstance';

/** CloudFormation default when BackupRetentionPeriod is left out; read replicas are created with backups off. */
export const DEFAULT_BACKUP_RETENTION = 1;
/** AllocatedStorage when a template leaves it out (CloudFormation requires it for these engines; we are lenient). */
export const DEFAULT_ALLOCATED_STORAGE = 20;

export const DbInstancePropertiesSchema = z.object({
  DBInstanceIdentifier: z.string().optional(),
  DBInstanceClass: z.string().optional(),
  Engine: z.string().optional(),
  EngineVersion: cfnString.optional(),
  MultiAZ: cfnBoolean.optional(),
  AllocatedStorage: cfnInteger.optional(),
  BackupRetentionPeriod: cfnInteger.optional(),
  PreferredBackupWindow: z.string().optional(),
  /** Weekly, `ddd:hh24:mi-ddd:hh24:mi` UTC; only checked against the backup window (no maintenance is simulated). */
  PreferredMaintenanceWindow: z.string().optional(),
  CopyTagsToSnapshot: cfnBoolean.optional(),
  /** Only matters when the instance is deleted, which the simulator does not do: accepted and checked. */
  DeleteAutomatedBackups: cfnBoolean.optional(),
  AvailabilityZone: z.string().optional(),
  SourceDBInstanceIdentifier: z.string().optional(),
  Port: cfnInteger.optional(),
  StorageType: z.enum(['gp2', 'gp3', 'io1', 'io2', 'standard']).optional(),
  Iops: cfnInteger.optional(),
  /** Present on Aurora cluster members only; they are not simulated (warning). */
  DBClusterIdentifier: z.string().optional(),
  Tags: cfnTags,
});
export type DbInstanceProperties = z.output<typeof DbInstancePropertiesSchema>;

/** The identifier RDS stores: always lower case (CreateDBInstance: "stored as a lowercase string"). */
export const dbInstanceIdentifierOf = (id: ResourceIdentity): string => id.name.toLowerCase();

/** The middle of RDS endpoint names is the same for every instance of one account in one region. */
export function endpointAddress(identifier: string, region: string, accountId: string): string {
  const accountRegionHex = createRandom(0, `rds-endpoint/${accountId}/${region}`).hex(12);
  return `${identifier}.${accountRegionHex}.${region}.rds.amazonaws.com`;
}

export const dbInstanceArn = (identifier: string, region: string, accountId: string): string => `arn:aws:rds:${region}:${accountId}:db:${identifier}`;

/** A source given as an identifier or as a DB instance ARN (cross-Region form), normalised to the identifier. */
export function sourceIdentifierOf(value: string): string {
  const arn = /^arn:aws[\w-]*:rds:[^:]*:\d*:db:(.+)$/.exec(value);
  return (arn ? arn[1]! : value).toLowerCase();
}

/**
 * The port the endpoint listens on: Port, or the engine's default port. The loader hands attributes
 * the properties as written, so a Port or Engine given through an intrinsic falls back to 3306.
 */
function portOf(properties: Record<string, unknown> | undefined): number {
  const port = properties?.Port;
  if (typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) return Number(port);
  const engine = typeof properties?.Engine === 'string' ? engineFamily(properties.Engine) : undefined;
  return engine ? DEFAULT_PORTS[engine] : DEFAULT_PORTS.mysql;
}

const IDENTIFIER = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?!-))*$/;
const BACKUP_WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** `hh24:mi-hh24:mi` (UTC) → start second of day and length in seconds, or undefined when malformed. */
export function parseBackupWindow(window: string): { startSecondOfDay: number; durationSeconds: number } | undefined {
  const match = BACKUP_WINDOW.exec(window);
  if (!match) return undefined;
  const start = Number(match[1]) * 3600 + Number(match[2]) * 60;
  const end = Number(match[3]) * 3600 + Number(match[4]) * 60;
  return { startSecondOfDay: start, durationSeconds: (end - start + 86_400) % 86_400 };
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MAINTENANCE_WINDOW = /^([a-z]{3}):([01]\d|2[0-3]):([0-5]\d)-([a-z]{3}):([01]\d|2[0-3]):([0-5]\d)$/i;
const WEEK_SECONDS = 7 * 86_400;

/** `ddd:hh24:mi-ddd:hh24:mi` (UTC) → start second of the week (Sunday 00:00) and length, or undefined. */
export function parseMaintenanceWindow(window: string): { startSecondOfWeek: number; durationSeconds: number } | undefined {
  const match = MAINTENANCE_WINDOW.exec(window);
  if (!match) return undefined;
  const startDay = DAYS.indexOf(match[1]!.toLowerCase());
  const endDay = DAYS.indexOf(match[4]!.toLowerCase());
  if (startDay < 0 || endDay < 0) return undefined;
  const start = startDay * 86_400 + Number(match[2]) * 3600 + Number(match[3]) * 60;
  const end = endDay * 86_400 + Number(match[5]) * 3600 + Number(match[6]) * 60;
  return { startSecondOfWeek: start, durationSeconds: (end - start + WEEK_SECONDS) % WEEK_SECONDS };
}

/** Whether the daily backup window meets the weekly maintenance window on any day of the week. */
export function windowsOverlap(backup: { startSecondOfDay: number; durationSeconds: number }, maintenance: { startSecondOfWeek: number; durationSeconds: number }): boolean {
  const m0 = maintenance.startSecondOfWeek;
  const m1 = m0 + maintenance.durationSeconds;
  for (let day = -1; day <= 7; day++) {
    const b0 = day * 86_400 + backup.startSecondOfDay;
    const b1 = b0 + backup.durationSeconds;
    // The maintenance window may wrap past Saturday night: compare with it shifted a week too.
    for (const shift of [0, WEEK_SECONDS]) if (b0 < m1 - shift && m0 - shift < b1) return true;
  }
  return false;
}

/** The two windows CreateDBInstance takes: how each is written and the codes of its two faults. */
const WINDOWS = {
  PreferredBackupWindow: { shape: 'hh24:mi-hh24:mi in UTC, e.g. 03:00-03:30', invalid: 'rds.backupWindowInvalid', tooShort: 'rds.backupWindowTooShort' },
  PreferredMaintenanceWindow: { shape: 'ddd:hh24:mi-ddd:hh24:mi in UTC, e.g. sun:05:00-sun:05:30', invalid: 'rds.maintenanceWindowInvalid', tooShort: 'rds.maintenanceWindowTooShort' },
} as const;

/** The window when it is well formed and at least 30 minutes long; otherwise reports which it is not. */
function checkedWindow<W extends { durationSeconds: number }>(field: keyof typeof WINDOWS, window: string | undefined, parse: (window: string) => W | undefined, named: string, report: SpecCheckReport): W | undefined {
  if (window === undefined) return undefined;
  const rule = WINDOWS[field];
  const parsed = parse(window);
  if (!parsed) {
    report(field, `${field} "${window}"${named} must look like ${rule.shape}`, { code: rule.invalid, params: { window } });
    return undefined;
  }
  if (parsed.durationSeconds < 1800) {
    report(field, `${field} "${window}"${named} must be at least 30 minutes long`, { code: rule.tooShort, params: { window } });
    return undefined;
  }
  return parsed;
}

function checkDbInstance(properties: Record<string, unknown>, report: SpecCheckReport): void {
  const p = properties as DbInstanceProperties;
  if (p.DBInstanceIdentifier !== undefined && (!IDENTIFIER.test(p.DBInstanceIdentifier) || p.DBInstanceIdentifier.length > 63 || p.DBInstanceIdentifier.endsWith('-'))) {
    report('DBInstanceIdentifier', `DBInstanceIdentifier "${p.DBInstanceIdentifier}" must be 1 to 63 letters, digits or hyphens, start with a letter, and not end with a hyphen or contain two consecutive hyphens`, { code: 'rds.identifierInvalid', params: { identifier: p.DBInstanceIdentifier } });
  }
  const aurora = p.DBClusterIdentifier !== undefined || (p.Engine !== undefined && isAuroraEngine(p.Engine));
  if (p.Engine !== undefined && !aurora && !engineFamily(p.Engine)) {
    report('Engine', `Engine "${p.Engine}" is not an RDS DB instance engine (known: ${Object.keys(ENGINES).join(', ')}; Aurora engines run on clusters)`, { code: 'rds.engineUnknown', params: { engine: p.Engine, known: Object.keys(ENGINES).join(', ') } });
  }
  if (p.SourceDBInstanceIdentifier === undefined && !aurora) {
    if (p.Engine === undefined) report('Engine', 'Engine is required unless the instance is a read replica (SourceDBInstanceIdentifier)', { code: 'rds.requiredUnlessReplica', params: { property: 'Engine' } });
    if (p.DBInstanceClass === undefined) report('DBInstanceClass', 'DBInstanceClass is required unless the instance is a read replica (SourceDBInstanceIdentifier)', { code: 'rds.requiredUnlessReplica', params: { property: 'DBInstanceClass' } });
  }
  if (p.DBInstanceClass !== undefined && !/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(p.DBInstanceClass)) {
    report('DBInstanceClass', `DBInstanceClass "${p.DBInstanceClass}" is not a DB instance class such as db.r6g.large`, { code: 'rds.instanceClassInvalid', params: { instanceClass: p.DBInstanceClass } });
  }
  if (p.BackupRetentionPeriod !== undefined && (p.BackupRetentionPeriod < 0 || p.BackupRetentionPeriod > 35)) {
    report('BackupRetentionPeriod', `BackupRetentionPeriod ${p.BackupRetentionPeriod} must be between 0 and 35 days`, {
      code: 'rds.backupRetentionOutOfRange',
      params: { value: p.BackupRetentionPeriod },
    });
  }
  // CreateDBInstance PreferredBackupWindow / PreferredMaintenanceWindow: "Must be at least 30
  // minutes", and the backup window "Must not conflict with the preferred maintenance window".
  const named = p.DBInstanceIdentifier === undefined ? '' : ` of ${p.DBInstanceIdentifier}`;
  const backup = checkedWindow('PreferredBackupWindow', p.PreferredBackupWindow, parseBackupWindow, named, report);
  const maintenance = checkedWindow('PreferredMaintenanceWindow', p.PreferredMaintenanceWindow, parseMaintenanceWindow, named, report);
  if (backup && maintenance && windowsOverlap(backup, maintenance)) {
    report('PreferredBackupWindow', `PreferredBackupWindow "${p.PreferredBackupWindow}"${named} overlaps PreferredMaintenanceWindow "${p.PreferredMaintenanceWindow}"; RDS requires the two not to conflict`, {
      code: 'rds.backupWindowOverlapsMaintenance',
      params: { backup: p.PreferredBackupWindow!, maintenance: p.PreferredMaintenanceWindow! },
    });
  }
  if (p.MultiAZ && p.AvailabilityZone !== undefined) {
    report('AvailabilityZone', 'AvailabilityZone cannot be set on a Multi-AZ DB instance (RDS chooses the primary and standby zones)', { code: 'rds.availabilityZoneWithMultiAz' });
  }
  if ((p.StorageType === 'io1' || p.StorageType === 'io2') && p.Iops === undefined) report('Iops', `StorageType ${p.StorageType} needs Iops`, { code: 'rds.iopsMissing', params: { storageType: p.StorageType } });
  if ((p.StorageType === 'gp2' || p.StorageType === 'standard') && p.Iops !== undefined) report('Iops', `Iops cannot be set for StorageType ${p.StorageType}`, { code: 'rds.iopsNotAllowed', params: { storageType: p.StorageType } });
  // The most Provisioned IOPS any RDS storage type offers (io2: 256,000; CHAP_Storage).
  if (p.Iops !== undefined && (p.Iops < 0 || p.Iops > 256_000)) report('Iops', `Iops ${p.Iops} must be between 0 and 256000`, { code: 'property.between', params: { property: 'Iops', value: p.Iops, min: 0, max: 256_000 } });
  if (p.AllocatedStorage !== undefined) {
    const minimum = p.StorageType === 'standard' ? 5 : p.StorageType === 'io1' || p.StorageType === 'io2' ? 100 : 20;
    if (p.AllocatedStorage < minimum || p.AllocatedStorage > 65_536) report('AllocatedStorage', `AllocatedStorage ${p.AllocatedStorage} GiB is outside ${minimum}–65536 GiB for ${p.StorageType ?? 'gp3'} storage`, { code: 'rds.allocatedStorageOutOfRange', params: { value: p.AllocatedStorage, min: minimum, max: 65_536, storageType: p.StorageType ?? 'gp3' } });
  }
  if (p.Port !== undefined && (p.Port < 1150 || p.Port > 65_535)) report('Port', `Port ${p.Port} must be between 1150 and 65535`, { code: 'property.between', params: { property: 'Port', value: p.Port, min: 1150, max: 65_535 } });
}

export const RDS_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  [DB_INSTANCE_TYPE]: {
    nameProperty: 'DBInstanceIdentifier',
    maxNameLength: 63,
    properties: DbInstancePropertiesSchema,
    ignored: [
      'AllowMajorVersionUpgrade',
      'AssociatedRoles',
      'AutoMinorVersionUpgrade',
      'AutomaticBackupReplicationRegion',
      'CACertificateIdentifier',
      'CharacterSetName',
      'DBName',
      'DBParameterGroupName',
      'DBSecurityGroups',
      'DBSnapshotIdentifier',
      'DBSubnetGroupName',
      'DedicatedLogVolume',
      'DeletionProtection',
      'Domain',
      'DomainIAMRoleName',
      'EnableCloudwatchLogsExports',
      'EnableIAMDatabaseAuthentication',
      'EnablePerformanceInsights',
      'KmsKeyId',
      'LicenseModel',
      'ManageMasterUserPassword',
      'MasterUserPassword',
      'MasterUserSecret',
      'MasterUsername',
      'MaxAllocatedStorage',
      'MonitoringInterval',
      'MonitoringRoleArn',
      'NcharCharacterSetName',
      'NetworkType',
      'OptionGroupName',
      'PerformanceInsightsKMSKeyId',
      'PerformanceInsightsRetentionPeriod',
      'PubliclyAccessible',
      'SourceRegion',
      'StorageEncrypted',
      'StorageThroughput',
      'Timezone',
      'VPCSecurityGroups',
    ],
    check: checkDbInstance,
    ref: dbInstanceIdentifierOf,
    attributes: {
      'Endpoint.Address': (id) => endpointAddress(dbInstanceIdentifierOf(id), id.region, id.accountId),
      // CloudFormation returns the port as a string.
      'Endpoint.Port': (_id, rawProperties) => String(portOf(rawProperties)),
      DBInstanceArn: (id) => dbInstanceArn(dbInstanceIdentifierOf(id), id.region, id.accountId),
      DbiResourceId: (id) => `db-${id.hex.slice(0, 26).toUpperCase()}`,
    },
  },
};

/** Severity-aware report, as the loader's `diagnose` gives it: path from the file's root. */
export type RdsReport = ScenarioReport;

/** Where a fault or action names a DB instance (the loader keeps its entries' paths as `Faults[3]`). */
export interface RdsTimedReference {
  type: string;
  parameters: Record<string, unknown>;
  path: string;
}

export interface RdsTrafficReference {
  Database?: { DBInstanceIdentifier: string };
}

interface Node {
  resource: LoadedResource;
  identifier: string;
  properties: DbInstanceProperties;
  source?: string;
}

/** Faults and actions whose DBInstanceIdentifier must name a DB instance of the file. */
const TIMED_TYPES_WITH_DB = new Set(['FailDBInstance', 'RaiseReplicaLag', 'PromoteReadReplica', 'RebootDBInstance', 'CreateDBSnapshot', 'RestoreDBInstanceToPointInTime']);

function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

/**
 * Checks across DB instances (and the Traffic / Faults / Actions that name them). Errors stop the load;
 * Aurora members are a warning and are left out of the simulation.
 */
export function checkRdsScenario(
  scenario: { resources: readonly LoadedResource[]; traffic?: readonly RdsTrafficReference[]; timeline?: readonly RdsTimedReference[] },
  report: RdsReport,
): void {
  const nodes = new Map<string, Node>();
  for (const resource of scenario.resources) {
    if (resource.type !== DB_INSTANCE_TYPE) continue;
    const properties = resource.properties as DbInstanceProperties;
    const at = (property: string): PathSegment[] => ['Resources', resource.logicalId, 'Properties', property];
    if (properties.DBClusterIdentifier !== undefined || (properties.Engine !== undefined && isAuroraEngine(properties.Engine))) {
      report('warning', at(properties.DBClusterIdentifier !== undefined ? 'DBClusterIdentifier' : 'Engine'), `Aurora DB instances are not simulated; ${resource.logicalId} is ignored`, { code: 'rds.auroraNotSimulated', params: { logicalId: resource.logicalId } });
      continue;
    }
    const identifier = dbInstanceIdentifierOf(resource.identity);
    if (nodes.has(identifier)) {
      report('error', at('DBInstanceIdentifier'), `DBInstanceIdentifier "${identifier}" is already used by ${nodes.get(identifier)!.resource.logicalId}`, { code: 'rds.identifierDuplicate', params: { identifier, other: nodes.get(identifier)!.resource.logicalId } });
      continue;
    }
    nodes.set(identifier, { resource, identifier, properties, source: properties.SourceDBInstanceIdentifier === undefined ? undefined : sourceIdentifierOf(properties.SourceDBInstanceIdentifier) });
  }

  const familyOf = (node: Node): EngineFamily | undefined => {
    const seen = new Set<string>();
    let current: Node | undefined = node;
    while (current && !seen.has(current.identifier)) {
      seen.add(current.identifier);
      if (current.properties.Engine !== undefined) return engineFamily(current.properties.Engine);
      current = current.source ? nodes.get(current.source) : undefined;
    }
    return undefined;
  };

  const replicasOf = new Map<string, Node[]>();
  for (const node of nodes.values()) {
    if (node.source === undefined) continue;
    const at: PathSegment[] = ['Resources', node.resource.logicalId, 'Properties', 'SourceDBInstanceIdentifier'];
    const source = nodes.get(node.source);
    if (!source) {
      const known = [...nodes.keys()].filter((id) => id !== node.identifier).join(', ') || 'none';
      report('error', at, `SourceDBInstanceIdentifier "${node.properties.SourceDBInstanceIdentifier}" is not a DB instance in this file (known: ${known})`, { code: 'rds.sourceNotFound', params: { source: String(node.properties.SourceDBInstanceIdentifier), known } });
      continue;
    }
    if (source === node) {
      report('error', at, 'a DB instance cannot be its own read replica', { code: 'rds.replicaOfItself' });
      continue;
    }
    const family = familyOf(node);
    const sourceFamily = familyOf(source);
    if (node.properties.Engine !== undefined && sourceFamily !== undefined && engineFamily(node.properties.Engine) !== sourceFamily) {
      report('error', ['Resources', node.resource.logicalId, 'Properties', 'Engine'], `a read replica runs its source's engine: ${source.identifier} is ${source.properties.Engine ?? sourceFamily}, not ${node.properties.Engine}`, { code: 'rds.replicaEngineMismatch', params: { source: source.identifier, sourceEngine: source.properties.Engine ?? sourceFamily, engine: node.properties.Engine } });
    }
    const list = replicasOf.get(source.identifier) ?? [];
    list.push(node);
    replicasOf.set(source.identifier, list);
    if (family && list.length > MAX_READ_REPLICAS[family]) {
      report('error', at, `${source.identifier} already has ${MAX_READ_REPLICAS[family]} read replicas, the most ${ENGINE_LABELS[family]} allows per source (RDS-4)`, { code: 'rds.tooManyReplicas', params: { source: source.identifier, max: MAX_READ_REPLICAS[family], engine: ENGINE_LABELS[family] } });
    }
    const sourceRetention = source.properties.BackupRetentionPeriod ?? (source.source === undefined ? DEFAULT_BACKUP_RETENTION : 0);
    // MySQL and MariaDB say the rule also applies to a replica that is a source; RDS for PostgreSQL
    // replicas cannot have automated backups at all, and cascade without them.
    if (sourceRetention === 0 && !(source.source !== undefined && family === 'postgres')) {
      const hint = source.source === undefined ? '' : ' (a read replica is created with backups off: set BackupRetentionPeriod on it to make it a source)';
      report('error', at, `${source.identifier} has BackupRetentionPeriod 0; the source of a read replica needs automated backups (RDS-4)${hint}`, {
        code: source.source === undefined ? 'rds.replicaSourceWithoutBackups' : 'rds.replicaSourceIsReplicaWithoutBackups',
        params: { source: source.identifier },
      });
    }
  }

  // Chains: no cycles; replica-of-replica only where the engine allows it, at most three deep.
  for (const node of nodes.values()) {
    if (node.source === undefined || !nodes.has(node.source)) continue;
    const at: PathSegment[] = ['Resources', node.resource.logicalId, 'Properties', 'SourceDBInstanceIdentifier'];
    const chain: Node[] = [node];
    let current = nodes.get(node.source);
    while (current && !chain.includes(current)) {
      chain.push(current);
      current = current.source ? nodes.get(current.source) : undefined;
    }
    if (current) {
      report('error', at, `circular replication: ${[...chain, current].map((n) => n.identifier).join(' → ')} (RDS does not support circular replication)`, { code: 'rds.circularReplication', params: { chain: [...chain, current].map((n) => n.identifier).join(' → ') } });
      continue;
    }
    const depth = chain.length - 1; // replicas between this one and the primary at the top, this one included
    const family = familyOf(node);
    const source = nodes.get(node.source)!;
    if (source.source !== undefined && family) {
      const version = chain.map((n) => n.properties.EngineVersion).find((v) => v !== undefined);
      if (!allowsCascadingReplicas(family, version)) {
        const which = family === 'postgres' ? `${ENGINE_LABELS[family]} before version 14.1` : ENGINE_LABELS[family];
        const detail: DiagnosticCode = family === 'postgres' ? { code: 'rds.cascadeNotSupportedBefore', params: { source: source.identifier, engine: ENGINE_LABELS[family], version: '14.1' } } : { code: 'rds.cascadeNotSupported', params: { source: source.identifier, engine: ENGINE_LABELS[family] } };
        report('error', at, `${source.identifier} is itself a read replica; ${which} does not support a read replica of a read replica`, detail);
      } else if (depth > MAX_CASCADE_DEPTH) {
        report('error', at, `${node.identifier} would be replica number ${depth} in a chain from ${chain[chain.length - 1]!.identifier}; cascading read replicas allow at most ${MAX_CASCADE_DEPTH}`, { code: 'rds.cascadeTooDeep', params: { replica: node.identifier, depth, primary: chain[chain.length - 1]!.identifier, max: MAX_CASCADE_DEPTH } });
      }
    }
  }

  scenario.traffic?.forEach((entry, index) => {
    const id = entry.Database?.DBInstanceIdentifier;
    if (id !== undefined && !nodes.has(sourceIdentifierOf(id))) {
      report('error', ['Traffic', index, 'Database', 'DBInstanceIdentifier'], `"${id}" is not a DB instance in this file (known: ${[...nodes.keys()].join(', ') || 'none'})`, { code: 'rds.databaseNotFound', params: { id, known: [...nodes.keys()].join(', ') || 'none' } });
    }
  });
  for (const entry of scenario.timeline ?? []) {
    const field = entry.type === 'RestoreDBInstanceToPointInTime' ? 'SourceDBInstanceIdentifier' : 'DBInstanceIdentifier';
    const id = entry.parameters[field];
    if (!TIMED_TYPES_WITH_DB.has(entry.type) || typeof id !== 'string') continue;
    if (!nodes.has(id.toLowerCase())) {
      report('error', [...parsePath(entry.path), field], `${entry.type}: "${id}" is not a DB instance in this file (known: ${[...nodes.keys()].join(', ') || 'none'})`, { code: 'rds.timedDatabaseNotFound', params: { type: entry.type, id, known: [...nodes.keys()].join(', ') || 'none' } });
    }
  }
}

