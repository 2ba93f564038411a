/**
 * How much work a DB instance can do. AWS publishes vCPUs per DB instance class and IOPS per storage
 * type, not queries per second, so the per-vCPU figures below are the simulator's own choice
 * (docs/scenario-format.md, "RDS"). Everything here is a pure function of the instance's settings.
 *
 * Units: an application read costs 1 work unit, a write 4 (it also writes the log and pages), a write
 * replayed on a replica 2 (no parsing or planning, row changes only). A vCPU does 500 units a second.
 */

export const UNITS_PER_VCPU_SECOND = 500;
export const READ_UNITS = 1;
export const WRITE_UNITS = 4;
export const REPLAY_UNITS = 2;
/** A replica replays at most this many writes per second per vCPU (replay is largely single-threaded). */
export const REPLAY_WRITES_PER_VCPU_SECOND = 150;
/**
 * Burstable classes (db.t3, db.t4g, …) cannot sustain full vCPU use: their baseline is a fraction
 * of it (EC2 burstable performance). We count them at half capacity.
 */
export const BURSTABLE_FACTOR = 0.5;

/** Disk I/O per operation: 20 % of reads miss the buffer cache; a write touches the log and a page. */
export const READ_IOS = 0.2;
export const WRITE_IOS = 1.5;

/** Base service time on an idle instance (network round trip + execution), seconds. */
export const BASE_READ_SECONDS = 0.002;
export const BASE_WRITE_SECONDS = 0.004;
/** Synchronous replication to the Multi-AZ standby adds commit latency (Concepts.MultiAZ: "increased write and commit latency"). */
export const MULTI_AZ_COMMIT_SECONDS = 0.002;
/** Response time grows like an M/M/1 queue, as for ALB targets; utilisation is capped here. */
export const MAX_QUEUE_UTILISATION = 0.95;

/**
 * vCPUs of a DB instance class, from its size (RDS DB instance classes page: micro…large have 2,
 * xlarge 4, Nxlarge 4·N for the db.m*, db.r*, db.t* and db.x* families). Unknown sizes count as 2.
 */
export function vcpusOfClass(dbInstanceClass: string): number {
  const size = dbInstanceClass.split('.').pop() ?? '';
  if (size === 'xlarge') return 4;
  const multiple = /^(\d+)xlarge$/.exec(size);
  if (multiple) return 4 * Number(multiple[1]);
  if (size === 'metal') return 96;
  return 2;
}

export function isBurstableClass(dbInstanceClass: string): boolean {
  return /^db\.t\d/.test(dbInstanceClass);
}

export interface InstanceCapacity {
  vcpus: number;
  /** Work units per second (reads + 4 × writes + 2 × replayed writes). */
  unitsPerSecond: number;
  /** Most writes per second a replica of this class can replay. */
  replayWritesPerSecond: number;
  /** Storage IOPS the volume sustains. */
  iops: number;
}

export type StorageType = 'gp2' | 'gp3' | 'io1' | 'io2' | 'standard';

/**
 * Baseline IOPS per storage type (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html):
 * gp2 3 IOPS per GiB, at least 100 and at most 16,000 (burst credits not modelled); gp3 3,000 below
 * 400 GiB and 12,000 from 400 GiB unless Iops says otherwise; io1/io2 what Iops provisions; magnetic
 * roughly 100 on average.
 */
export function storageIops(storageType: StorageType, allocatedGiB: number, provisionedIops?: number): number {
  switch (storageType) {
    case 'gp2':
      return Math.min(16_000, Math.max(100, 3 * allocatedGiB));
    case 'gp3':
      return provisionedIops ?? (allocatedGiB >= 400 ? 12_000 : 3_000);
    case 'io1':
    case 'io2':
      return provisionedIops ?? 1_000;
    case 'standard':
      return 100;
  }
}

export function capacityOf(dbInstanceClass: string, storageType: StorageType, allocatedGiB: number, provisionedIops?: number): InstanceCapacity {
  const vcpus = vcpusOfClass(dbInstanceClass);
  const factor = isBurstableClass(dbInstanceClass) ? BURSTABLE_FACTOR : 1;
  return {
    vcpus,
    unitsPerSecond: vcpus * UNITS_PER_VCPU_SECOND * factor,
    replayWritesPerSecond: vcpus * REPLAY_WRITES_PER_VCPU_SECOND * factor,
    iops: storageIops(storageType, allocatedGiB, provisionedIops),
  };
}

/** Mean response time at utilisation `u` for an operation whose idle service time is `base`. */
export function queueingSeconds(base: number, utilisation: number): number {
  return base / (1 - Math.min(MAX_QUEUE_UTILISATION, Math.max(0, utilisation)));
}
