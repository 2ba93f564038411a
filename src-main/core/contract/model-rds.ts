/**
 * RDS DB instances and events (DescribeDBInstances, DescribeEvents).
 * docs.aws.amazon.com/AmazonRDS/latest/APIReference/
 */
import { z } from 'zod';
import { IsoTime } from './model-common';

export const DbInstance = z.object({
  dbInstanceIdentifier: z.string().min(1),
  dbInstanceArn: z.string().optional(),
  dbInstanceClass: z.string(),
  engine: z.string(),
  engineVersion: z.string().optional(),
  /** available, backing-up, creating, modifying, rebooting, failed, stopped, … */
  dbInstanceStatus: z.string(),
  multiAZ: z.boolean(),
  availabilityZone: z.string().optional(),
  secondaryAvailabilityZone: z.string().optional(),
  readReplicaSourceDBInstanceIdentifier: z.string().optional(),
  readReplicaDBInstanceIdentifiers: z.array(z.string()),
  backupRetentionPeriod: z.number().int(),
  endpoint: z.object({ address: z.string(), port: z.number().int() }).optional(),
  allocatedStorage: z.number().int().optional(),
  instanceCreateTime: IsoTime.optional(),
  /**
   * Current ReplicaLag in seconds for replicas (−1 when replication is not running), from metrics.
   * Absent when unknown — no datapoint, or only one too old to be current (then `staleReplicaLag`).
   */
  replicaLagSeconds: z.number().optional(),
  /**
   * AWS mode: the newest ReplicaLag datapoint when it is too old to stand for the current lag
   * (sources/aws/polling/replica-lag.ts): its value and when its period ended. The promote
   * pre-flight says the lag is unknown and how old this value is (core/rules/rds-rules.ts).
   */
  staleReplicaLag: z.object({ seconds: z.number(), time: IsoTime }).optional(),
  /** Daily backup window, `hh24:mi-hh24:mi` UTC (PreferredBackupWindow): a backup under way blocks promotion. */
  preferredBackupWindow: z.string().max(11).optional(),
  /**
   * The latest time a point-in-time restore can go to (DescribeDBInstances LatestRestorableTime):
   * the last transaction-log upload, typically within the last five minutes (USER_PIT.html).
   * Absent when automated backups are off.
   */
  latestRestorableTime: IsoTime.optional(),
  /**
   * The earliest such time: the oldest automated backup kept (AWS: DescribeDBInstanceAutomatedBackups
   * RestoreWindow.EarliestTime; on AWS we read it from the oldest automated snapshot).
   */
  earliestRestorableTime: IsoTime.optional(),
  /** CopyTagsToSnapshot: the instance's tags are copied to its snapshots. */
  copyTagsToSnapshot: z.boolean().optional(),
});
export type DbInstance = z.infer<typeof DbInstance>;

/**
 * A DB snapshot (DescribeDBSnapshots): automated ones (`rds:<instance>-<yyyy-mm-dd-hh-mm>`, taken
 * in the backup window and pruned after the retention period) and manual ones (CreateDBSnapshot,
 * kept until deleted). docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBSnapshot.html
 */
export const DbSnapshot = z.object({
  dbSnapshotIdentifier: z.string().min(1).max(300),
  dbInstanceIdentifier: z.string().max(255),
  dbSnapshotArn: z.string().max(2048).optional(),
  /** automated | manual (AWS also has shared, public, awsbackup). */
  snapshotType: z.string().max(40),
  /** creating | available | … */
  status: z.string().max(40),
  snapshotCreateTime: IsoTime.optional(),
  percentProgress: z.number().int().min(0).max(100).optional(),
  allocatedStorage: z.number().int().optional(),
  engine: z.string().max(100).optional(),
  /** How many tags it carries (the instance's, when CopyTagsToSnapshot is on). */
  tagCount: z.number().int().min(0).optional(),
});
export type DbSnapshot = z.infer<typeof DbSnapshot>;

export const RdsEvent = z.object({
  sourceIdentifier: z.string(),
  sourceType: z.string(),
  date: IsoTime,
  message: z.string(),
  eventCategories: z.array(z.string()),
  /** e.g. RDS-EVENT-0013; AWS puts it in the message link, we keep it separately. */
  eventId: z.string().optional(),
});
export type RdsEvent = z.infer<typeof RdsEvent>;

/**
 * What RDS accepts as a new identifier (API_CreateDBSnapshot DBSnapshotIdentifier: 1–255;
 * API_RestoreDBInstanceToPointInTime TargetDBInstanceIdentifier: 1–63): letters, digits and hyphens,
 * a letter first, no trailing hyphen, no two consecutive hyphens. Shared: the rules refuse with it
 * (core/rules/rds-rules.ts) and the window checks as the operator types.
 */
const NEW_IDENTIFIER = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9]))*$/;
export const MAX_DB_INSTANCE_IDENTIFIER = 63;
export const MAX_DB_SNAPSHOT_IDENTIFIER = 255;

export function isValidRdsIdentifier(value: string, maxLength: number): boolean {
  return value.length >= 1 && value.length <= maxLength && NEW_IDENTIFIER.test(value);
}
