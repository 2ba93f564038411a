/**
 * The RDS module's state: a simulated DB instance, the engine context it needs, the API's errors,
 * and the timings AWS publishes or we chose (documented in docs/scenario-format.md "RDS").
 */
import type { Refusal } from '../../../contract/model';
import { API_ERROR_CODES, refusalMessage } from '../../../rules';
import { CoreError } from '../../../core-error';
import type { Random } from '../kernel/random';
import type { InstanceCapacity, StorageType } from './capacity';
import type { EngineFamily } from './engines';
import type { RdsEventTemplate } from './rds-events';
import type { DbInstanceProperties } from './resource-types';
import type { LoadedResource } from '../scenario/load-scenario';
import type { SimContext } from '../sim-context';

/** What the RDS module needs from the engine: the part of the engine's SimContext it uses. */
export type RdsContext = Pick<SimContext, 'now' | 'random' | 'schedule' | 'metrics' | 'recordRdsEvent' | 'inventoryChanged'>;

/**
 * An RDS API refusal: core's one error type (a CoreError `InvalidRequest`) with the code as the RDS
 * API names it in `params.awsCode` (and `name`, as the SDK's errors carry it), `message` as the API
 * words it, and — when the refusal comes from the shared rules (core/rules) — the refusal the window
 * translates.
 */
export class RdsApiError extends CoreError<{ awsCode: string; detail?: string }> {
  constructor(
    awsCode: string,
    message: string,
    readonly refusal?: Refusal,
  ) {
    // Without the rules' refusal the window shows the API's error code and its words, as AWS gives them.
    super('InvalidRequest', message, refusal ? { awsCode } : { awsCode, detail: message }, refusal ? undefined : { problem: 'simulatedApi.refused' });
    this.name = awsCode;
  }
}

/** The shared rules' refusal, thrown as RDS answers it. */
export function refusedBy(refusal: Refusal): RdsApiError {
  return new RdsApiError(API_ERROR_CODES[refusal.code] ?? 'InvalidParameterCombination', refusalMessage(refusal), refusal);
}

/** Multi-AZ failover, RDS-1: "typically 60–120 seconds". The restart event comes ~40 % of the way in, as in real event logs. */
export { FAILOVER_SECONDS } from '../../../rules';
export const FAILOVER_RESTART_SHARE = 0.4;
/** A plain reboot: crash recovery of the engine (AWS gives no figure; our choice). */
export const REBOOT_SECONDS: readonly [number, number] = [30, 60];
/** Single-AZ recovery after a host failure: new host, volume re-attached, crash recovery (our choice). */
export const RECOVERY_SECONDS: readonly [number, number] = [240, 600];
/** Promotion: replication stopped and the instance reconfigured before its reboot (our choice; AWS: "a few minutes"). */
export const PROMOTION_MODIFYING_SECONDS: readonly [number, number] = [60, 120];
/** Replica creation: the source is `modifying` while the snapshot is taken, the replica `creating` until it is restored. */
export const REPLICA_SNAPSHOT_SECONDS: readonly [number, number] = [60, 120];
export const REPLICA_RESTORE_SECONDS: readonly [number, number] = [240, 480];
/** Default backup window when PreferredBackupWindow is not set: 03:00–03:30 UTC, whatever the scenario. */
export const DEFAULT_BACKUP_WINDOW = '03:00-03:30';
/** A backup takes 2 minutes plus the time to copy the changes since the previous one at 5,000 writes/s. */
export const BACKUP_BASE_SECONDS = 120;
export const BACKUP_WRITES_PER_SECOND = 5_000;
/** Storage I/O is suspended this long when a backup starts (AWS: "typically under a few seconds"). */
export const BACKUP_IO_SUSPENSION_SECONDS = 3;
/** Latency is raised this much while a backup runs (AWS: "elevated latencies for a few minutes"). */
export const BACKUP_LATENCY_FACTOR = 1.25;
/** Transaction logs are uploaded every 5 minutes: LatestRestorableTime trails now by at most that (USER_PIT.html). */
export const LOG_UPLOAD_SECONDS = 300;
/**
 * A manual snapshot takes a minute plus 1.5 s per GiB allocated (100 GiB: 3.5 min). AWS publishes no
 * figure (only that the first snapshot is a full copy and later ones are incremental): a plausible one.
 */
export const SNAPSHOT_BASE_SECONDS = 60;
export const SNAPSHOT_SECONDS_PER_GIB = 1.5;
/**
 * A point-in-time restore: 5 minutes to create the instance, 3 s per GiB to restore the volume from
 * the snapshot, and the transaction logs since that snapshot replayed at 60× real time. Plausible
 * figures of ours: AWS says only that restores take longer the more data and logs there are.
 */
export const RESTORE_BASE_SECONDS = 300;
export const RESTORE_SECONDS_PER_GIB = 3;
export const LOG_REPLAY_SPEEDUP = 60;
/** Idle CPU of a DB instance (engine housekeeping), percent. */
export const IDLE_CPU_PERCENT = 2;
/** Connections that exist without application load (the RDS monitoring agent, the engine's own). */
export const BASE_CONNECTIONS = 2;
/** However busy the replica is with reads, replay keeps at least this share of its replay rate. */
export const MIN_REPLAY_SHARE = 0.1;

export const NAMESPACE = 'AWS/RDS';
export const DAY_MS = 86_400_000;

export type DbInstanceStatus = 'creating' | 'available' | 'backing-up' | 'modifying' | 'rebooting';

/** What is under way on an instance; scheduled steps of an operation carry its generation. */
export type Operation = 'failover' | 'reboot' | 'recovery' | 'promotion' | 'creation' | 'backup' | 'replica-snapshot' | 'snapshot' | 'restore';

export interface TickLoad {
  /** Start (ms) of the tick this load belongs to. */
  mark: number;
  tickSeconds: number;
  reads: number;
  writes: number;
  /** Work units admitted / offered by the application (offered includes what was refused). */
  units: number;
  offeredUnits: number;
  ios: number;
  offeredIos: number;
  readIos: number;
  writeIos: number;
  latencySum: number;
}

export interface SimDbInstance {
  identifier: string;
  logicalId: string;
  arn: string;
  region: string;
  endpoint: { address: string; port: number };
  dbInstanceClass: string;
  engine: string;
  family: EngineFamily;
  engineVersion?: string;
  multiAZ: boolean;
  availabilityZone: string;
  secondaryAvailabilityZone?: string;
  /** Identifier of the instance this one replicates from. */
  source?: string;
  replicas: string[];
  backupRetentionPeriod: number;
  backupWindow: { startSecondOfDay: number; durationSeconds: number };
  allocatedStorage: number;
  storageType: StorageType;
  iops?: number;
  capacity: InstanceCapacity;
  createTime: number;
  status: DbInstanceStatus;
  /** The engine is not running (reboot, failover, recovery, creation): no traffic, no metrics. */
  down: boolean;
  operation?: Operation;
  generation: number;
  /** Promotion under way: replication stopped, no client traffic. */
  promoting: boolean;
  // Replication (replicas only).
  backlogWrites: number;
  lagOffsetSeconds: number;
  replicaLag: number;
  replicationActive: boolean;
  // Per tick.
  load: TickLoad;
  committedWrites: number;
  replayedWrites: number;
  writesSinceBackup: number;
  ioSuspendedFrom: number;
  ioSuspendedUntil: number;
  backupChain: boolean;
  // Automated backups and snapshots (rds-backups.ts).
  /** Tags on the instance (how many), copied to its snapshots when copyTagsToSnapshot. */
  tagCount: number;
  copyTagsToSnapshot: boolean;
  /** Epoch ms of the last transaction-log upload: LatestRestorableTime (undefined: backups off). */
  latestRestorableTime?: number;
  /** Epoch ms of the oldest automated snapshot kept: the earliest restorable time. */
  earliestRestorableTime?: number;
}

/** A DB snapshot: automated (the daily backup) or manual (CreateDBSnapshot). */
export interface SimDbSnapshot {
  identifier: string;
  instance: string;
  arn: string;
  type: 'automated' | 'manual';
  status: 'creating' | 'available';
  /** When it was started: the point in time its data is from (SnapshotCreateTime). */
  createTime: number;
  /** Epoch ms when it will be (or became) available; percentProgress is read from the clock. */
  readyAt: number;
  allocatedStorage: number;
  engine: string;
  tagCount: number;
}

export interface CreateReadReplicaParameters {
  DBInstanceIdentifier: string;
  SourceDBInstanceIdentifier: string;
  DBInstanceClass?: string;
  AvailabilityZone?: string;
  MultiAZ?: boolean;
}

export const emptyLoad = (mark: number, tickSeconds: number): TickLoad => ({
  mark,
  tickSeconds,
  reads: 0,
  writes: 0,
  units: 0,
  offeredUnits: 0,
  ios: 0,
  offeredIos: 0,
  readIos: 0,
  writeIos: 0,
  latencySum: 0,
});


/**
 * What the RDS actions and faults (rds-actions.ts, rds-faults.ts) drive on the service: its
 * instances and the steps of an operation. RdsService implements it; nothing outside rds/ uses it.
 */
export interface RdsInternals {
  readonly ctx: RdsContext;
  readonly random: Random;
  readonly instances: Map<string, SimDbInstance>;
  /** DB snapshots by identifier, automated and manual, in creation order. */
  readonly snapshots: Map<string, SimDbSnapshot>;
  /** The instance, or DBInstanceNotFound as the API words it. */
  require(identifier: string): SimDbInstance;
  buildInstance(resource: LoadedResource, p: DbInstanceProperties, source: SimDbInstance | undefined): SimDbInstance;
  recomputeOrder(): void;
  scheduleBackups(instance: SimDbInstance): void;
  /** Starts an operation: new generation (stale steps of earlier ones are dropped), new status. */
  begin(instance: SimDbInstance, operation: Operation, status: DbInstanceStatus, down?: boolean): number;
  finish(instance: SimDbInstance, status: DbInstanceStatus): void;
  /** Runs `step` `seconds` from now unless another operation has started on the instance since. */
  after(instance: SimDbInstance, generation: number, seconds: number, step: () => void): void;
  draw(range: readonly [number, number]): number;
  event(instance: SimDbInstance, template: RdsEventTemplate): void;
  failover(instance: SimDbInstance, reason: RdsEventTemplate): number;
  reboot(instance: SimDbInstance): number;
  recover(instance: SimDbInstance): number;
}
