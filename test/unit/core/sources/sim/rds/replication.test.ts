import { describe, expect, it } from 'vitest';
import { capacityOf } from '@main/core/sources/sim/rds/capacity';
import { harness } from './engine-harness';
import { dbResources, shopDatabase } from './rds-resources';

type H = ReturnType<typeof harness>;
const lagOf = (h: H, id: string) => h.rds.instance(id)!.replicaLag;

/** A big primary and one small replica: db.t3.small replays 2 vCPU × 150 × 0.5 = 150 writes/s. */
const smallReplica = () =>
  harness(
    dbResources({
      Db: { DBInstanceIdentifier: 'main', Engine: 'postgres', DBInstanceClass: 'db.r6g.2xlarge', AllocatedStorage: 500 },
      Replica: { DBInstanceIdentifier: 'small', SourceDBInstanceIdentifier: 'main', DBInstanceClass: 'db.t3.small' },
    }),
  );

describe('RDS-3 ReplicaLag', () => {
  it('RDS-3 is 0 when the replica keeps up, published in AWS/RDS per DBInstanceIdentifier', () => {
    const h = harness(shopDatabase());
    h.run(600, (tick) => h.rds.serve('shop-db', 200, 50, tick));
    for (const id of ['shop-db-replica-1', 'shop-db-replica-2']) {
      expect(lagOf(h, id)).toBe(0);
      const points = h.series('ReplicaLag', id);
      expect(points.length).toBeGreaterThanOrEqual(10);
      expect(points.every(([, value]) => value === 0)).toBe(true);
    }
    // The primary is not a replica: no ReplicaLag series at all.
    expect(h.series('ReplicaLag', 'shop-db')).toEqual([]);
  });

  it('RDS-3 is −1 while replication is not active (the replica reboots), and 0 again after', () => {
    const h = harness(shopDatabase());
    h.run(30, (tick) => h.rds.serve('shop-db', 100, 20, tick));
    h.rds.rebootDBInstance('shop-db-replica-2', false);
    h.step((tick) => h.rds.serve('shop-db', 100, 20, tick));
    expect(lagOf(h, 'shop-db-replica-2')).toBe(-1);
    expect(h.rds.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === 'shop-db-replica-2')!.replicaLagSeconds).toBe(-1);
    h.runUntil(() => h.rds.instance('shop-db-replica-2')!.status === 'available', 300, (tick) => h.rds.serve('shop-db', 100, 20, tick));
    h.run(60, (tick) => h.rds.serve('shop-db', 100, 20, tick));
    expect(lagOf(h, 'shop-db-replica-2')).toBe(0);
    expect(h.eventsOf('shop-db-replica-2').map((e) => e.eventId)).toEqual(['RDS-EVENT-0004', 'RDS-EVENT-0006', 'RDS-EVENT-0046']);
  });

  it('RDS-3 grows when the write load exceeds the replica replay rate, and recovers when it falls', () => {
    const h = smallReplica();
    expect(capacityOf('db.t3.small', 'gp3', 20).replayWritesPerSecond).toBe(150);
    const lags: number[] = [];
    h.run(300, (tick) => {
      h.rds.serve('main', 0, 300 * tick, tick);
      lags.push(lagOf(h, 'small'));
    });
    // Backlog grows by 300 − 150 writes/s; lag = backlog / 150 → 300 s after 300 s.
    expect(lagOf(h, 'small')).toBeCloseTo(300, 0);
    for (let i = 1; i < lags.length; i++) expect(lags[i]!).toBeGreaterThan(lags[i - 1]!);
    // 50 writes/s leaves 100/s of spare replay: the 45,000-write backlog drains in 450 s.
    const drain = h.runUntil(() => lagOf(h, 'small') === 0, 1200, (tick) => h.rds.serve('main', 0, 50 * tick, tick));
    expect(drain).toBeGreaterThanOrEqual(445);
    expect(drain).toBeLessThanOrEqual(455);
  });

  it('RDS-3 the inventory is re-sent when a replica falls behind and when it has caught up, not every tick', () => {
    const h = smallReplica();
    h.run(60, (tick) => h.rds.serve('main', 0, 50 * tick, tick));
    // Besides, the transaction-log upload every 5 minutes moves LatestRestorableTime (RDSB-3): one
    // re-send per 5-minute mark crossed, counted apart.
    const from = h.engine.now;
    const uploads = () => Math.floor(h.engine.now / 300_000) - Math.floor(from / 300_000);
    const quiet = h.inventoryChanges;
    h.run(60, (tick) => h.rds.serve('main', 0, 50 * tick, tick));
    expect(h.inventoryChanges - uploads()).toBe(quiet);
    h.run(120, (tick) => h.rds.serve('main', 0, 300 * tick, tick));
    expect(h.inventoryChanges - uploads()).toBe(quiet + 1);
    h.runUntil(() => lagOf(h, 'small') === 0, 1200, (tick) => h.rds.serve('main', 0, 10 * tick, tick));
    expect(h.inventoryChanges - uploads()).toBe(quiet + 2);
    expect(h.rds.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === 'small')!.replicaLagSeconds).toBe(0);
  });

  it('RDS-3 reads on the replica slow its replay (it shares its CPU)', () => {
    const idle = smallReplica();
    const busy = smallReplica();
    idle.run(120, (tick) => idle.rds.serve('main', 0, 120 * tick, tick));
    // 400 reads/s use 80 % of a db.t3.small (500 units/s): replay drops to 20 % of 150 = 30 writes/s.
    busy.run(120, (tick) => busy.rds.serve('main', 400 * tick, 120 * tick, tick));
    expect(lagOf(idle, 'small')).toBe(0);
    expect(lagOf(busy, 'small')).toBeGreaterThan(60);
  });

  it('RDS-3 RaiseReplicaLag adds its lag for its Duration; afterwards the replica catches up with its spare replay rate', () => {
    const h = harness(shopDatabase());
    const traffic = (tick: number) => h.rds.serve('shop-db', 100 * tick, 40 * tick, tick);
    h.run(30, traffic);
    const effect = h.rds.applyFault('RaiseReplicaLag', { DBInstanceIdentifier: 'shop-db-replica-1', LagSeconds: 120 })!;
    expect(effect.message).toBe('Replication on shop-db-replica-1 falls 120 s behind shop-db');
    h.run(300, traffic);
    expect(lagOf(h, 'shop-db-replica-1')).toBe(120);
    expect(lagOf(h, 'shop-db-replica-2')).toBe(0);
    expect(effect.revert!()).toBe('shop-db-replica-1 catches up on 120 s of changes from shop-db');
    h.step(traffic);
    const justAfter = lagOf(h, 'shop-db-replica-1');
    expect(justAfter).toBeLessThan(120);
    expect(justAfter).toBeGreaterThan(100);
    // 120 s at db.r6g.large's 300 writes/s is 36,000 writes; its 50 reads/s leave it 285 writes/s of
    // replay, 40/s keep coming in: 36,000 / 245 ≈ 147 s from the revert.
    const recovery = 5 + h.runUntil(() => lagOf(h, 'shop-db-replica-1') === 0, 600, traffic);
    expect(recovery).toBeGreaterThanOrEqual(140);
    expect(recovery).toBeLessThanOrEqual(155);
  });

  it('RDS-3 RaiseReplicaLag on an instance that is not a replica is refused', () => {
    const h = harness(shopDatabase());
    expect(() => h.rds.applyFault('RaiseReplicaLag', { DBInstanceIdentifier: 'shop-db', LagSeconds: 10 })).toThrow('DB instance shop-db is not a read replica.');
  });

  it('RDS-3 a replica of a replica reports its own lag plus its source’s', () => {
    const h = harness(
      dbResources({
        Db: { DBInstanceIdentifier: 'top', Engine: 'mysql', DBInstanceClass: 'db.m5.large' },
        Mid: { DBInstanceIdentifier: 'mid', SourceDBInstanceIdentifier: 'top', BackupRetentionPeriod: 1 },
        Leaf: { DBInstanceIdentifier: 'leaf', SourceDBInstanceIdentifier: 'mid' },
      }),
    );
    h.rds.applyFault('RaiseReplicaLag', { DBInstanceIdentifier: 'mid', LagSeconds: 30 });
    h.rds.applyFault('RaiseReplicaLag', { DBInstanceIdentifier: 'leaf', LagSeconds: 5 });
    h.run(60, (tick) => h.rds.serve('top', 0, 20, tick));
    expect(lagOf(h, 'mid')).toBe(30);
    expect(lagOf(h, 'leaf')).toBe(35);
  });

  it('RDS-3 a replica replays exactly what its source committed', () => {
    const h = harness(shopDatabase());
    let committed = 0;
    h.run(600, (tick) => {
      const outcome = h.rds.serve('shop-db', 50, 37, tick);
      committed += 37 - outcome.failedWrites;
    });
    let replayed = 0;
    // Replay totals are visible through WriteIOPS (1.5 I/O per replayed write) on the replica.
    for (const [, iops] of h.series('WriteIOPS', 'shop-db-replica-1')) replayed += (iops * 60) / 1.5;
    expect(replayed).toBeCloseTo(committed, 0);
  });
});

describe('RDS-4 read replicas created at runtime', () => {
  it('RDS-4 a new replica is creating while its source is modifying, then available and replicating', () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.run(30, (tick) => h.rds.serve('shop-db', 50, 20, tick));
    expect(h.rds.createReadReplica({ DBInstanceIdentifier: 'Shop-DB-Reporting', SourceDBInstanceIdentifier: 'shop-db' })).toBe('Creating read replica shop-db-reporting of shop-db');
    expect(h.rds.instance('shop-db')!.status).toBe('modifying');
    expect(h.rds.instance('shop-db-reporting')!.status).toBe('creating');
    const inventory = () => h.rds.inventory().dbInstances;
    expect(inventory().find((d) => d.dbInstanceIdentifier === 'shop-db')!.readReplicaDBInstanceIdentifiers).toEqual(['shop-db-reporting']);
    expect(inventory().find((d) => d.dbInstanceIdentifier === 'shop-db-reporting')).toMatchObject({ dbInstanceStatus: 'creating', endpoint: undefined, replicaLagSeconds: -1, readReplicaSourceDBInstanceIdentifier: 'shop-db' });
    // The source keeps taking writes while it is modifying.
    let outcome = { failedReads: 1, failedWrites: 1, latencySeconds: 0 };
    h.step((tick) => (outcome = h.rds.serve('shop-db', 50, 20, tick)));
    expect(outcome).toMatchObject({ failedReads: 0, failedWrites: 0 });
    const sourceBack = h.runUntil(() => h.rds.instance('shop-db')!.status === 'available', 600, (tick) => h.rds.serve('shop-db', 50, 20, tick));
    expect(h.rds.instance('shop-db-reporting')!.status).toBe('creating');
    expect(sourceBack).toBeLessThanOrEqual(125);
    h.runUntil(() => h.rds.instance('shop-db-reporting')!.status === 'available', 900, (tick) => h.rds.serve('shop-db', 50, 20, tick));
    h.run(120, (tick) => h.rds.serve('shop-db', 50, 20, tick));
    expect(h.eventsOf('shop-db-reporting').map((e) => e.eventId)).toEqual(['RDS-EVENT-0005', 'RDS-EVENT-0046']);
    expect(lagOf(h, 'shop-db-reporting')).toBe(0);
    expect(inventory().find((d) => d.dbInstanceIdentifier === 'shop-db-reporting')!.endpoint!.address).toMatch(/^shop-db-reporting\.[0-9a-f]{12}\.us-east-1\.rds\.amazonaws\.com$/);
  });

  it('RDS-4 refused: source without backups, source at its replica limit, unknown source, existing identifier', () => {
    const noBackups = harness(dbResources({ Db: { DBInstanceIdentifier: 'nb', Engine: 'mysql', DBInstanceClass: 'db.m5.large', BackupRetentionPeriod: 0 } }));
    expect(() => noBackups.rds.createReadReplica({ DBInstanceIdentifier: 'r', SourceDBInstanceIdentifier: 'nb' })).toThrow('Automated backups are not enabled for this database instance.');

    const oracle = harness(dbResources({ Db: { DBInstanceIdentifier: 'ora', Engine: 'oracle-ee', DBInstanceClass: 'db.m5.large' } }));
    for (let i = 1; i <= 5; i++) {
      oracle.rds.createReadReplica({ DBInstanceIdentifier: `ora-${i}`, SourceDBInstanceIdentifier: 'ora' });
      oracle.runUntil(() => oracle.rds.instance('ora')!.status === 'available', 600);
    }
    expect(() => oracle.rds.createReadReplica({ DBInstanceIdentifier: 'ora-6', SourceDBInstanceIdentifier: 'ora' })).toThrow('ora already has 5 read replicas, the most RDS for Oracle allows.');
    expect(() => oracle.rds.createReadReplica({ DBInstanceIdentifier: 'x', SourceDBInstanceIdentifier: 'nope' })).toThrow('DBInstance nope not found.');
    expect(() => oracle.rds.createReadReplica({ DBInstanceIdentifier: 'ora-1', SourceDBInstanceIdentifier: 'ora' })).toThrow('DB instance already exists');
    // Runtime replicas start with backups off, so they cannot be sources until backups are enabled.
    oracle.runUntil(() => oracle.rds.instance('ora-1')!.status === 'available', 900);
    expect(() => oracle.rds.createReadReplica({ DBInstanceIdentifier: 'deep', SourceDBInstanceIdentifier: 'ora-1' })).toThrow('Automated backups are not enabled');
  });

  it('RDS-4 cascading at runtime: not for Oracle; for MySQL at most three replicas in a chain', () => {
    const oracle = harness(
      dbResources({
        Db: { DBInstanceIdentifier: 'ora', Engine: 'oracle-ee', DBInstanceClass: 'db.m5.large' },
        Replica: { DBInstanceIdentifier: 'ora-r', SourceDBInstanceIdentifier: 'ora', BackupRetentionPeriod: 1 },
      }),
    );
    expect(() => oracle.rds.createReadReplica({ DBInstanceIdentifier: 'deep', SourceDBInstanceIdentifier: 'ora-r' })).toThrow('RDS for Oracle does not support a read replica of a read replica.');
    const mysql = harness(
      dbResources({
        Db: { DBInstanceIdentifier: 'top', Engine: 'mysql', DBInstanceClass: 'db.m5.large' },
        C1: { DBInstanceIdentifier: 'c1', SourceDBInstanceIdentifier: 'top', BackupRetentionPeriod: 1 },
        C2: { DBInstanceIdentifier: 'c2', SourceDBInstanceIdentifier: 'c1', BackupRetentionPeriod: 1 },
        C3: { DBInstanceIdentifier: 'c3', SourceDBInstanceIdentifier: 'c2', BackupRetentionPeriod: 1 },
      }),
    );
    expect(() => mysql.rds.createReadReplica({ DBInstanceIdentifier: 'c4', SourceDBInstanceIdentifier: 'c3' })).toThrow('A chain of cascading read replicas can have at most 3 read replicas.');
    expect(mysql.rds.createReadReplica({ DBInstanceIdentifier: 'c3b', SourceDBInstanceIdentifier: 'c2' })).toBe('Creating read replica c3b of c2');
  });

  it('RDS-4 refused while the source is itself busy creating another replica (modifying)', () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.rds.createReadReplica({ DBInstanceIdentifier: 'a', SourceDBInstanceIdentifier: 'shop-db' });
    expect(() => h.rds.createReadReplica({ DBInstanceIdentifier: 'b', SourceDBInstanceIdentifier: 'shop-db' })).toThrow('DB instance shop-db is not in available state.');
  });
});
