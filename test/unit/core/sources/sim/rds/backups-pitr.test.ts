/**
 * RDSB-n (docs/aws-behaviour.md, "RDS automated backups and snapshots"): the scenario properties,
 * automated backups with retention, LatestRestorableTime, manual snapshots and point-in-time restore
 * in the simulator, refused where RDS refuses them — with the shared rules' codes.
 */
import { describe, expect, it } from 'vitest';
import { RdsApiError } from '@main/core/sources/sim/rds/rds-instance';
import { RDS_RESOURCE_TYPES } from '@main/core/sources/sim/rds/resource-types';
import { restoreSeconds, snapshotSeconds } from '@main/core/sources/sim/rds/rds-backups';
import { harness } from './engine-harness';
import { dbResources, shopDatabase } from './rds-resources';

type H = ReturnType<typeof harness>;
/** 02:55 UTC: five minutes before the default 03:00–03:30 backup window. */
const BEFORE_WINDOW = Date.UTC(2026, 10, 21, 2, 55, 0);
const START = Date.UTC(2026, 10, 20, 14, 0, 0);
const DAY = 86_400;
const db = (h: H, id: string) => h.rds.inventory().dbInstances.find((d) => d.dbInstanceIdentifier === id);
const snapshotsOf = (h: H, id: string) => h.rds.inventory().dbSnapshots.filter((s) => s.dbInstanceIdentifier === id);
const status = (h: H, id: string) => h.rds.instance(id)?.status;

function refusal(run: () => unknown): { awsCode: string; code?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof RdsApiError) return { awsCode: error.params.awsCode, code: error.refusal?.code };
    throw error;
  }
  throw new Error('not refused');
}

const checkProperties = (properties: Record<string, unknown>): string[] => {
  const spec = RDS_RESOURCE_TYPES['AWS::RDS::DBInstance']!;
  const out: string[] = [];
  spec.check!(spec.properties.parse(properties) as Record<string, unknown>, (property, message) => out.push(`${property}: ${message}`));
  return out;
};

describe('RDSB-1 backup properties of AWS::RDS::DBInstance (aws-resource-rds-dbinstance.html, API_CreateDBInstance)', () => {
  const base = { DBInstanceIdentifier: 'orders', Engine: 'mysql', DBInstanceClass: 'db.m5.large' };

  it('RDSB-1 BackupRetentionPeriod defaults to 1 day and must be 0–35', () => {
    const h = harness(dbResources({ Db: base }));
    expect(db(h, 'orders')!.backupRetentionPeriod).toBe(1);
    expect(checkProperties({ ...base, BackupRetentionPeriod: 36 })).toEqual(['BackupRetentionPeriod: BackupRetentionPeriod 36 must be between 0 and 35 days']);
    expect(checkProperties({ ...base, BackupRetentionPeriod: 35 })).toEqual([]);
  });

  it('RDSB-1 PreferredBackupWindow is hh24:mi-hh24:mi, at least 30 minutes, and must not overlap PreferredMaintenanceWindow; errors name the instance', () => {
    expect(checkProperties({ ...base, PreferredBackupWindow: '3:00-3:30' })).toEqual([expect.stringContaining('PreferredBackupWindow "3:00-3:30" of orders must look like hh24:mi-hh24:mi')]);
    expect(checkProperties({ ...base, PreferredBackupWindow: '03:00-03:20' })).toEqual([expect.stringContaining('of orders must be at least 30 minutes long')]);
    expect(checkProperties({ ...base, PreferredBackupWindow: '03:00-03:30', PreferredMaintenanceWindow: 'sun:03:15-sun:03:45' })).toEqual([
      'PreferredBackupWindow: PreferredBackupWindow "03:00-03:30" of orders overlaps PreferredMaintenanceWindow "sun:03:15-sun:03:45"; RDS requires the two not to conflict',
    ]);
    // Wrapping past midnight and past Saturday night.
    expect(checkProperties({ ...base, PreferredBackupWindow: '23:45-00:15', PreferredMaintenanceWindow: 'sat:23:50-sun:00:30' })).toEqual([expect.stringContaining('overlaps')]);
    expect(checkProperties({ ...base, PreferredBackupWindow: '03:00-03:30', PreferredMaintenanceWindow: 'sun:05:00-sun:05:30' })).toEqual([]);
    expect(checkProperties({ ...base, PreferredMaintenanceWindow: 'sunday:05:00-sun:05:30' })).toEqual([expect.stringContaining('must look like ddd:hh24:mi-ddd:hh24:mi')]);
    expect(checkProperties({ ...base, PreferredMaintenanceWindow: 'sun:05:00-sun:05:10' })).toEqual([expect.stringContaining('at least 30 minutes')]);
    // Without PreferredBackupWindow, the default (03:00-03:30) moves past a maintenance window it would meet.
    const h = harness(dbResources({ Db: { ...base, PreferredMaintenanceWindow: 'wed:03:00-wed:03:30' } }));
    expect(db(h, 'orders')!.preferredBackupWindow).toBe('04:00-04:30');
  });

  it('RDSB-1 CopyTagsToSnapshot copies the instance tags to its snapshots; DeleteAutomatedBackups is accepted', () => {
    const tags = [
      { Key: 'team', Value: 'orders' },
      { Key: 'env', Value: 'prod' },
    ];
    const h = harness(dbResources({ Db: { ...base, Tags: tags, CopyTagsToSnapshot: 'true', DeleteAutomatedBackups: false }, Other: { ...base, DBInstanceIdentifier: 'plain', Tags: tags } }));
    h.rds.createDBSnapshot('orders', 'orders-manual');
    h.rds.createDBSnapshot('plain', 'plain-manual');
    expect(h.rds.inventory().dbSnapshots.filter((s) => s.snapshotType === 'manual').map((s) => [s.dbSnapshotIdentifier, s.tagCount])).toEqual([
      ['orders-manual', 2],
      ['plain-manual', 0],
    ]);
    expect(db(h, 'orders')!.copyTagsToSnapshot).toBe(true);
  });
});

describe('RDSB-2 automated backups: a daily snapshot in the window, kept for the retention period (USER_WorkingWithAutomatedBackups)', () => {
  it('RDSB-2 the instance is restorable from the start; each window adds rds:<id>-<yyyy-mm-dd-hh-mm> (creating → available) and prunes backups older than the retention period', () => {
    const h = harness(shopDatabase({ replicas: 0, primary: { BackupRetentionPeriod: 2 } }), { start: BEFORE_WINDOW });
    expect(snapshotsOf(h, 'shop-db')).toEqual([expect.objectContaining({ dbSnapshotIdentifier: 'rds:shop-db-2026-11-21-02-55', snapshotType: 'automated', status: 'available' })]);
    h.run(305);
    expect(status(h, 'shop-db')).toBe('backing-up');
    expect(snapshotsOf(h, 'shop-db')[1]).toMatchObject({ dbSnapshotIdentifier: 'rds:shop-db-2026-11-21-03-00', status: 'creating' });
    h.runUntil(() => status(h, 'shop-db') === 'available', 3600);
    expect(snapshotsOf(h, 'shop-db')[1]).toMatchObject({ status: 'available', percentProgress: 100 });
    h.run(3 * DAY);
    // Retention 2 days, after the backup of the 24th: restorable from the 22nd 03:02, so the 22nd's
    // backup stays as the base of such a restore; the 21st's are gone.
    expect(snapshotsOf(h, 'shop-db').map((s) => s.dbSnapshotIdentifier)).toEqual(['rds:shop-db-2026-11-22-03-00', 'rds:shop-db-2026-11-23-03-00', 'rds:shop-db-2026-11-24-03-00']);
    expect(db(h, 'shop-db')!.earliestRestorableTime).toBe('2026-11-22T03:00:00.000Z');
  });

  it('RDSB-2 no automated snapshots and no restorable time with BackupRetentionPeriod 0', () => {
    const h = harness(dbResources({ Db: { DBInstanceIdentifier: 'nobackup', Engine: 'mysql', DBInstanceClass: 'db.m5.large', BackupRetentionPeriod: 0 } }), { start: BEFORE_WINDOW });
    h.run(DAY);
    expect(h.rds.inventory().dbSnapshots).toEqual([]);
    expect(db(h, 'nobackup')!.latestRestorableTime).toBeUndefined();
  });
});

describe('RDSB-3 LatestRestorableTime trails now by at most 5 minutes (USER_PIT.html: logs uploaded every 5 minutes)', () => {
  it('RDSB-3 it moves on every 5-minute mark, never ahead of now nor more than 5 minutes behind', () => {
    const h = harness(shopDatabase({ replicas: 0 }), { start: START });
    for (let i = 0; i < 30; i++) {
      h.run(65);
      const latest = Date.parse(db(h, 'shop-db')!.latestRestorableTime!);
      expect(latest).toBeLessThanOrEqual(h.engine.now);
      expect(h.engine.now - latest).toBeLessThanOrEqual(300_000);
      expect(latest % 300_000).toBe(0);
    }
  });
});

describe('RDSB-4 CreateDBSnapshot (API_CreateDBSnapshot, USER_CreateSnapshot)', () => {
  it('RDSB-4 the instance is backing-up while the manual snapshot is creating, for a time that grows with the allocated storage; then both available', () => {
    const small = harness(shopDatabase({ replicas: 0, primary: { AllocatedStorage: 20 } }));
    const large = harness(shopDatabase({ replicas: 0, primary: { AllocatedStorage: 1000 } }));
    const took = (h: H) => {
      h.rds.createDBSnapshot('shop-db', 'before-upgrade');
      h.step();
      expect(status(h, 'shop-db')).toBe('backing-up');
      expect(h.rds.inventory().dbSnapshots.find((s) => s.dbSnapshotIdentifier === 'before-upgrade')).toMatchObject({ snapshotType: 'manual', status: 'creating' });
      const seconds = h.runUntil(() => status(h, 'shop-db') === 'available', 7200);
      expect(h.rds.inventory().dbSnapshots.find((s) => s.dbSnapshotIdentifier === 'before-upgrade')).toMatchObject({ status: 'available', percentProgress: 100 });
      return seconds + 5;
    };
    expect(Math.abs(took(small) - snapshotSeconds(20))).toBeLessThanOrEqual(5);
    expect(Math.abs(took(large) - snapshotSeconds(1000))).toBeLessThanOrEqual(5);
  });

  it('RDSB-4 refused unless available (backing-up, rebooting), for a name already taken, or for a malformed name — with the API codes', () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    expect(refusal(() => h.rds.createDBSnapshot('nope', 'x'))).toEqual({ awsCode: 'DBInstanceNotFound', code: 'db-not-found' });
    expect(refusal(() => h.rds.createDBSnapshot('shop-db', '1st'))).toEqual({ awsCode: 'InvalidParameterValue', code: 'invalid-identifier' });
    expect(refusal(() => h.rds.createDBSnapshot('shop-db', 'a--b'))).toEqual({ awsCode: 'InvalidParameterValue', code: 'invalid-identifier' });
    expect(refusal(() => h.rds.createDBSnapshot('shop-db', 'trailing-'))).toEqual({ awsCode: 'InvalidParameterValue', code: 'invalid-identifier' });
    h.rds.createDBSnapshot('shop-db', 'one');
    expect(refusal(() => h.rds.createDBSnapshot('shop-db', 'two'))).toEqual({ awsCode: 'InvalidDBInstanceState', code: 'not-available' });
    h.runUntil(() => status(h, 'shop-db') === 'available', 3600);
    expect(refusal(() => h.rds.createDBSnapshot('shop-db', 'ONE'))).toEqual({ awsCode: 'DBSnapshotAlreadyExists', code: 'snapshot-exists' });
  });

  it('RDSB-4 manual snapshots are kept after the retention period; automated ones are not', () => {
    const h = harness(shopDatabase({ replicas: 0 }), { start: BEFORE_WINDOW });
    h.rds.createDBSnapshot('shop-db', 'keep-me');
    h.run(4 * DAY);
    const ids = snapshotsOf(h, 'shop-db').map((s) => s.dbSnapshotIdentifier);
    expect(ids).toContain('keep-me');
    // Retention 1 day, now the 25th 02:55: the last day is restorable from the 23rd's backup on.
    expect(ids.filter((id) => id.startsWith('rds:'))).toEqual(['rds:shop-db-2026-11-23-03-00', 'rds:shop-db-2026-11-24-03-00']);
  });

  it('RDSB-4 a promotion is refused while the replica is backing-up for a snapshot (RDS-2)', () => {
    const h = harness(shopDatabase({ replicas: 1 }));
    const replica = h.rds.instance('shop-db-replica-1')!;
    // Replicas are created with backups off; a manual snapshot works all the same.
    expect(replica.backupRetentionPeriod).toBe(0);
    h.rds.createDBSnapshot('shop-db-replica-1', 'replica-snap');
    expect(refusal(() => h.rds.promoteReadReplica('shop-db-replica-1'))).toEqual({ awsCode: 'InvalidDBInstanceState', code: 'not-available' });
  });
});

describe('RDSB-5 RestoreDBInstanceToPointInTime creates a new DB instance (API_RestoreDBInstanceToPointInTime, USER_PIT)', () => {
  it('RDSB-5 the new instance is creating (no endpoint) then available with its own endpoint; Single-AZ, no replicas; the source is untouched', () => {
    const h = harness(shopDatabase({ replicas: 1 }), { start: START });
    h.run(1200);
    const source = db(h, 'shop-db')!;
    const restoreTime = new Date(START + 600_000).toISOString();
    h.rds.restoreToPointInTime({ sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'Shop-DB-Restored', restoreTime });
    const created = db(h, 'shop-db-restored')!;
    expect(created).toMatchObject({ dbInstanceStatus: 'creating', multiAZ: false, readReplicaDBInstanceIdentifiers: [], engine: 'mysql', dbInstanceClass: source.dbInstanceClass, allocatedStorage: 100 });
    expect(created.endpoint).toBeUndefined();
    expect(created.readReplicaSourceDBInstanceIdentifier).toBeUndefined();
    const seconds = h.runUntil(() => status(h, 'shop-db-restored') === 'available', 7200);
    expect(Math.abs(seconds + 5 - restoreSeconds(100, 600))).toBeLessThanOrEqual(5);
    const restored = db(h, 'shop-db-restored')!;
    expect(restored.endpoint!.address).toMatch(/^shop-db-restored\./);
    expect(restored.endpoint!.address).not.toBe(source.endpoint!.address);
    expect(restored.backupRetentionPeriod).toBe(source.backupRetentionPeriod);
    expect(restored.latestRestorableTime).toBeDefined();
    expect(db(h, 'shop-db')).toMatchObject({ dbInstanceStatus: 'available', multiAZ: true, readReplicaDBInstanceIdentifiers: ['shop-db-replica-1'], endpoint: source.endpoint });
    expect(h.eventsOf('shop-db-restored').map((e) => e.eventId)).toEqual(['RDS-EVENT-0019']);
  });

  it('RDSB-5 MultiAZ: true restores a Multi-AZ instance', () => {
    const h = harness(shopDatabase({ replicas: 0, primary: { MultiAZ: false } }));
    h.run(600);
    h.rds.restoreToPointInTime({ sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'copy', useLatestRestorableTime: true, multiAZ: true });
    expect(db(h, 'copy')!.multiAZ).toBe(true);
  });
});

describe('RDSB-6 a restore is refused outside the restorable window and in the other cases RDS refuses it', () => {
  it('RDSB-6 outside [earliest, latest], both or neither time, backups off, an existing or malformed target — each with its code', () => {
    const h = harness(
      dbResources({
        Db: { DBInstanceIdentifier: 'shop-db', Engine: 'mysql', DBInstanceClass: 'db.m5.large' },
        Off: { DBInstanceIdentifier: 'nobackup', Engine: 'mysql', DBInstanceClass: 'db.m5.large', BackupRetentionPeriod: 0 },
      }),
      { start: START },
    );
    h.run(1000); // 14:16:40: the last log upload was at 14:15
    const restore = (parameters: Record<string, unknown>) => () => h.rds.restoreToPointInTime({ sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'copy', ...parameters });
    expect(refusal(restore({ restoreTime: new Date(START - 60_000).toISOString() }))).toEqual({ awsCode: 'InvalidParameterValue', code: 'restore-time-outside' });
    // Now is after the latest restorable time: its logs are not uploaded yet.
    expect(refusal(restore({ restoreTime: new Date(h.engine.now).toISOString() }))).toEqual({ awsCode: 'InvalidParameterValue', code: 'restore-time-outside' });
    expect(refusal(restore({ restoreTime: 'yesterday' }))).toEqual({ awsCode: 'InvalidParameterValue', code: 'restore-time-outside' });
    expect(refusal(restore({ restoreTime: new Date(START).toISOString(), useLatestRestorableTime: true }))).toEqual({ awsCode: 'InvalidParameterCombination', code: 'restore-time-both' });
    expect(refusal(restore({}))).toEqual({ awsCode: 'InvalidParameterCombination', code: 'restore-time-missing' });
    expect(refusal(() => h.rds.restoreToPointInTime({ sourceDBInstanceIdentifier: 'nobackup', targetDBInstanceIdentifier: 'copy', useLatestRestorableTime: true }))).toEqual({
      awsCode: 'PointInTimeRestoreNotEnabled',
      code: 'backups-disabled',
    });
    expect(refusal(restore({ targetDBInstanceIdentifier: 'nobackup', useLatestRestorableTime: true }))).toEqual({ awsCode: 'DBInstanceAlreadyExists', code: 'db-already-exists' });
    expect(refusal(restore({ targetDBInstanceIdentifier: 'a'.repeat(64), useLatestRestorableTime: true }))).toEqual({ awsCode: 'InvalidParameterValue', code: 'invalid-identifier' });
    expect(refusal(restore({ targetDBInstanceIdentifier: '9lives', useLatestRestorableTime: true }))).toEqual({ awsCode: 'InvalidParameterValue', code: 'invalid-identifier' });
    // The edges of the window are inside it.
    expect(h.rds.restoreToPointInTime({ sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'at-earliest', restoreTime: db(h, 'shop-db')!.earliestRestorableTime })).toContain('at-earliest');
    expect(h.rds.restoreToPointInTime({ sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'at-latest', restoreTime: db(h, 'shop-db')!.latestRestorableTime })).toContain('at-latest');
  });
});

describe('RDSB-7 a snapshot on a Single-AZ instance suspends I/O briefly; Multi-AZ MySQL takes it from the standby (USER_CreateSnapshot)', () => {
  it('RDSB-7 latency jumps as a manual snapshot starts on Single-AZ only', () => {
    const latencyAtSnapshot = (multiAZ: boolean) => {
      const h = harness(shopDatabase({ replicas: 0, primary: { MultiAZ: multiAZ } }));
      const traffic = (tick: number) => h.rds.serve('shop-db', 10 * tick, 10 * tick, tick).latencySeconds;
      h.run(60, traffic);
      let before = 0;
      h.step((tick) => (before = traffic(tick)));
      h.rds.createDBSnapshot('shop-db', 'snap');
      let during = 0;
      h.step((tick) => (during = traffic(tick)));
      return during / before;
    };
    expect(latencyAtSnapshot(false)).toBeGreaterThan(10);
    expect(latencyAtSnapshot(true)).toBeLessThan(2);
  });
});

describe('determinism', () => {
  it('same seed, same snapshots and restore', () => {
    const run = () => {
      const h = harness(shopDatabase({ replicas: 0 }), { start: BEFORE_WINDOW, seed: 7 });
      h.run(600);
      h.rds.createDBSnapshot('shop-db', 'snap');
      h.rds.restoreToPointInTime({ sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'copy', useLatestRestorableTime: true });
      h.run(DAY);
      return JSON.stringify(h.rds.inventory());
    };
    expect(run()).toBe(run());
  });
});
