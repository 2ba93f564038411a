import { describe, expect, it } from 'vitest';
import { BACKUP_BASE_SECONDS, BACKUP_WRITES_PER_SECOND } from '@main/core/sources/sim/rds/rds-service';
import { harness } from './engine-harness';
import { dbResources, shopDatabase } from './rds-resources';

/** 02:55 UTC: five minutes before the default 03:00–03:30 backup window. */
const BEFORE_WINDOW = Date.UTC(2026, 10, 21, 2, 55, 0);
const statusOf = (h: ReturnType<typeof harness>, id: string) => h.rds.instance(id)!.status;

describe('automated backups', () => {
  it('daily in the default 03:00–03:30 UTC window: backing-up with RDS-EVENT-0001, then available with RDS-EVENT-0002', () => {
    const h = harness(shopDatabase({ replicas: 0, primary: { MultiAZ: false } }), { start: BEFORE_WINDOW });
    h.run(295);
    expect(statusOf(h, 'shop-db')).toBe('available');
    h.step();
    expect(statusOf(h, 'shop-db')).toBe('backing-up');
    const started = h.eventsOf('shop-db')[0]!;
    expect(started).toMatchObject({ eventId: 'RDS-EVENT-0001', message: 'Backing up the DB instance.', eventCategories: ['backup'], date: '2026-11-21T03:00:00.000Z' });
    const seconds = h.runUntil(() => statusOf(h, 'shop-db') === 'available', 3600);
    expect(seconds).toBeGreaterThanOrEqual(BACKUP_BASE_SECONDS - 5);
    expect(seconds).toBeLessThanOrEqual(BACKUP_BASE_SECONDS + 5);
    expect(h.eventsOf('shop-db')[1]).toMatchObject({ eventId: 'RDS-EVENT-0002', message: 'Finished DB Instance backup.' });
    // And again the next day.
    h.run(86_400 - seconds);
    expect(h.eventsOf('shop-db').map((e) => e.eventId)).toEqual(['RDS-EVENT-0001', 'RDS-EVENT-0002', 'RDS-EVENT-0001']);
    expect(h.eventsOf('shop-db')[2]!.date).toBe('2026-11-22T03:00:00.000Z');
  });

  it('PreferredBackupWindow moves the window', () => {
    const h = harness(shopDatabase({ replicas: 0, primary: { PreferredBackupWindow: '02:57-03:27' } }), { start: BEFORE_WINDOW });
    h.run(120);
    expect(h.eventsOf('shop-db')[0]!.date).toBe('2026-11-21T02:57:00.000Z');
  });

  it('the backup takes longer the more was written since the previous one', () => {
    const h = harness(shopDatabase({ replicas: 0 }), { start: BEFORE_WINDOW });
    h.run(300, (tick) => h.rds.serve('shop-db', 0, 200 * tick, tick));
    const seconds = h.runUntil(() => statusOf(h, 'shop-db') === 'available', 3600);
    const expected = BACKUP_BASE_SECONDS + (200 * 300) / BACKUP_WRITES_PER_SECOND;
    expect(seconds).toBeGreaterThanOrEqual(expected - 5);
    expect(seconds).toBeLessThanOrEqual(expected + 5);
  });

  it('no automated backups with BackupRetentionPeriod 0, nor on a replica (created with backups off)', () => {
    const h = harness(
      dbResources({
        Db: { DBInstanceIdentifier: 'nobackup', Engine: 'mysql', DBInstanceClass: 'db.m5.large', BackupRetentionPeriod: 0 },
        Src: { DBInstanceIdentifier: 'src', Engine: 'mysql', DBInstanceClass: 'db.m5.large', PreferredBackupWindow: '04:00-04:30' },
        Rep: { DBInstanceIdentifier: 'rep', SourceDBInstanceIdentifier: 'src' },
      }),
      { start: BEFORE_WINDOW },
    );
    h.run(3600);
    expect(h.engine.rdsEvents).toEqual([]);
    expect(h.rds.inventory().dbInstances.map((d) => d.backupRetentionPeriod)).toEqual([0, 1, 0]);
  });

  it('a backup is skipped when the instance is not available as the window opens, and tried the next day', () => {
    const h = harness(shopDatabase({ replicas: 0 }), { start: Date.UTC(2026, 10, 21, 2, 59, 30) });
    h.rds.rebootDBInstance('shop-db', false);
    h.run(3600);
    expect(h.eventsOf('shop-db').some((e) => e.eventId === 'RDS-EVENT-0001')).toBe(false);
    h.run(86_400);
    expect(h.eventsOf('shop-db').filter((e) => e.eventId === 'RDS-EVENT-0001').map((e) => e.date)).toEqual(['2026-11-22T03:00:00.000Z']);
  });

  it('a reboot is refused while backing-up', () => {
    const h = harness(shopDatabase({ replicas: 0 }), { start: BEFORE_WINDOW });
    h.run(300);
    expect(() => h.rds.rebootDBInstance('shop-db', false)).toThrow('DB instance shop-db is not in available state.');
  });

  it('Single-AZ: I/O is suspended briefly as the backup starts; Multi-AZ MySQL backs up from the standby without a stall', () => {
    const latencyAtBackupStart = (multiAZ: boolean) => {
      const h = harness(shopDatabase({ replicas: 0, primary: { MultiAZ: multiAZ } }), { start: BEFORE_WINDOW });
      const traffic = (tick: number) => h.rds.serve('shop-db', 10 * tick, 10 * tick, tick).latencySeconds;
      h.run(290, traffic);
      let before = 0;
      h.step((tick) => (before = traffic(tick))); // ends 02:59:55
      h.step(traffic); // ends 03:00:00: the window opens as it ends
      let during = 0;
      h.step((tick) => (during = traffic(tick))); // 03:00:00–03:00:05, the first seconds of the backup
      return { before, during };
    };
    const single = latencyAtBackupStart(false);
    const multi = latencyAtBackupStart(true);
    // A 3 s stall in a 5 s tick: 0.6 of the requests wait 1.5 s on average → +0.9 s.
    expect(single.during - single.before).toBeGreaterThan(0.8);
    expect(multi.during - multi.before).toBeLessThan(0.01);
    expect(multi.during).toBeGreaterThan(multi.before); // elevated latency while backing up
  });

  it('a failover during a backup ends it: no "Finished" event, the instance comes back available', () => {
    const h = harness(shopDatabase({ replicas: 0 }), { start: BEFORE_WINDOW });
    h.run(310);
    expect(statusOf(h, 'shop-db')).toBe('backing-up');
    h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
    h.run(600);
    expect(statusOf(h, 'shop-db')).toBe('available');
    expect(h.eventsOf('shop-db').map((e) => e.eventId).filter(Boolean)).toEqual(['RDS-EVENT-0001', 'RDS-EVENT-0013', 'RDS-EVENT-0006', 'RDS-EVENT-0049']);
  });
});
