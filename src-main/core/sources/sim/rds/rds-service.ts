/**
 * Amazon RDS DB instances: Multi-AZ failover, reboots, read replicas (replication lag, promotion,
 * creation), automated backups, and the database share of the application's traffic.
 *
 * AWS behaviour modelled (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/…):
 * - RDS-1 Concepts.MultiAZ.html "Failover process": failover typically takes 60–120 s, the DNS name
 *   moves to the standby, so primary and standby AZs swap; the instance is `rebooting` meanwhile.
 *   USER_RebootInstance.html: a reboot may force a failover on a Multi-AZ instance only; an instance
 *   that is not `available` cannot be rebooted ("such as an in-progress backup").
 * - RDS-2 USER_ReadRepl.html "Promoting a read replica": replication stops, the replica is rebooted and
 *   becomes a standalone instance within minutes; not while `backing-up`; other replicas unaffected.
 *   Downstream replicas of a promoted replica keep replicating from it (…PostgreSQL.Replication.ReadReplicas).
 * - RDS-3 USER_ReadRepl.html "Monitoring replication lag": ReplicaLag 0 when caught up, −1 when
 *   replication is not active.
 * - RDS-4 CreateDBInstanceReadReplica: replica limits per engine, source needs backups; the source
 *   is briefly busy taking the snapshot the replica is created from.
 * - RDS-5 Reads may go to replicas, writes only to the primary; AWS/RDS metrics per DBInstanceIdentifier.
 * - Backups: USER_ManagingAutomatedBackups.html "Backup window": daily, in the preferred window, only
 *   when `available`; Single-AZ (and SQL Server, Db2) suspend I/O briefly at the start; the backup runs
 *   past the window if it needs to.
 * Events: rds-events.ts (USER_Events.Messages.html). Numbers AWS does not publish: capacity.ts and the
 * constants below, documented in docs/scenario-format.md ("RDS").
 *
 * Deterministic: time from ctx.now, delays through ctx.schedule, randomness from the `rds` stream.
 */
import type { DbInstance, PreflightCheck } from '../../../contract/model';
import { CoreError } from '../../../core-error';
import type { Dimensions } from '../cloudwatch/metric-store';
import type { Random } from '../kernel/random';
import { availabilityZonesOf, type LoadedResource } from '../scenario/load-scenario';
import type { ActionParameters, FaultParameters } from '../scenario/timed-entries';
import type { DatabaseOutcome, DatabaseTier, FaultEffect } from '../service-module';
import {
  BASE_READ_SECONDS,
  BASE_WRITE_SECONDS,
  capacityOf,
  MULTI_AZ_COMMIT_SECONDS,
  queueingSeconds,
  READ_IOS,
  READ_UNITS,
  REPLAY_UNITS,
  WRITE_IOS,
  WRITE_UNITS,
  type InstanceCapacity,
  type StorageType,
} from './capacity';
import { allowsCascadingReplicas, backupSuspendsIo, DEFAULT_PORTS, ENGINE_LABELS, engineFamily, isAuroraEngine, MAX_CASCADE_DEPTH, MAX_READ_REPLICAS, type EngineFamily } from './engines';
import { RDS_EVENTS, type RdsEventTemplate } from './rds-events';
import {
  DB_INSTANCE_TYPE,
  dbInstanceArn,
  dbInstanceIdentifierOf,
  DEFAULT_ALLOCATED_STORAGE,
  DEFAULT_BACKUP_RETENTION,
  endpointAddress,
  parseBackupWindow,
  sourceIdentifierOf,
  type DbInstanceProperties,
} from './resource-types';

/** What the RDS module needs from the engine; the engine's SimContext provides it. */
export interface RdsContext {
  /** Virtual time, epoch milliseconds. */
  readonly now: number;
  random(stream: string): Random;
  schedule(atMs: number, action: () => void): void;
  readonly metrics: { put(namespace: string, metricName: string, dimensions: Dimensions, epochSeconds: number, value: number): unknown };
  recordRdsEvent(event: { sourceIdentifier: string; sourceType: 'db-instance'; message: string; eventCategories: string[]; eventId?: string }): void;
  inventoryChanged(): void;
}

/**
 * An RDS API refusal: core's one error type (a CoreError `InvalidRequest`) with the code as the RDS
 * API names it in `params.awsCode` (and `name`, as the SDK's errors carry it), `message` as the API
 * words it. A thin alias kept so the RDS module reads like the API it simulates.
 */
export class RdsApiError extends CoreError<{ awsCode: string }> {
  constructor(awsCode: string, message: string) {
    super('InvalidRequest', message, { awsCode });
    this.name = awsCode;
  }
}

/** Multi-AZ failover, RDS-1: "typically 60–120 seconds". The restart event comes ~40 % of the way in, as in real event logs. */
export const FAILOVER_SECONDS: readonly [number, number] = [60, 120];
const FAILOVER_RESTART_SHARE = 0.4;
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
/** Idle CPU of a DB instance (engine housekeeping), percent. */
export const IDLE_CPU_PERCENT = 2;
/** Connections that exist without application load (the RDS monitoring agent, the engine's own). */
export const BASE_CONNECTIONS = 2;
/** However busy the replica is with reads, replay keeps at least this share of its replay rate. */
export const MIN_REPLAY_SHARE = 0.1;

const NAMESPACE = 'AWS/RDS';
const DAY_MS = 86_400_000;

export type DbInstanceStatus = 'creating' | 'available' | 'backing-up' | 'modifying' | 'rebooting';

/** What is under way on an instance; scheduled steps of an operation carry its generation. */
type Operation = 'failover' | 'reboot' | 'recovery' | 'promotion' | 'creation' | 'backup' | 'replica-snapshot';

interface TickLoad {
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
}

export interface CreateReadReplicaParameters {
  DBInstanceIdentifier: string;
  SourceDBInstanceIdentifier: string;
  DBInstanceClass?: string;
  AvailabilityZone?: string;
  MultiAZ?: boolean;
}

const emptyLoad = (mark: number, tickSeconds: number): TickLoad => ({
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

export class RdsService implements DatabaseTier {
  readonly id = 'rds';
  private readonly instances = new Map<string, SimDbInstance>();
  /** Identifiers, every source before its replicas (replication runs in this order each tick). */
  private order: string[] = [];
  private readonly random: Random;
  /** Rotates who gets the remainder when reads do not split evenly. */
  private turn = 0;

  constructor(
    private readonly ctx: RdsContext,
    resources: readonly LoadedResource[],
  ) {
    this.random = ctx.random('rds');
    const dbResources = resources.filter((r) => r.type === DB_INSTANCE_TYPE && !isAurora(r.properties as DbInstanceProperties));
    const byIdentifier = new Map(dbResources.map((r) => [dbInstanceIdentifierOf(r.identity), r]));
    const building = new Set<string>();
    const build = (resource: LoadedResource): SimDbInstance | undefined => {
      const identifier = dbInstanceIdentifierOf(resource.identity);
      const existing = this.instances.get(identifier);
      if (existing) return existing;
      if (building.has(identifier)) return undefined; // a cycle: the loader reports it; leave it out here
      building.add(identifier);
      const p = resource.properties as DbInstanceProperties;
      const sourceId = p.SourceDBInstanceIdentifier === undefined ? undefined : sourceIdentifierOf(p.SourceDBInstanceIdentifier);
      const sourceResource = sourceId === undefined ? undefined : byIdentifier.get(sourceId);
      const source = sourceResource ? build(sourceResource) : undefined;
      if (sourceId !== undefined && !source) return undefined;
      const instance = this.buildInstance(resource, p, source);
      this.instances.set(identifier, instance);
      if (source) source.replicas.push(identifier);
      return instance;
    };
    for (const resource of dbResources) build(resource);
    this.recomputeOrder();
  }

  private buildInstance(resource: LoadedResource, p: DbInstanceProperties, source: SimDbInstance | undefined): SimDbInstance {
    const identifier = dbInstanceIdentifierOf(resource.identity);
    const { region, accountId } = resource.identity;
    const engine = (p.Engine ?? source?.engine ?? 'mysql').toLowerCase();
    const family = engineFamily(engine) ?? source?.family ?? 'mysql';
    const storageType: StorageType = p.StorageType ?? source?.storageType ?? (p.Iops !== undefined ? 'io1' : 'gp3');
    const allocatedStorage = p.AllocatedStorage ?? source?.allocatedStorage ?? DEFAULT_ALLOCATED_STORAGE;
    const iops = p.Iops ?? (p.StorageType === undefined ? source?.iops : undefined);
    const dbInstanceClass = p.DBInstanceClass ?? source?.dbInstanceClass ?? 'db.m5.large';
    const multiAZ = p.MultiAZ ?? false;
    const zones = availabilityZonesOf(region);
    const availabilityZone = p.AvailabilityZone ?? zones[this.random.int(zones.length)]!;
    return {
      identifier,
      logicalId: resource.logicalId,
      arn: dbInstanceArn(identifier, region, accountId),
      region,
      endpoint: { address: endpointAddress(identifier, region, accountId), port: p.Port ?? DEFAULT_PORTS[family] },
      dbInstanceClass,
      engine,
      family,
      engineVersion: p.EngineVersion ?? source?.engineVersion,
      multiAZ,
      availabilityZone,
      secondaryAvailabilityZone: multiAZ ? this.otherZone(zones, availabilityZone) : undefined,
      source: source?.identifier,
      replicas: [],
      // CloudFormation's default is 1 day; CreateDBInstanceReadReplica creates replicas with backups off.
      backupRetentionPeriod: p.BackupRetentionPeriod ?? (source ? 0 : DEFAULT_BACKUP_RETENTION),
      backupWindow: parseBackupWindow(p.PreferredBackupWindow ?? DEFAULT_BACKUP_WINDOW)!,
      allocatedStorage,
      storageType,
      iops,
      capacity: capacityOf(dbInstanceClass, storageType, allocatedStorage, iops),
      createTime: this.ctx.now,
      status: 'available',
      down: false,
      generation: 0,
      promoting: false,
      backlogWrites: 0,
      lagOffsetSeconds: 0,
      replicaLag: 0,
      replicationActive: source !== undefined,
      load: emptyLoad(-1, 0),
      committedWrites: 0,
      replayedWrites: 0,
      writesSinceBackup: 0,
      ioSuspendedFrom: 0,
      ioSuspendedUntil: 0,
      backupChain: false,
    };
  }

  private otherZone(zones: string[], primary: string): string {
    const others = zones.filter((z) => z !== primary);
    return others[this.random.int(others.length)] ?? primary;
  }

  private recomputeOrder(): void {
    const order: string[] = [];
    const visit = (id: string) => {
      order.push(id);
      for (const replica of this.instances.get(id)!.replicas) visit(replica);
    };
    for (const instance of this.instances.values()) if (instance.source === undefined) visit(instance.identifier);
    this.order = order;
  }

  // ── Lookups ────────────────────────────────────────────────────────────────────────────────────

  /** The instance, or DBInstanceNotFound as the API words it. */
  private require(identifier: string): SimDbInstance {
    const instance = this.instances.get(sourceIdentifierOf(identifier));
    if (!instance) throw new RdsApiError('DBInstanceNotFound', `DBInstance ${identifier} not found.`);
    return instance;
  }

  /** A read-only view for tests and the UI. */
  instance(identifier: string): Readonly<SimDbInstance> | undefined {
    return this.instances.get(sourceIdentifierOf(identifier));
  }

  /** Takes client connections. */
  private serving(instance: SimDbInstance): boolean {
    return !instance.down && !instance.promoting;
  }

  // ── Traffic (RDS-5) ────────────────────────────────────────────────────────────────────────────

  /**
   * The database work of one tick's served requests for an application configured with
   * `dbInstanceIdentifier`: writes go to that instance (they fail on a replica, which is read-only),
   * reads are spread evenly over its serving read replicas, or go to it when it has none.
   */
  serve(dbInstanceIdentifier: string, reads: number, writes: number, tickSeconds: number): DatabaseOutcome {
    const target = this.instances.get(sourceIdentifierOf(dbInstanceIdentifier));
    if (!target) return { failedReads: reads, failedWrites: writes, latencySeconds: 0 };
    let failedReads = 0;
    let failedWrites = 0;
    let served = 0;
    let latencySum = 0;
    const run = (instance: SimDbInstance, r: number, w: number) => {
      const result = this.execute(instance, r, w, tickSeconds);
      failedReads += r - result.reads;
      failedWrites += w - result.writes;
      served += result.reads + result.writes;
      latencySum += result.latencySum;
    };

    const writable = target.source === undefined && this.serving(target);
    if (!writable) failedWrites += writes;
    // Replicas keep serving (possibly stale) reads while their source is down: one reason to have them.
    const readers = target.replicas.map((id) => this.instances.get(id)!).filter((replica) => this.serving(replica) && (replica.status === 'available' || replica.status === 'backing-up'));
    if (readers.length === 0) {
      if (this.serving(target)) run(target, reads, writable ? writes : 0);
      else failedReads += reads;
    } else {
      if (writable && writes > 0) run(target, 0, writes);
      const shares = split(reads, readers.length, this.turn++);
      readers.forEach((replica, index) => run(replica, shares[index]!, 0));
    }
    return { failedReads, failedWrites, latencySeconds: served > 0 ? latencySum / served : 0 };
  }

  /** This tick's load; traffic is served at the tick's start (service-module.ts), so `now` marks the tick. */
  private loadOf(instance: SimDbInstance, tickSeconds: number): TickLoad {
    if (instance.load.mark !== this.ctx.now) instance.load = emptyLoad(this.ctx.now, tickSeconds);
    return instance.load;
  }

  /** Admits what capacity allows (CPU and storage IOPS), in proportion for reads and writes; the rest fails. */
  private execute(instance: SimDbInstance, reads: number, writes: number, tickSeconds: number): { reads: number; writes: number; latencySum: number } {
    const load = this.loadOf(instance, tickSeconds);
    const unitCapacity = instance.capacity.unitsPerSecond * tickSeconds;
    const ioCapacity = instance.capacity.iops * tickSeconds;
    const offeredUnits = reads * READ_UNITS + writes * WRITE_UNITS;
    const offeredIos = reads * READ_IOS + writes * WRITE_IOS;
    const share = Math.min(1, offeredUnits > 0 ? Math.max(0, unitCapacity - load.units) / offeredUnits : 1, offeredIos > 0 ? Math.max(0, ioCapacity - load.ios) / offeredIos : 1);
    const servedReads = share >= 1 ? reads : admit(reads, share);
    const servedWrites = share >= 1 ? writes : admit(writes, share);
    load.reads += servedReads;
    load.writes += servedWrites;
    load.units += servedReads * READ_UNITS + servedWrites * WRITE_UNITS;
    load.ios += servedReads * READ_IOS + servedWrites * WRITE_IOS;
    load.readIos += servedReads * READ_IOS;
    load.writeIos += servedWrites * WRITE_IOS;
    load.offeredUnits += offeredUnits;
    load.offeredIos += offeredIos;
    const utilisation = Math.max(load.offeredUnits / unitCapacity, load.offeredIos / ioCapacity);
    const backupFactor = instance.status === 'backing-up' ? BACKUP_LATENCY_FACTOR : 1;
    const stall = this.suspensionStall(instance, tickSeconds);
    const readSeconds = queueingSeconds(BASE_READ_SECONDS * backupFactor, utilisation) + stall;
    const writeSeconds = queueingSeconds((BASE_WRITE_SECONDS + (instance.multiAZ ? MULTI_AZ_COMMIT_SECONDS : 0)) * backupFactor, utilisation) + stall;
    const latencySum = servedReads * readSeconds + servedWrites * writeSeconds;
    load.latencySum += latencySum;
    return { reads: servedReads, writes: servedWrites, latencySum };
  }

  /** Mean extra wait of this tick's requests when I/O was suspended during part of it (backup start). */
  private suspensionStall(instance: SimDbInstance, tickSeconds: number): number {
    const tickStart = this.ctx.now;
    const tickEnd = tickStart + tickSeconds * 1000;
    const overlap = Math.max(0, Math.min(tickEnd, instance.ioSuspendedUntil) - Math.max(tickStart, instance.ioSuspendedFrom)) / 1000;
    return overlap > 0 ? (overlap / tickSeconds) * (overlap / 2) : 0;
  }

  // ── Replication (RDS-3) and metrics, every tick ────────────────────────────────────────────────

  tick(tickStartMs: number): void {
    const tickSeconds = (this.ctx.now - tickStartMs) / 1000;
    if (tickSeconds <= 0) return;
    for (const id of this.order) {
      const instance = this.instances.get(id)!;
      const load = instance.load.mark === tickStartMs ? instance.load : emptyLoad(tickStartMs, tickSeconds);
      instance.committedWrites = instance.source === undefined ? load.writes : 0;
      instance.replayedWrites = 0;
      if (instance.source !== undefined) this.replicate(instance, load, tickSeconds);
      if (instance.backupRetentionPeriod > 0) instance.writesSinceBackup += instance.committedWrites;
      this.publish(instance, load, tickStartMs / 1000, tickSeconds);
    }
  }

  /**
   * Changes committed on the source join the replica's backlog; the replica replays up to its rate
   * (less what its own reads take, never below MIN_REPLAY_SHARE). ReplicaLag is the time the backlog
   * takes at the nominal replay rate, plus any injected lag, plus the source's own lag (cascading).
   */
  private replicate(replica: SimDbInstance, load: TickLoad, tickSeconds: number): void {
    const before = lagState(replica.replicaLag);
    this.replay(replica, load, tickSeconds);
    // The inventory carries ReplicaLag too; it is re-sent when the lag changes state (−1 / 0 / behind),
    // not on every tick — the ReplicaLag metric has the numbers.
    if (lagState(replica.replicaLag) !== before) this.ctx.inventoryChanged();
  }

  private replay(replica: SimDbInstance, load: TickLoad, tickSeconds: number): void {
    const source = this.instances.get(replica.source!)!;
    replica.backlogWrites += source.committedWrites;
    const active = !replica.promoting && !replica.down && !source.down && replica.status !== 'creating';
    if (active !== replica.replicationActive) {
      replica.replicationActive = active;
      if (active) this.event(replica, RDS_EVENTS.replicationResumed);
    }
    if (!active) {
      replica.replicaLag = -1;
      return;
    }
    const nominal = replica.capacity.replayWritesPerSecond;
    const readShare = load.units / (replica.capacity.unitsPerSecond * tickSeconds);
    const rate = nominal * Math.max(MIN_REPLAY_SHARE, 1 - readShare);
    const replayed = Math.min(replica.backlogWrites, rate * tickSeconds);
    replica.backlogWrites -= replayed;
    if (replica.backlogWrites < 1e-9) replica.backlogWrites = 0;
    replica.replayedWrites = replayed;
    replica.committedWrites = replayed;
    const upstream = source.source !== undefined && source.replicaLag > 0 ? source.replicaLag : 0;
    replica.replicaLag = replica.backlogWrites / nominal + replica.lagOffsetSeconds + upstream;
  }

  private publish(instance: SimDbInstance, load: TickLoad, epochSeconds: number, tickSeconds: number): void {
    const dims = { DBInstanceIdentifier: instance.identifier };
    if (instance.source !== undefined) this.ctx.metrics.put(NAMESPACE, 'ReplicaLag', dims, epochSeconds, instance.replicaLag);
    if (instance.down) return; // the engine is not running: CloudWatch gets no datapoints
    const unitCapacity = instance.capacity.unitsPerSecond * tickSeconds;
    const replayUnits = instance.replayedWrites * REPLAY_UNITS;
    const cpu = Math.min(100, IDLE_CPU_PERCENT + (100 - IDLE_CPU_PERCENT) * Math.min(1, (load.units + replayUnits) / unitCapacity));
    const operations = load.reads + load.writes;
    const meanLatency = operations > 0 ? load.latencySum / operations : 0;
    const streaming = instance.replicas.filter((id) => this.instances.get(id)!.replicationActive).length;
    const connections = (operations > 0 ? Math.ceil((operations / tickSeconds) * meanLatency) : 0) + BASE_CONNECTIONS + streaming;
    this.ctx.metrics.put(NAMESPACE, 'CPUUtilization', dims, epochSeconds, cpu);
    this.ctx.metrics.put(NAMESPACE, 'DatabaseConnections', dims, epochSeconds, connections);
    this.ctx.metrics.put(NAMESPACE, 'ReadIOPS', dims, epochSeconds, load.readIos / tickSeconds);
    this.ctx.metrics.put(NAMESPACE, 'WriteIOPS', dims, epochSeconds, (load.writeIos + instance.replayedWrites * WRITE_IOS) / tickSeconds);
  }

  // ── Backups ────────────────────────────────────────────────────────────────────────────────────

  start(): void {
    for (const instance of this.instances.values()) this.scheduleBackups(instance);
  }

  private scheduleBackups(instance: SimDbInstance): void {
    if (instance.backupChain || instance.backupRetentionPeriod === 0) return;
    instance.backupChain = true;
    const dayStart = this.ctx.now - (this.ctx.now % DAY_MS);
    let next = dayStart + instance.backupWindow.startSecondOfDay * 1000;
    if (next <= this.ctx.now) next += DAY_MS;
    const windowOpens = () => {
      this.ctx.schedule(this.ctx.now + DAY_MS, windowOpens);
      if (instance.backupRetentionPeriod > 0 && instance.status === 'available' && !instance.down && !instance.promoting) this.startBackup(instance);
    };
    this.ctx.schedule(next, windowOpens);
  }

  private startBackup(instance: SimDbInstance): void {
    const generation = this.begin(instance, 'backup', 'backing-up');
    this.event(instance, RDS_EVENTS.backupStarted);
    if (backupSuspendsIo(instance.family, instance.multiAZ)) {
      instance.ioSuspendedFrom = this.ctx.now;
      instance.ioSuspendedUntil = this.ctx.now + BACKUP_IO_SUSPENSION_SECONDS * 1000;
    }
    const seconds = BACKUP_BASE_SECONDS + instance.writesSinceBackup / BACKUP_WRITES_PER_SECOND;
    this.after(instance, generation, seconds, () => {
      instance.writesSinceBackup = 0;
      this.finish(instance, 'available');
      this.event(instance, RDS_EVENTS.backupFinished);
    });
  }

  // ── Operations ─────────────────────────────────────────────────────────────────────────────────

  /** Starts an operation: new generation (stale steps of earlier ones are dropped), new status. */
  private begin(instance: SimDbInstance, operation: Operation, status: DbInstanceStatus, down = false): number {
    instance.generation++;
    instance.operation = operation;
    instance.status = status;
    instance.down = down;
    this.ctx.inventoryChanged();
    return instance.generation;
  }

  private finish(instance: SimDbInstance, status: DbInstanceStatus): void {
    instance.operation = undefined;
    instance.status = status;
    instance.down = false;
    this.ctx.inventoryChanged();
  }

  /** Runs `step` `seconds` from now unless another operation has started on the instance since. */
  private after(instance: SimDbInstance, generation: number, seconds: number, step: () => void): void {
    this.ctx.schedule(this.ctx.now + Math.round(seconds * 1000), () => {
      if (instance.generation === generation) step();
    });
  }

  private draw([low, high]: readonly [number, number]): number {
    return low + this.random.next() * (high - low);
  }

  private event(instance: SimDbInstance, template: RdsEventTemplate): void {
    this.ctx.recordRdsEvent({ sourceIdentifier: instance.identifier, sourceType: 'db-instance', message: template.message, eventCategories: [...template.eventCategories], eventId: template.eventId });
  }

  /** RDS-1: the standby takes over; writes (and reads) on the instance fail until it completes. */
  private failover(instance: SimDbInstance, reason: RdsEventTemplate): number {
    const seconds = this.draw(FAILOVER_SECONDS);
    const generation = this.begin(instance, 'failover', 'rebooting', true);
    this.event(instance, RDS_EVENTS.failoverStarted);
    this.after(instance, generation, seconds * FAILOVER_RESTART_SHARE, () => this.event(instance, RDS_EVENTS.restarted));
    this.after(instance, generation, seconds, () => {
      const previous = instance.availabilityZone;
      instance.availabilityZone = instance.secondaryAvailabilityZone ?? previous;
      instance.secondaryAvailabilityZone = previous;
      this.finish(instance, 'available');
      this.event(instance, RDS_EVENTS.failoverCompleted);
      this.event(instance, reason);
    });
    return seconds;
  }

  private reboot(instance: SimDbInstance): number {
    const seconds = this.draw(REBOOT_SECONDS);
    const generation = this.begin(instance, 'reboot', 'rebooting', true);
    this.event(instance, RDS_EVENTS.shutdown);
    this.after(instance, generation, seconds, () => {
      this.finish(instance, 'available');
      this.event(instance, RDS_EVENTS.restarted);
    });
    return seconds;
  }

  private recover(instance: SimDbInstance): number {
    const seconds = this.draw(RECOVERY_SECONDS);
    const generation = this.begin(instance, 'recovery', 'rebooting', true);
    this.event(instance, RDS_EVENTS.recoveryStarted);
    this.after(instance, generation, seconds, () => {
      this.finish(instance, 'available');
      this.event(instance, RDS_EVENTS.restarted);
      this.event(instance, RDS_EVENTS.recoveryComplete);
    });
    return seconds;
  }

  // ── Faults ─────────────────────────────────────────────────────────────────────────────────────

  applyFault(type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
    if (type === 'FailDBInstance') {
      const { DBInstanceIdentifier } = parameters as FaultParameters<'FailDBInstance'>;
      const instance = this.require(DBInstanceIdentifier);
      if (instance.down) return { message: `${instance.identifier} is already ${instance.status}; the failure changes nothing` };
      // Our simplification: a promotion under way runs to its end; the host failure is absorbed by its reboot.
      if (instance.promoting) return { message: `${instance.identifier} is being promoted and reboots anyway; the failure changes nothing` };
      if (instance.multiAZ) {
        const from = instance.availabilityZone;
        const seconds = this.failover(instance, RDS_EVENTS.primaryUnhealthy);
        return { message: `The primary of ${instance.identifier} failed in ${from}; Multi-AZ failover to the standby in ${instance.secondaryAvailabilityZone} (about ${Math.round(seconds)} s)` };
      }
      const seconds = this.recover(instance);
      return { message: `${instance.identifier} (Single-AZ) failed in ${instance.availabilityZone}; RDS recovers it on a new host (about ${Math.round(seconds / 60)} min)` };
    }
    if (type === 'RaiseReplicaLag') {
      const { DBInstanceIdentifier, LagSeconds } = parameters as FaultParameters<'RaiseReplicaLag'>;
      const instance = this.require(DBInstanceIdentifier);
      if (instance.source === undefined) throw new RdsApiError('InvalidDBInstanceState', `DB instance ${instance.identifier} is not a read replica.`);
      instance.lagOffsetSeconds += LagSeconds;
      return {
        message: `Replication on ${instance.identifier} falls ${LagSeconds} s behind ${instance.source}`,
        revert: () => {
          instance.lagOffsetSeconds = Math.max(0, instance.lagOffsetSeconds - LagSeconds);
          if (instance.source === undefined) return `${instance.identifier} is no longer a read replica`;
          // Still that far behind: the changes are now a backlog it replays with its spare capacity.
          instance.backlogWrites += LagSeconds * instance.capacity.replayWritesPerSecond;
          return `${instance.identifier} catches up on ${LagSeconds} s of changes from ${instance.source}`;
        },
      };
    }
    return undefined;
  }

  // ── Actions ────────────────────────────────────────────────────────────────────────────────────

  runAction(type: string, parameters: Record<string, unknown>): string | undefined {
    if (type === 'PromoteReadReplica') {
      const p = parameters as ActionParameters<'PromoteReadReplica'>;
      return this.promoteReadReplica(p.DBInstanceIdentifier, p.BackupRetentionPeriod);
    }
    if (type === 'RebootDBInstance') {
      const p = parameters as ActionParameters<'RebootDBInstance'>;
      return this.rebootDBInstance(p.DBInstanceIdentifier, p.ForceFailover ?? false);
    }
    return undefined;
  }

  /** RebootDBInstance, with the API's refusals. */
  rebootDBInstance(identifier: string, forceFailover: boolean): string {
    const instance = this.require(identifier);
    if (instance.status !== 'available' || instance.down || instance.promoting) throw new RdsApiError('InvalidDBInstanceState', `DB instance ${instance.identifier} is not in available state.`);
    if (forceFailover) {
      // RebootDBInstance ForceFailover: "You can't enable force failover if the instance isn't configured for Multi-AZ."
      if (!instance.multiAZ) throw new RdsApiError('InvalidParameterCombination', `You can't enable force failover if the instance isn't configured for Multi-AZ (${instance.identifier} is a Single-AZ DB instance).`);
      const from = instance.availabilityZone;
      this.failover(instance, RDS_EVENTS.userRequestedFailover);
      return `Rebooting ${instance.identifier} with failover from ${from} to ${instance.secondaryAvailabilityZone}`;
    }
    this.reboot(instance);
    return `Rebooting ${instance.identifier}`;
  }

  private promotionRefusal(instance: SimDbInstance, backupRetentionPeriod: number | undefined): RdsApiError | undefined {
    if (instance.source === undefined) return new RdsApiError('InvalidDBInstanceState', `DB instance ${instance.identifier} is not a read replica.`);
    if (instance.status !== 'available' || instance.down || instance.promoting) return new RdsApiError('InvalidDBInstanceState', `DB instance ${instance.identifier} is not in available state.`);
    if (backupRetentionPeriod === 0 && instance.replicas.length > 0) {
      return new RdsApiError('InvalidParameterCombination', `BackupRetentionPeriod can't be 0: ${instance.identifier} is the source of read replicas.`);
    }
    return undefined;
  }

  /**
   * PromoteReadReplica (RDS-2): `modifying` while replication stops, then `rebooting`, then a
   * standalone `available` instance that its former source no longer lists.
   */
  promoteReadReplica(identifier: string, backupRetentionPeriod?: number): string {
    const instance = this.require(identifier);
    const refusal = this.promotionRefusal(instance, backupRetentionPeriod);
    if (refusal) throw refusal;
    const lag = instance.replicaLag;
    const generation = this.begin(instance, 'promotion', 'modifying');
    instance.promoting = true;
    instance.replicationActive = false;
    instance.replicaLag = -1;
    instance.lagOffsetSeconds = 0;
    this.event(instance, RDS_EVENTS.replicationStopped);
    const modifying = this.draw(PROMOTION_MODIFYING_SECONDS);
    this.after(instance, generation, modifying, () => {
      const rebooting = this.draw(REBOOT_SECONDS);
      instance.status = 'rebooting';
      instance.down = true;
      this.ctx.inventoryChanged();
      this.event(instance, RDS_EVENTS.shutdown);
      this.after(instance, generation, rebooting, () => this.completePromotion(instance, backupRetentionPeriod ?? DEFAULT_BACKUP_RETENTION));
    });
    const behind = lag > 0 ? `; it was ${lag.toFixed(1)} s behind ${instance.source}` : '';
    return `Promoting read replica ${instance.identifier} to a standalone DB instance${behind}`;
  }

  private completePromotion(instance: SimDbInstance, backupRetentionPeriod: number): void {
    const source = this.instances.get(instance.source!)!;
    source.replicas = source.replicas.filter((id) => id !== instance.identifier);
    instance.source = undefined;
    instance.promoting = false;
    instance.backlogWrites = 0;
    instance.replicaLag = 0;
    instance.replicationActive = false;
    const enablesBackups = instance.backupRetentionPeriod === 0 && backupRetentionPeriod > 0;
    const disablesBackups = instance.backupRetentionPeriod > 0 && backupRetentionPeriod === 0;
    instance.backupRetentionPeriod = backupRetentionPeriod;
    this.recomputeOrder();
    this.finish(instance, 'available');
    this.event(instance, RDS_EVENTS.restarted);
    this.event(instance, RDS_EVENTS.promoted);
    if (enablesBackups) this.event(instance, RDS_EVENTS.backupsEnabled);
    if (disablesBackups) this.event(instance, RDS_EVENTS.backupsDisabled);
    this.scheduleBackups(instance);
  }

  /**
   * CreateDBInstanceReadReplica (RDS-4): the replica is `creating` while its source is `modifying`
   * (the snapshot), then `creating` alone until it is restored and replicating.
   */
  createReadReplica(parameters: CreateReadReplicaParameters): string {
    const source = this.require(parameters.SourceDBInstanceIdentifier);
    const identifier = parameters.DBInstanceIdentifier.toLowerCase();
    if (this.instances.has(identifier)) throw new RdsApiError('DBInstanceAlreadyExists', 'DB instance already exists');
    if (source.status !== 'available' || source.down || source.promoting) throw new RdsApiError('InvalidDBInstanceState', `DB instance ${source.identifier} is not in available state.`);
    if (source.backupRetentionPeriod === 0) {
      throw new RdsApiError('InvalidDBInstanceState', 'Automated backups are not enabled for this database instance. To enable automated backups, use ModifyDBInstance to set the backup retention period to a non-zero value.');
    }
    const limit = MAX_READ_REPLICAS[source.family];
    if (source.replicas.length >= limit) throw new RdsApiError('InvalidParameterCombination', `${source.identifier} already has ${limit} read replicas, the most ${ENGINE_LABELS[source.family]} allows.`);
    if (source.source !== undefined) {
      let depth = 1;
      for (let s: SimDbInstance | undefined = source; s?.source !== undefined; s = this.instances.get(s.source)) depth++;
      if (!allowsCascadingReplicas(source.family, source.engineVersion)) throw new RdsApiError('InvalidParameterCombination', `${ENGINE_LABELS[source.family]} does not support a read replica of a read replica.`);
      if (depth > MAX_CASCADE_DEPTH) throw new RdsApiError('InvalidParameterCombination', `A chain of cascading read replicas can have at most ${MAX_CASCADE_DEPTH} read replicas.`);
    }
    const resource: LoadedResource = {
      logicalId: identifier,
      type: DB_INSTANCE_TYPE,
      identity: { logicalId: identifier, name: identifier, hex: this.random.hex(32), region: source.region, accountId: source.arn.split(':')[4]! },
      ref: identifier,
      properties: {},
      metadata: {},
    };
    const p: DbInstanceProperties = { DBInstanceClass: parameters.DBInstanceClass, AvailabilityZone: parameters.AvailabilityZone, MultiAZ: parameters.MultiAZ };
    const replica = this.buildInstance(resource, p, source);
    this.instances.set(identifier, replica);
    source.replicas.push(identifier);
    this.recomputeOrder();
    const replicaGeneration = this.begin(replica, 'creation', 'creating', true);
    replica.replicationActive = false;
    replica.replicaLag = -1;
    const sourceGeneration = this.begin(source, 'replica-snapshot', 'modifying');
    this.after(source, sourceGeneration, this.draw(REPLICA_SNAPSHOT_SECONDS), () => this.finish(source, 'available'));
    this.after(replica, replicaGeneration, this.draw(REPLICA_SNAPSHOT_SECONDS) + this.draw(REPLICA_RESTORE_SECONDS), () => {
      this.finish(replica, 'available');
      this.event(replica, RDS_EVENTS.created);
    });
    return `Creating read replica ${identifier} of ${source.identifier}`;
  }

  // ── Two-step confirmation (model-actions PreparedAction) ───────────────────────────────────────

  /** Pre-flight checks for PromoteReadReplica; any `fail` means the action would be refused. */
  preflightPromotion(identifier: string, backupRetentionPeriod?: number): PreflightCheck[] {
    const instance = this.instances.get(sourceIdentifierOf(identifier));
    if (!instance) return [{ id: 'exists', label: 'DB instance exists', status: 'fail', detail: `DBInstance ${identifier} not found.` }];
    const checks: PreflightCheck[] = [];
    const isReplica = instance.source !== undefined && !instance.promoting;
    checks.push({
      id: 'is-replica',
      label: 'Is a read replica',
      status: isReplica ? 'pass' : 'fail',
      detail: isReplica ? `replicates from ${instance.source}` : instance.promoting ? 'already being promoted' : `${instance.identifier} is not a read replica`,
    });
    const available = instance.status === 'available' && !instance.down;
    checks.push({ id: 'status-available', label: 'Status is available', status: available ? 'pass' : 'fail', detail: `status: ${instance.status}` });
    const untilBackup = this.secondsUntilBackupWindow(instance);
    checks.push({
      id: 'not-backing-up',
      label: 'No backup in progress',
      status: instance.status === 'backing-up' ? 'fail' : untilBackup !== undefined && untilBackup < 900 ? 'warn' : 'pass',
      detail:
        instance.status === 'backing-up'
          ? 'a backup is running; RDS refuses to promote a replica in the backing-up status'
          : untilBackup !== undefined && untilBackup < 900
            ? `the backup window opens in ${Math.ceil(untilBackup / 60)} min`
            : 'no backup running',
    });
    if (isReplica) {
      const lag = instance.replicaLag;
      checks.push({
        id: 'replica-lag',
        label: 'Replica is caught up',
        status: lag === 0 ? 'pass' : 'warn',
        detail: lag < 0 ? 'replication is not active: the lag is unknown' : lag === 0 ? 'ReplicaLag 0 s' : `ReplicaLag ${lag.toFixed(1)} s: changes made on ${instance.source} in that time will be missing`,
      });
    }
    const retention = backupRetentionPeriod ?? DEFAULT_BACKUP_RETENTION;
    checks.push({
      id: 'backup-retention',
      label: 'Automated backups after promotion',
      status: retention === 0 ? (instance.replicas.length > 0 ? 'fail' : 'warn') : 'pass',
      detail: retention === 0 ? (instance.replicas.length > 0 ? 'cannot be 0: this replica is a source of read replicas' : 'backups disabled on the promoted instance') : `${retention} day${retention === 1 ? '' : 's'} retention`,
    });
    return checks;
  }

  /** What promoting `identifier` will do, in the words the confirmation dialog shows. */
  promotionConsequences(identifier: string, backupRetentionPeriod?: number): string[] {
    const instance = this.instances.get(sourceIdentifierOf(identifier));
    if (!instance || instance.source === undefined) return [];
    const source = this.instances.get(instance.source)!;
    const others = source.replicas.filter((id) => id !== instance.identifier);
    const out = [
      `${instance.identifier} stops replicating from ${source.identifier}: changes made on ${source.identifier} afterwards never reach it.`,
      `${instance.identifier} is modified and then rebooted; reads it was serving go to ${others.length > 0 ? others.join(', ') : source.identifier} meanwhile. This takes a few minutes.`,
      `${instance.identifier} becomes a standalone, writable DB instance. This cannot be undone: it can never be a read replica again.`,
      others.length > 0 ? `The other read replicas of ${source.identifier} (${others.join(', ')}) are not affected.` : `${source.identifier} is left without read replicas.`,
    ];
    if (instance.replicaLag > 0) out.push(`It is ${instance.replicaLag.toFixed(1)} s behind: writes made on ${source.identifier} in that time will be missing from it.`);
    if (instance.replicas.length > 0) out.push(`Its own read replicas (${instance.replicas.join(', ')}) keep replicating from it.`);
    const retention = backupRetentionPeriod ?? DEFAULT_BACKUP_RETENTION;
    out.push(retention > 0 ? `Automated backups are kept for ${retention} day${retention === 1 ? '' : 's'}.` : 'Automated backups are disabled on the promoted instance.');
    return out;
  }

  /** Pre-flight checks for RebootDBInstance. */
  preflightReboot(identifier: string, forceFailover: boolean): PreflightCheck[] {
    const instance = this.instances.get(sourceIdentifierOf(identifier));
    if (!instance) return [{ id: 'exists', label: 'DB instance exists', status: 'fail', detail: `DBInstance ${identifier} not found.` }];
    const available = instance.status === 'available' && !instance.down && !instance.promoting;
    const checks: PreflightCheck[] = [{ id: 'status-available', label: 'Status is available', status: available ? 'pass' : 'fail', detail: `status: ${instance.status}` }];
    if (forceFailover) {
      checks.push({
        id: 'multi-az',
        label: 'Multi-AZ deployment',
        status: instance.multiAZ ? 'pass' : 'fail',
        detail: instance.multiAZ ? `standby in ${instance.secondaryAvailabilityZone}` : "force failover needs a Multi-AZ DB instance",
      });
    }
    return checks;
  }

  rebootConsequences(identifier: string, forceFailover: boolean): string[] {
    const instance = this.instances.get(sourceIdentifierOf(identifier));
    if (!instance) return [];
    const out =
      forceFailover && instance.multiAZ
        ? [
            `${instance.identifier} fails over from ${instance.availabilityZone} to its standby in ${instance.secondaryAvailabilityZone}; this typically takes ${FAILOVER_SECONDS[0]}–${FAILOVER_SECONDS[1]} s.`,
            'Writes fail until the failover completes, and clients must reconnect (the endpoint moves to the new primary).',
          ]
        : [`${instance.identifier} restarts its database engine; it is unavailable for about ${REBOOT_SECONDS[0]}–${REBOOT_SECONDS[1]} s.`];
    if (instance.replicas.length > 0) out.push(`Replication to ${instance.replicas.join(', ')} pauses until it is back.`);
    return out;
  }

  private secondsUntilBackupWindow(instance: SimDbInstance): number | undefined {
    if (instance.backupRetentionPeriod === 0) return undefined;
    const secondOfDay = (this.ctx.now % DAY_MS) / 1000;
    return (instance.backupWindow.startSecondOfDay - secondOfDay + 86_400) % 86_400;
  }

  // ── Inventory ──────────────────────────────────────────────────────────────────────────────────

  inventory(): { dbInstances: DbInstance[] } {
    return {
      dbInstances: [...this.instances.values()].map((instance) => ({
        dbInstanceIdentifier: instance.identifier,
        dbInstanceArn: instance.arn,
        dbInstanceClass: instance.dbInstanceClass,
        engine: instance.engine,
        engineVersion: instance.engineVersion,
        dbInstanceStatus: instance.status,
        multiAZ: instance.multiAZ,
        availabilityZone: instance.availabilityZone,
        secondaryAvailabilityZone: instance.multiAZ ? instance.secondaryAvailabilityZone : undefined,
        readReplicaSourceDBInstanceIdentifier: instance.source,
        readReplicaDBInstanceIdentifiers: [...instance.replicas],
        backupRetentionPeriod: instance.backupRetentionPeriod,
        // DescribeDBInstances has no Endpoint while an instance is being created.
        endpoint: instance.status === 'creating' ? undefined : { ...instance.endpoint },
        allocatedStorage: instance.allocatedStorage,
        instanceCreateTime: new Date(instance.createTime).toISOString(),
        replicaLagSeconds: instance.source === undefined ? undefined : instance.replicaLag,
      })),
    };
  }
}

const lagState = (lag: number): number => Math.sign(lag);

/** Whether a scenario has DB instances the RDS module simulates (Aurora cluster members are left out). */
export function hasSimulatedDbInstances(resources: readonly LoadedResource[]): boolean {
  return resources.some((r) => r.type === DB_INSTANCE_TYPE && !isAurora(r.properties as DbInstanceProperties));
}

function isAurora(p: DbInstanceProperties): boolean {
  return p.DBClusterIdentifier !== undefined || (p.Engine !== undefined && isAuroraEngine(p.Engine));
}

/** Admitted share of `count` requests: whole requests when the count is whole. */
function admit(count: number, share: number): number {
  const exact = count * share;
  return Number.isInteger(count) ? Math.floor(exact + 1e-9) : exact;
}

/**
 * Splits `count` over `ways` evenly; whole counts stay whole, the remainder going to a rotating set of
 * receivers (rotated by `turn`) so that no replica is favoured tick after tick.
 */
export function split(count: number, ways: number, turn: number): number[] {
  if (!Number.isInteger(count)) return Array.from({ length: ways }, () => count / ways);
  const base = Math.floor(count / ways);
  const extra = count - base * ways;
  const offset = Math.abs(Math.floor(turn)) % ways;
  return Array.from({ length: ways }, (_, index) => base + ((index - offset + ways) % ways < extra ? 1 : 0));
}
