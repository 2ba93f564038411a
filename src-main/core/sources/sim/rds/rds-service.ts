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
import type { ActionOf, DbInstance, DbSnapshot } from '../../../contract/model';
import type { Random } from '../kernel/random';
import type { LoadedResource } from '../scenario/load-scenario';
import type { DatabaseOutcome, DatabaseTier, FaultEffect } from '../service-module';
import {
  BASE_READ_SECONDS,
  BASE_WRITE_SECONDS,
  MULTI_AZ_COMMIT_SECONDS,
  queueingSeconds,
  READ_IOS,
  READ_UNITS,
  REPLAY_UNITS,
  WRITE_IOS,
  WRITE_UNITS,
} from './capacity';
import { backupSuspendsIo, isAuroraEngine } from './engines';
import { createReadReplica, dbInstanceModel, promoteReadReplica, rebootDBInstance } from './rds-actions';
import { buildDbInstance } from './rds-build';
import { createDBSnapshot, dbSnapshotModel, finishAutomatedSnapshot, restoreDBInstanceToPointInTime, scheduleLogUploads, seedBackups, startAutomatedSnapshot } from './rds-backups';
import { RDS_EVENTS, type RdsEventTemplate } from './rds-events';
import { applyRdsFault } from './rds-faults';
import {
  BACKUP_BASE_SECONDS,
  BACKUP_IO_SUSPENSION_SECONDS,
  BACKUP_LATENCY_FACTOR,
  BACKUP_WRITES_PER_SECOND,
  BASE_CONNECTIONS,
  DAY_MS,
  emptyLoad,
  FAILOVER_RESTART_SHARE,
  FAILOVER_SECONDS,
  IDLE_CPU_PERCENT,
  MIN_REPLAY_SHARE,
  NAMESPACE,
  REBOOT_SECONDS,
  refusedBy,
  RECOVERY_SECONDS,
  type CreateReadReplicaParameters,
  type DbInstanceStatus,
  type Operation,
  type RdsContext,
  type RdsInternals,
  type SimDbInstance,
  type SimDbSnapshot,
  type TickLoad,
} from './rds-instance';
import { refusal } from '../../../rules';
import {
  DB_INSTANCE_TYPE,
  dbInstanceIdentifierOf,
  sourceIdentifierOf,
  type DbInstanceProperties,
} from './resource-types';

export * from './rds-instance';

export class RdsService implements DatabaseTier, RdsInternals {
  readonly id = 'rds';
  // Members without `private` are RdsInternals: rds-actions.ts and rds-faults.ts drive them.
  readonly instances = new Map<string, SimDbInstance>();
  readonly snapshots = new Map<string, SimDbSnapshot>();
  /** Identifiers, every source before its replicas (replication runs in this order each tick). */
  private order: string[] = [];
  readonly random: Random;
  /** Rotates who gets the remainder when reads do not split evenly. */
  private turn = 0;

  constructor(
    readonly ctx: RdsContext,
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

  buildInstance(resource: LoadedResource, p: DbInstanceProperties, source: SimDbInstance | undefined): SimDbInstance {
    return buildDbInstance(this.random, this.ctx.now, resource, p, source);
  }

  recomputeOrder(): void {
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
  require(identifier: string): SimDbInstance {
    const instance = this.instances.get(sourceIdentifierOf(identifier));
    if (!instance) throw refusedBy(refusal('db-not-found', { id: identifier }));
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
    for (const instance of this.instances.values()) {
      seedBackups(this, instance);
      this.scheduleBackups(instance);
    }
    scheduleLogUploads(this);
  }

  scheduleBackups(instance: SimDbInstance): void {
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
    const snapshot = startAutomatedSnapshot(this, instance, this.ctx.now + Math.round(seconds * 1000));
    this.after(instance, generation, seconds, () => {
      instance.writesSinceBackup = 0;
      this.finish(instance, 'available');
      this.event(instance, RDS_EVENTS.backupFinished);
      finishAutomatedSnapshot(this, instance, snapshot);
    });
  }

  // ── Operations ─────────────────────────────────────────────────────────────────────────────────

  /** Starts an operation: new generation (stale steps of earlier ones are dropped), new status. */
  begin(instance: SimDbInstance, operation: Operation, status: DbInstanceStatus, down = false): number {
    instance.generation++;
    instance.operation = operation;
    instance.status = status;
    instance.down = down;
    this.ctx.inventoryChanged();
    return instance.generation;
  }

  finish(instance: SimDbInstance, status: DbInstanceStatus): void {
    instance.operation = undefined;
    instance.status = status;
    instance.down = false;
    this.ctx.inventoryChanged();
  }

  /** Runs `step` `seconds` from now unless another operation has started on the instance since. */
  after(instance: SimDbInstance, generation: number, seconds: number, step: () => void): void {
    this.ctx.schedule(this.ctx.now + Math.round(seconds * 1000), () => {
      if (instance.generation === generation) step();
    });
  }

  draw([low, high]: readonly [number, number]): number {
    return low + this.random.next() * (high - low);
  }

  event(instance: SimDbInstance, template: RdsEventTemplate): void {
    this.ctx.recordRdsEvent({ sourceIdentifier: instance.identifier, sourceType: 'db-instance', message: template.message, eventCategories: [...template.eventCategories], eventId: template.eventId });
  }

  /** RDS-1: the standby takes over; writes (and reads) on the instance fail until it completes. */
  failover(instance: SimDbInstance, reason: RdsEventTemplate): number {
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

  reboot(instance: SimDbInstance): number {
    return this.restart(instance, 'reboot', REBOOT_SECONDS, RDS_EVENTS.shutdown, [RDS_EVENTS.restarted]);
  }

  recover(instance: SimDbInstance): number {
    return this.restart(instance, 'recovery', RECOVERY_SECONDS, RDS_EVENTS.recoveryStarted, [RDS_EVENTS.restarted, RDS_EVENTS.recoveryComplete]);
  }

  /** The instance down (`rebooting`) for a time drawn from `range`, then available again; its events at the start and the end. */
  private restart(instance: SimDbInstance, operation: Operation, range: readonly [number, number], started: RdsEventTemplate, ended: readonly RdsEventTemplate[]): number {
    const seconds = this.draw(range);
    const generation = this.begin(instance, operation, 'rebooting', true);
    this.event(instance, started);
    this.after(instance, generation, seconds, () => {
      this.finish(instance, 'available');
      for (const template of ended) this.event(instance, template);
    });
    return seconds;
  }

  // ── Faults and actions (rds-faults.ts, rds-actions.ts) ──────────────────────────────────────────

  applyFault(type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
    return applyRdsFault(this, type, parameters);
  }

  /** RebootDBInstance, refused as the shared rules say (core/rules). */
  rebootDBInstance(identifier: string, forceFailover: boolean): string {
    return rebootDBInstance(this, { type: 'RebootDBInstance', dbInstanceIdentifier: identifier, forceFailover });
  }

  /** PromoteReadReplica (RDS-2), refused as the shared rules say (core/rules). */
  promoteReadReplica(identifier: string, backupRetentionPeriod?: number): string {
    return promoteReadReplica(this, { type: 'PromoteReadReplica', dbInstanceIdentifier: identifier, ...(backupRetentionPeriod !== undefined ? { backupRetentionPeriod } : {}) });
  }

  createReadReplica(parameters: CreateReadReplicaParameters): string {
    return createReadReplica(this, parameters);
  }

  /** CreateDBSnapshot (RDSB-4), refused as the shared rules say. */
  createDBSnapshot(identifier: string, snapshotIdentifier: string): string {
    return createDBSnapshot(this, { type: 'CreateDBSnapshot', dbInstanceIdentifier: identifier, dbSnapshotIdentifier: snapshotIdentifier });
  }

  /** RestoreDBInstanceToPointInTime (RDSB-5…7), refused as the shared rules say. */
  restoreToPointInTime(parameters: Omit<ActionOf<'RestoreDBInstanceToPointInTime'>, 'type'>): string {
    return restoreDBInstanceToPointInTime(this, { type: 'RestoreDBInstanceToPointInTime', ...parameters });
  }

  /** The instance as the contract's DbInstance (what the shared rules read), or undefined. */
  dbInstance(identifier: string): DbInstance | undefined {
    const instance = this.instances.get(sourceIdentifierOf(identifier));
    return instance ? dbInstanceModel(instance) : undefined;
  }

  // ── Inventory ──────────────────────────────────────────────────────────────────────────────────

  inventory(): { dbInstances: DbInstance[]; dbSnapshots: DbSnapshot[] } {
    return { dbInstances: [...this.instances.values()].map(dbInstanceModel), dbSnapshots: [...this.snapshots.values()].map((s) => dbSnapshotModel(s, this.ctx.now)) };
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
