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
  /** Latest ReplicaLag in seconds for replicas (−1 when replication is not running), from metrics. */
  replicaLagSeconds: z.number().optional(),
  /** Daily backup window, `hh24:mi-hh24:mi` UTC (PreferredBackupWindow): a backup under way blocks promotion. */
  preferredBackupWindow: z.string().max(11).optional(),
});
export type DbInstance = z.infer<typeof DbInstance>;

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
