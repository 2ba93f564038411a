/**
 * RDS-6: every event the simulated RDS emits carries the id, category and text of its row in the
 * "DB instance events" table of docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html.
 * DOCUMENTED is copied from that table (description column), independently of rds-events.ts; each
 * id is then produced by the behaviour that emits it, not looked up in the simulator's own table.
 */
import { describe, expect, it } from 'vitest';
import { RDS_EVENTS } from '@main/core/sources/sim/rds/rds-events';
import { harness } from './engine-harness';
import { dbResources, shopDatabase } from './rds-resources';

type H = ReturnType<typeof harness>;

const DOCUMENTED: Record<string, { category: string; message: string }> = {
  'RDS-EVENT-0001': { category: 'backup', message: 'Backing up the DB instance.' },
  'RDS-EVENT-0002': { category: 'backup', message: 'Finished DB Instance backup.' },
  'RDS-EVENT-0004': { category: 'availability', message: 'DB instance shutdown.' },
  'RDS-EVENT-0005': { category: 'creation', message: 'DB instance created.' },
  'RDS-EVENT-0006': { category: 'availability', message: 'The DB instance restarted.' },
  'RDS-EVENT-0013': { category: 'failover', message: 'A Multi-AZ failover that resulted in the promotion of a standby instance has started.' },
  'RDS-EVENT-0020': { category: 'recovery', message: 'Recovery of the DB instance has started. Recovery time will vary with the amount of data to be recovered.' },
  'RDS-EVENT-0021': { category: 'recovery', message: 'Recovery of the DB instance is complete.' },
  'RDS-EVENT-0028': { category: 'configuration change', message: 'Automatic backups for this DB instance have been disabled.' },
  'RDS-EVENT-0032': { category: 'configuration change', message: 'Automatic backups for this DB instance have been enabled.' },
  // The table's row goes on to explain when it appears ("…when you first create a read replica…").
  'RDS-EVENT-0046': { category: 'read replica', message: 'The read replica has resumed replication.' },
  'RDS-EVENT-0049': { category: 'failover', message: 'A Multi-AZ failover has completed.' },
  'RDS-EVENT-0062': { category: 'read replica', message: 'Replication on the read replica was manually stopped.' },
  // The table's text names both instances: "Restored from DB instance `name` to `name`."
  'RDS-EVENT-0019': { category: 'restoration', message: 'Restored from DB instance shop-db to shop-db-restored.' },
};

/** The "DB snapshot events" table of the same page (source type db-snapshot). */
const DOCUMENTED_SNAPSHOT: Record<string, { category: string; message: string }> = {
  'RDS-EVENT-0040': { category: 'creation', message: 'Creating manual snapshot.' },
  'RDS-EVENT-0042': { category: 'creation', message: 'Manual snapshot created.' },
  'RDS-EVENT-0090': { category: 'creation', message: 'Creating automated snapshot.' },
  'RDS-EVENT-0091': { category: 'creation', message: 'Automated snapshot created.' },
};

/** 02:55 UTC: five minutes before the default 03:00–03:30 backup window. */
const BEFORE_WINDOW = Date.UTC(2026, 10, 21, 2, 55, 0);
const load = (h: H) => (tick: number) => h.rds.serve('shop-db', 50, 20, tick);
const settle = (h: H, id: string) => h.runUntil(() => h.rds.instance(id)!.status === 'available' && !h.rds.instance(id)!.promoting, 1800, load(h));

/** The behaviour that makes RDS emit each id; returns the events of the instance it concerns. */
const PRODUCERS: Record<string, () => ReturnType<H['eventsOf']>> = {
  backup: () => {
    const h = harness(shopDatabase({ replicas: 0, primary: { MultiAZ: false } }), { start: BEFORE_WINDOW });
    h.run(900);
    return h.eventsOf('shop-db');
  },
  reboot: () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.rds.rebootDBInstance('shop-db', false);
    settle(h, 'shop-db');
    return h.eventsOf('shop-db');
  },
  failover: () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.rds.rebootDBInstance('shop-db', true);
    settle(h, 'shop-db');
    return h.eventsOf('shop-db');
  },
  recovery: () => {
    const h = harness(shopDatabase({ replicas: 0, primary: { MultiAZ: false } }));
    h.rds.applyFault('FailDBInstance', { DBInstanceIdentifier: 'shop-db' });
    settle(h, 'shop-db');
    return h.eventsOf('shop-db');
  },
  creation: () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.rds.createReadReplica({ DBInstanceIdentifier: 'shop-db-reporting', SourceDBInstanceIdentifier: 'shop-db' });
    settle(h, 'shop-db-reporting');
    h.run(30, load(h));
    return h.eventsOf('shop-db-reporting');
  },
  promotion: () => {
    const h = harness(shopDatabase({ replicas: 1 }));
    h.run(30, load(h));
    h.rds.promoteReadReplica('shop-db-replica-1', 7);
    settle(h, 'shop-db-replica-1');
    return h.eventsOf('shop-db-replica-1');
  },
  restore: () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.run(600, load(h));
    h.rds.restoreToPointInTime({ sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'shop-db-restored', useLatestRestorableTime: true });
    settle(h, 'shop-db-restored');
    return h.eventsOf('shop-db-restored');
  },
  manualSnapshot: () => {
    const h = harness(shopDatabase({ replicas: 0 }));
    h.rds.createDBSnapshot('shop-db', 'shop-db-before-upgrade');
    settle(h, 'shop-db');
    return h.eventsOf('shop-db-before-upgrade');
  },
  automatedSnapshot: () => {
    const h = harness(shopDatabase({ replicas: 0, primary: { MultiAZ: false } }), { start: BEFORE_WINDOW });
    h.run(900);
    return h.eventsOf('rds:shop-db-2026-11-21-03-00');
  },
  promotionWithoutBackups: () => {
    const h = harness(
      dbResources({
        Db: { DBInstanceIdentifier: 'shop-db', Engine: 'mysql', EngineVersion: '8.0.40', DBInstanceClass: 'db.r6g.large', AllocatedStorage: 100 },
        Replica: { DBInstanceIdentifier: 'shop-db-replica-1', SourceDBInstanceIdentifier: 'shop-db', DBInstanceClass: 'db.r6g.large', BackupRetentionPeriod: 7 },
      }),
    );
    h.run(30, load(h));
    h.rds.promoteReadReplica('shop-db-replica-1', 0);
    settle(h, 'shop-db-replica-1');
    return h.eventsOf('shop-db-replica-1');
  },
};

const CASES: [id: string, producer: keyof typeof PRODUCERS][] = [
  ['RDS-EVENT-0001', 'backup'],
  ['RDS-EVENT-0002', 'backup'],
  ['RDS-EVENT-0004', 'reboot'],
  ['RDS-EVENT-0006', 'reboot'],
  ['RDS-EVENT-0013', 'failover'],
  ['RDS-EVENT-0049', 'failover'],
  ['RDS-EVENT-0020', 'recovery'],
  ['RDS-EVENT-0021', 'recovery'],
  ['RDS-EVENT-0005', 'creation'],
  ['RDS-EVENT-0046', 'creation'],
  ['RDS-EVENT-0062', 'promotion'],
  ['RDS-EVENT-0032', 'promotion'],
  ['RDS-EVENT-0028', 'promotionWithoutBackups'],
  ['RDS-EVENT-0019', 'restore'],
];

const SNAPSHOT_CASES: [id: string, producer: keyof typeof PRODUCERS][] = [
  ['RDS-EVENT-0040', 'manualSnapshot'],
  ['RDS-EVENT-0042', 'manualSnapshot'],
  ['RDS-EVENT-0090', 'automatedSnapshot'],
  ['RDS-EVENT-0091', 'automatedSnapshot'],
];

describe('RDS-6 events carry their documented id, category and message (USER_Events.Messages)', () => {
  it.each(CASES)('RDS-6 %s is emitted by the %s it reports, with the table’s text and category', (id, producer) => {
    const event = PRODUCERS[producer]!().find((e) => e.eventId === id);
    expect(event, `${producer} emits ${id}`).toBeDefined();
    expect(event).toMatchObject({ message: DOCUMENTED[id]!.message, eventCategories: [DOCUMENTED[id]!.category], sourceType: 'db-instance' });
  });

  it.each(SNAPSHOT_CASES)('RDSB-8 %s is emitted for the snapshot by the %s it reports (DB snapshot events table)', (id, producer) => {
    const event = PRODUCERS[producer]!().find((e) => e.eventId === id);
    expect(event, `${producer} emits ${id}`).toBeDefined();
    expect(event).toMatchObject({ message: DOCUMENTED_SNAPSHOT[id]!.message, eventCategories: [DOCUMENTED_SNAPSHOT[id]!.category], sourceType: 'db-snapshot' });
  });

  it('RDS-6 every event id the simulator can emit is a DB instance or DB snapshot event of the tables, and each is produced above', () => {
    const ids = Object.values(RDS_EVENTS).flatMap((template) => ('eventId' in template ? [template.eventId] : []));
    expect(ids.filter((id) => !(id in DOCUMENTED) && !(id in DOCUMENTED_SNAPSHOT))).toEqual([]);
    expect([...new Set(ids)].sort()).toEqual([...CASES, ...SNAPSHOT_CASES].map(([id]) => id).sort());
  });

  it('RDS-6 RDS-EVENT-0013, 0006, reason, 0049 in that order for a user-requested failover; RDS-EVENT-0028 only when backups were on', () => {
    expect(PRODUCERS.failover!().map((e) => e.eventId ?? e.message)).toEqual(['RDS-EVENT-0013', 'RDS-EVENT-0006', 'RDS-EVENT-0049', 'The user requested a failover of the DB instance.']);
    expect(PRODUCERS.promotion!().map((e) => e.eventId)).not.toContain('RDS-EVENT-0028');
    expect(PRODUCERS.promotionWithoutBackups!().map((e) => e.eventId)).not.toContain('RDS-EVENT-0032');
  });
});
