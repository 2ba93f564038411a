import { describe, expect, it } from 'vitest';
import { promotionChecks, promotionConsequences } from '@main/core/rules';
import { RdsApiError } from '@main/core/sources/sim/rds/rds-service';
import { harness } from './engine-harness';
import { dbResources, shopDatabase } from './rds-resources';

type H = ReturnType<typeof harness>;
const statusOf = (h: H, id: string) => h.rds.instance(id)!.status;
const inventoryOf = (h: H, id: string) => h.rds.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === id)!;
const load = (h: H) => (tick: number) => h.rds.serve('shop-db', 120, 30, tick);
/** The shared rules (core/rules) on the simulated instance, as the two-step confirmation asks them. */
const promote = (id: string, backupRetentionPeriod?: number) => ({ type: 'PromoteReadReplica' as const, dbInstanceIdentifier: id, ...(backupRetentionPeriod !== undefined ? { backupRetentionPeriod } : {}) });
function rulesState(h: H, id: string) {
  const db = h.rds.dbInstance(id);
  const source = db?.readReplicaSourceDBInstanceIdentifier ? h.rds.dbInstance(db.readReplicaSourceDBInstanceIdentifier) : undefined;
  return { db, source, nowMs: h.engine.now };
}
const checksOf = (h: H, id: string, retention?: number) => promotionChecks(rulesState(h, id), promote(id, retention));
const consequencesOf = (h: H, id: string) => promotionConsequences(rulesState(h, id), promote(id));

/** Status changes of `id` until it is available again: [status, seconds since the call]. */
function statusSequence(h: H, id: string, maxSeconds: number, traffic?: (tick: number) => void): [string, number][] {
  const start = h.engine.now;
  const seen: [string, number][] = [[statusOf(h, id), 0]];
  h.runUntil(
    () => statusOf(h, id) === 'available',
    maxSeconds,
    (tick) => {
      traffic?.(tick);
      if (seen[seen.length - 1]![0] !== statusOf(h, id)) seen.push([statusOf(h, id), (h.engine.now - start) / 1000]);
    },
  );
  const last = statusOf(h, id);
  if (seen[seen.length - 1]![0] !== last) seen.push([last, (h.engine.now - start) / 1000]);
  return seen;
}

function refusal(action: () => unknown): RdsApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof RdsApiError) return error;
    throw error;
  }
  throw new Error('expected the action to be refused');
}

describe('RDS-2 promoting a read replica', () => {
  it('RDS-2 status goes modifying → rebooting → available within minutes, with replication-stopped, shutdown and restart events', () => {
    const h = harness(shopDatabase());
    h.run(60, load(h));
    const message = h.rds.promoteReadReplica('shop-db-replica-1');
    expect(message).toBe('Promoting read replica shop-db-replica-1 to a standalone DB instance');
    const seen = statusSequence(h, 'shop-db-replica-1', 1800, load(h));
    expect(seen.map(([status]) => status)).toEqual(['modifying', 'rebooting', 'available']);
    const total = seen[2]![1];
    expect(total).toBeGreaterThanOrEqual(90);
    expect(total).toBeLessThanOrEqual(185);
    const events = h.eventsOf('shop-db-replica-1');
    expect(events.map((e) => e.eventId ?? e.message)).toEqual(['RDS-EVENT-0062', 'RDS-EVENT-0004', 'RDS-EVENT-0006', 'Promoted read replica to a standalone DB instance.', 'RDS-EVENT-0032']);
    expect(events[0]).toMatchObject({ message: 'Replication on the read replica was manually stopped.', eventCategories: ['read replica'] });
  });

  it('RDS-2 the promoted instance is standalone: the source no longer lists it, it has no source, ReplicaLag −1 then absent', () => {
    const h = harness(shopDatabase());
    h.run(30, load(h));
    expect(inventoryOf(h, 'shop-db').readReplicaDBInstanceIdentifiers).toEqual(['shop-db-replica-1', 'shop-db-replica-2']);
    h.rds.promoteReadReplica('shop-db-replica-1', 7);
    h.step(load(h));
    expect(inventoryOf(h, 'shop-db-replica-1').replicaLagSeconds).toBe(-1);
    statusSequence(h, 'shop-db-replica-1', 1800, (tick) => {
      load(h)(tick);
      if (statusOf(h, 'shop-db-replica-1') !== 'available') expect(h.rds.instance('shop-db-replica-1')!.replicaLag).toBe(-1);
    });
    // The promotion lasts more than 90 s, so at least one whole minute of ReplicaLag averages −1.
    expect(h.series('ReplicaLag', 'shop-db-replica-1').some(([, value]) => value === -1)).toBe(true);
    const promoted = inventoryOf(h, 'shop-db-replica-1');
    expect(promoted.readReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect(promoted.replicaLagSeconds).toBeUndefined();
    expect(promoted.backupRetentionPeriod).toBe(7);
    expect(inventoryOf(h, 'shop-db').readReplicaDBInstanceIdentifiers).toEqual(['shop-db-replica-2']);
    // No ReplicaLag datapoints once it is standalone.
    const before = h.series('ReplicaLag', 'shop-db-replica-1').length;
    h.run(300, load(h));
    expect(h.series('ReplicaLag', 'shop-db-replica-1')).toHaveLength(before);
  });

  it('RDS-2 other replicas of the same source are not affected', () => {
    const h = harness(shopDatabase());
    h.run(30, load(h));
    const eventsBefore = h.eventsOf('shop-db-replica-2').length;
    h.rds.promoteReadReplica('shop-db-replica-1');
    const lags: number[] = [];
    statusSequence(h, 'shop-db-replica-1', 1800, (tick) => {
      load(h)(tick);
      lags.push(h.rds.instance('shop-db-replica-2')!.replicaLag);
      expect(statusOf(h, 'shop-db-replica-2')).toBe('available');
    });
    expect(lags.every((lag) => lag === 0)).toBe(true);
    expect(h.eventsOf('shop-db-replica-2')).toHaveLength(eventsBefore);
    expect(h.rds.instance('shop-db-replica-2')!.source).toBe('shop-db');
  });

  it('RDS-2 no reads go to a replica while it is promoted; the remaining replica takes them all', () => {
    const h = harness(shopDatabase());
    h.rds.promoteReadReplica('shop-db-replica-1');
    const outcomes: { failedReads: number }[] = [];
    statusSequence(h, 'shop-db-replica-1', 1800, (tick) => {
      if (statusOf(h, 'shop-db-replica-1') === 'available') return; // completed in this tick
      outcomes.push(h.rds.serve('shop-db', 100, 10, tick));
      expect(h.rds.instance('shop-db-replica-1')!.load.mark).not.toBe(h.engine.now); // not offered anything this tick
      expect(h.rds.instance('shop-db-replica-2')!.load.reads).toBe(100);
    });
    expect(outcomes.length).toBeGreaterThan(10);
    expect(outcomes.every((o) => o.failedReads === 0)).toBe(true);
  });

  it('RDS-2 after promotion the instance takes writes of its own', () => {
    const h = harness(shopDatabase());
    h.rds.promoteReadReplica('shop-db-replica-1');
    let before = { failedReads: 0, failedWrites: 0, latencySeconds: 0 };
    h.step((tick) => (before = h.rds.serve('shop-db-replica-1', 10, 10, tick)));
    expect(before.failedWrites).toBe(10);
    statusSequence(h, 'shop-db-replica-1', 1800);
    let after = before;
    h.step((tick) => (after = h.rds.serve('shop-db-replica-1', 10, 10, tick)));
    expect(after).toMatchObject({ failedReads: 0, failedWrites: 0 });
  });

  it('RDS-2 refused when the instance is not a read replica', () => {
    const h = harness(shopDatabase());
    const error = refusal(() => h.rds.promoteReadReplica('shop-db'));
    expect(error.params.awsCode).toBe('InvalidDBInstanceState');
    expect(error.message).toBe('DB instance shop-db is not a read replica.');
    expect(statusOf(h, 'shop-db')).toBe('available');
  });

  it('RDS-2 refused while the replica is not available (rebooting), and when it does not exist', () => {
    const h = harness(shopDatabase());
    h.rds.rebootDBInstance('shop-db-replica-1', false);
    const error = refusal(() => h.rds.promoteReadReplica('shop-db-replica-1'));
    expect(error.message).toBe('DB instance shop-db-replica-1 is not in available state.');
    expect(refusal(() => h.rds.promoteReadReplica('ghost'))).toMatchObject({ params: { awsCode: 'DBInstanceNotFound' }, message: 'DBInstance ghost not found.' });
  });

  it('RDS-2 refused while the replica is backing-up', () => {
    // A MySQL replica with backups of its own, whose window opens one minute after the start.
    const h = harness(
      dbResources({
        Db: { DBInstanceIdentifier: 'src', Engine: 'mysql', DBInstanceClass: 'db.m5.large' },
        Replica: { DBInstanceIdentifier: 'rep', SourceDBInstanceIdentifier: 'src', BackupRetentionPeriod: 3, PreferredBackupWindow: '14:01-14:31' },
      }),
    );
    h.runUntil(() => statusOf(h, 'rep') === 'backing-up', 600);
    expect(statusOf(h, 'rep')).toBe('backing-up');
    const error = refusal(() => h.rds.promoteReadReplica('rep'));
    expect(error).toMatchObject({ params: { awsCode: 'InvalidDBInstanceState' }, message: 'DB instance rep is not in available state.' });
    const checks = checksOf(h, 'rep');
    expect(checks.find((c) => c.code.startsWith('not-backing-up.'))).toMatchObject({ code: 'not-backing-up.running', status: 'fail' });
    expect(checks.find((c) => c.code.startsWith('status-available.'))).toMatchObject({ status: 'fail', params: { status: 'backing-up' } });
  });

  it('RDS-2 a promoted replica in the middle of a chain keeps its own replicas, which now replicate from it', () => {
    const h = harness(
      dbResources({
        Db: { DBInstanceIdentifier: 'top', Engine: 'mysql', DBInstanceClass: 'db.m5.large' },
        Mid: { DBInstanceIdentifier: 'mid', SourceDBInstanceIdentifier: 'top', BackupRetentionPeriod: 1 },
        Leaf: { DBInstanceIdentifier: 'leaf', SourceDBInstanceIdentifier: 'mid' },
      }),
    );
    h.rds.promoteReadReplica('mid');
    statusSequence(h, 'mid', 1800);
    h.run(30, (tick) => h.rds.serve('mid', 0, 50, tick));
    expect(inventoryOf(h, 'mid').readReplicaDBInstanceIdentifiers).toEqual(['leaf']);
    expect(h.rds.instance('leaf')).toMatchObject({ source: 'mid', replicaLag: 0 });
    expect(h.rds.instance('leaf')!.replayedWrites).toBeGreaterThan(0);
  });

  it('RDS-2 pre-flight checks and consequences for the two-step confirmation', () => {
    const h = harness(shopDatabase());
    h.run(30, load(h));
    expect(checksOf(h, 'shop-db-replica-1').map((c) => [c.code, c.status])).toEqual([
      ['is-replica.yes', 'pass'],
      ['status-available.ok', 'pass'],
      ['not-backing-up.idle', 'pass'],
      ['replica-lag.caught-up', 'pass'],
      ['backup-retention.kept', 'pass'],
    ]);
    expect(checksOf(h, 'shop-db').find((c) => c.code.startsWith('is-replica.'))).toMatchObject({ code: 'is-replica.no', status: 'fail' });
    expect(checksOf(h, 'shop-db-replica-1', 0).find((c) => c.code.startsWith('backup-retention.'))).toMatchObject({ code: 'backup-retention.disabled', status: 'warn' });
    h.rds.applyFault('RaiseReplicaLag', { DBInstanceIdentifier: 'shop-db-replica-1', LagSeconds: 45 });
    h.step(load(h));
    const lag = checksOf(h, 'shop-db-replica-1').find((c) => c.code.startsWith('replica-lag.'))!;
    expect(lag).toMatchObject({ code: 'replica-lag.behind', status: 'warn', params: { seconds: 45, source: 'shop-db' } });
    const consequences = consequencesOf(h, 'shop-db-replica-1');
    expect(consequences.map((c) => c.code)).toEqual(expect.arrayContaining(['promote.stops-replicating', 'promote.irreversible', 'promote.lag-loss']));
    expect(consequences.find((c) => c.code === 'promote.siblings-unaffected')!.params).toEqual({ source: 'shop-db', replicas: ['shop-db-replica-2'] });
    expect(consequences.find((c) => c.code === 'promote.lag-loss')!.params).toMatchObject({ seconds: 45 });
    expect(consequencesOf(h, 'shop-db')).toEqual([]);
  });
});
