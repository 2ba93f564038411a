/**
 * CreateDBSnapshot and RestoreDBInstanceToPointInTime: one table of states fed to both action
 * backends (the simulator's over an inventory, the AWS one over aws-sdk-client-mock answering
 * DescribeDBInstances / DescribeDBSnapshots with the same state). Both must give the same summary,
 * checks and consequences — the one rule in core/rules/rds-rules.ts — and the refusal codes below.
 */
import { describe, expect, it } from 'vitest';
import { DescribeDBInstancesCommand, DescribeDBSnapshotsCommand, type DBInstance } from '@aws-sdk/client-rds';
import type { ControlAction, DbInstance, DbSnapshot, Inventory } from '@main/core/contract/model';
import { refusalOfAction } from '@main/core/rules';
import { AwsActionBackend } from '@main/core/sources/aws/actions/aws-action-backend';
import { CallGate } from '@main/core/sources/aws/throttle/call-gate';
import { manualClock } from '@main/core/sources/aws/throttle/time';
import type { SimulationEngine } from '@main/core/sources/sim/engine';
import { SimActionBackend } from '@main/core/sources/sim/sim-actions';
import { mockedClients } from '../../../helpers/aws-mocks';

const NOW = Date.UTC(2026, 5, 1, 12, 3, 0);
const EARLIEST = '2026-05-31T03:00:00.000Z';
const LATEST = '2026-06-01T12:00:00.000Z';

const db = (id: string, more: Partial<DbInstance> = {}): DbInstance => ({
  dbInstanceIdentifier: id,
  dbInstanceClass: 'db.m5.large',
  engine: 'mysql',
  dbInstanceStatus: 'available',
  multiAZ: false,
  availabilityZone: 'eu-west-1a',
  readReplicaDBInstanceIdentifiers: [],
  backupRetentionPeriod: 1,
  preferredBackupWindow: '03:00-03:30',
  endpoint: { address: `${id}.abc.eu-west-1.rds.amazonaws.com`, port: 3306 },
  latestRestorableTime: LATEST,
  earliestRestorableTime: EARLIEST,
  ...more,
});
const automated = (instance: string, time: string): DbSnapshot => ({ dbSnapshotIdentifier: `rds:${instance}-${time.slice(0, 16).replace(/[T:]/g, '-')}`, dbInstanceIdentifier: instance, snapshotType: 'automated', status: 'available', snapshotCreateTime: time });
const manual = (id: string, instance: string): DbSnapshot => ({ dbSnapshotIdentifier: id, dbInstanceIdentifier: instance, snapshotType: 'manual', status: 'available', snapshotCreateTime: LATEST });

const orders = db('orders');
const ordersSnapshots = [automated('orders', EARLIEST), automated('orders', '2026-06-01T03:00:00.000Z')];

interface Row {
  name: string;
  dbs: DbInstance[];
  snapshots: DbSnapshot[];
  action: ControlAction;
  verdicts: [string, 'pass' | 'warn' | 'fail'][];
  consequences?: string[];
  refusal?: string;
}

const snap = (dbSnapshotIdentifier: string, dbInstanceIdentifier = 'orders'): ControlAction => ({ type: 'CreateDBSnapshot', dbInstanceIdentifier, dbSnapshotIdentifier });
const restore = (more: Partial<Extract<ControlAction, { type: 'RestoreDBInstanceToPointInTime' }>>): ControlAction => ({
  type: 'RestoreDBInstanceToPointInTime',
  sourceDBInstanceIdentifier: 'orders',
  targetDBInstanceIdentifier: 'orders-restored',
  ...more,
});

const ROWS: Row[] = [
  {
    name: 'RDSB-4 a snapshot of an available Single-AZ instance: backing-up, brief I/O suspension, kept until deleted',
    dbs: [orders],
    snapshots: ordersSnapshots,
    action: snap('orders-before-upgrade'),
    verdicts: [['status-available.ok', 'pass'], ['snapshot-id.valid', 'pass']],
    consequences: ['snapshot.instance-backing-up', 'snapshot.io-suspended', 'snapshot.kept-until-deleted'],
  },
  { name: 'RDSB-4 no I/O suspension on Multi-AZ', dbs: [db('orders', { multiAZ: true })], snapshots: [], action: snap('s1'), verdicts: [['status-available.ok', 'pass'], ['snapshot-id.valid', 'pass']], consequences: ['snapshot.instance-backing-up', 'snapshot.kept-until-deleted'] },
  { name: 'RDSB-4 a snapshot name already taken', dbs: [orders], snapshots: [manual('taken', 'other')], action: snap('taken'), verdicts: [['status-available.ok', 'pass'], ['snapshot-id.taken', 'fail']], refusal: 'snapshot-exists' },
  { name: 'RDSB-4 a malformed snapshot name', dbs: [orders], snapshots: [], action: snap('ends-with-'), verdicts: [['status-available.ok', 'pass'], ['snapshot-id.invalid', 'fail']], refusal: 'invalid-identifier' },
  { name: 'RDSB-4 not while backing-up', dbs: [db('orders', { dbInstanceStatus: 'backing-up' })], snapshots: [], action: snap('s1'), verdicts: [['status-available.not', 'fail'], ['snapshot-id.valid', 'pass']], refusal: 'not-available' },
  { name: 'RDSB-4 a missing instance', dbs: [], snapshots: [], action: snap('s1', 'ghost'), verdicts: [['db-exists.missing', 'fail']], refusal: 'db-not-found' },
  {
    name: 'RDSB-5 restore to the latest restorable time',
    dbs: [orders],
    snapshots: ordersSnapshots,
    action: restore({ useLatestRestorableTime: true }),
    verdicts: [['backups-enabled.on', 'pass'], ['restore-time.latest', 'pass'], ['target-id.valid', 'pass']],
    consequences: ['restore.new-instance', 'restore.creating', 'restore.single-az', 'restore.new-endpoint', 'restore.source-untouched'],
  },
  {
    name: 'RDSB-5 restore to a time inside the window, Multi-AZ',
    dbs: [orders],
    snapshots: ordersSnapshots,
    action: restore({ restoreTime: '2026-05-31T18:30:00.000Z', multiAZ: true }),
    verdicts: [['backups-enabled.on', 'pass'], ['restore-time.inside', 'pass'], ['target-id.valid', 'pass']],
    consequences: ['restore.new-instance', 'restore.creating', 'restore.multi-az', 'restore.new-endpoint', 'restore.source-untouched'],
  },
  { name: 'RDSB-6 before the earliest restorable time', dbs: [orders], snapshots: ordersSnapshots, action: restore({ restoreTime: '2026-05-30T00:00:00.000Z' }), verdicts: [['backups-enabled.on', 'pass'], ['restore-time.outside', 'fail'], ['target-id.valid', 'pass']], refusal: 'restore-time-outside' },
  { name: 'RDSB-6 after the latest restorable time', dbs: [orders], snapshots: ordersSnapshots, action: restore({ restoreTime: '2026-06-01T12:02:00.000Z' }), verdicts: [['backups-enabled.on', 'pass'], ['restore-time.outside', 'fail'], ['target-id.valid', 'pass']], refusal: 'restore-time-outside' },
  { name: 'RDSB-6 both a time and the latest', dbs: [orders], snapshots: ordersSnapshots, action: restore({ restoreTime: LATEST, useLatestRestorableTime: true }), verdicts: [['backups-enabled.on', 'pass'], ['restore-time.both', 'fail'], ['target-id.valid', 'pass']], refusal: 'restore-time-both' },
  { name: 'RDSB-6 neither a time nor the latest', dbs: [orders], snapshots: ordersSnapshots, action: restore({}), verdicts: [['backups-enabled.on', 'pass'], ['restore-time.missing', 'fail'], ['target-id.valid', 'pass']], refusal: 'restore-time-missing' },
  {
    name: 'RDSB-6 backups off',
    dbs: [db('orders', { backupRetentionPeriod: 0, latestRestorableTime: undefined, earliestRestorableTime: undefined })],
    snapshots: [],
    action: restore({ useLatestRestorableTime: true }),
    verdicts: [['backups-enabled.off', 'fail'], ['target-id.valid', 'pass']],
    refusal: 'backups-disabled',
  },
  { name: 'RDSB-6 the new name is taken', dbs: [orders, db('orders-restored')], snapshots: ordersSnapshots, action: restore({ useLatestRestorableTime: true }), verdicts: [['backups-enabled.on', 'pass'], ['restore-time.latest', 'pass'], ['target-id.taken', 'fail']], refusal: 'db-already-exists' },
  { name: 'RDSB-6 a malformed new name', dbs: [orders], snapshots: ordersSnapshots, action: restore({ targetDBInstanceIdentifier: 'orders--copy', useLatestRestorableTime: true }), verdicts: [['backups-enabled.on', 'pass'], ['restore-time.latest', 'pass'], ['target-id.invalid', 'fail']], refusal: 'invalid-identifier' },
];

function simBackend(row: Row): SimActionBackend {
  const inventory = { dbInstances: row.dbs, dbSnapshots: row.snapshots, autoScalingGroups: [] } as unknown as Inventory;
  const engine = { now: NOW, inventory: () => inventory } as unknown as SimulationEngine;
  return new SimActionBackend(() => engine, { now: () => NOW, every: () => () => undefined });
}

function sdkDb(d: DbInstance): DBInstance {
  return {
    DBInstanceIdentifier: d.dbInstanceIdentifier,
    DBInstanceClass: d.dbInstanceClass,
    Engine: d.engine,
    DBInstanceStatus: d.dbInstanceStatus,
    MultiAZ: d.multiAZ,
    AvailabilityZone: d.availabilityZone,
    ReadReplicaDBInstanceIdentifiers: d.readReplicaDBInstanceIdentifiers,
    BackupRetentionPeriod: d.backupRetentionPeriod,
    PreferredBackupWindow: d.preferredBackupWindow,
    Endpoint: d.endpoint ? { Address: d.endpoint.address, Port: d.endpoint.port } : undefined,
    LatestRestorableTime: d.latestRestorableTime ? new Date(d.latestRestorableTime) : undefined,
  };
}

function awsBackend(row: Row): AwsActionBackend {
  const clock = manualClock(NOW);
  const { clients, stubs } = mockedClients({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), endpoints: {}, gate: new CallGate({ clock }) });
  const byId = new Map(row.dbs.map((d) => [d.dbInstanceIdentifier, d]));
  stubs.rds.on(DescribeDBInstancesCommand).callsFake((input: { DBInstanceIdentifier?: string }) => {
    const found = byId.get(input.DBInstanceIdentifier ?? '');
    if (!found) throw Object.assign(new Error(`DBInstance ${input.DBInstanceIdentifier} not found.`), { name: 'DBInstanceNotFoundFault', $metadata: { httpStatusCode: 404 } });
    return { DBInstances: [sdkDb(found)] };
  });
  stubs.rds.on(DescribeDBSnapshotsCommand).callsFake((input: { DBInstanceIdentifier?: string; DBSnapshotIdentifier?: string }) => {
    const matching = row.snapshots.filter((s) => (input.DBSnapshotIdentifier ? s.dbSnapshotIdentifier === input.DBSnapshotIdentifier : s.dbInstanceIdentifier === input.DBInstanceIdentifier));
    if (input.DBSnapshotIdentifier && matching.length === 0) throw Object.assign(new Error(`DBSnapshot ${input.DBSnapshotIdentifier} not found.`), { name: 'DBSnapshotNotFoundFault', $metadata: { httpStatusCode: 404 } });
    return {
      DBSnapshots: matching.map((s) => ({ DBSnapshotIdentifier: s.dbSnapshotIdentifier, DBInstanceIdentifier: s.dbInstanceIdentifier, SnapshotType: s.snapshotType, Status: s.status, SnapshotCreateTime: s.snapshotCreateTime ? new Date(s.snapshotCreateTime) : undefined })),
    };
  });
  return new AwsActionBackend(clients, clock, { latestPoint: () => undefined });
}

describe('RDSB-4 RDSB-5 RDSB-6: the simulator and the AWS backend give the same verdicts for snapshots and restores (core/rules/rds-rules.ts; API_CreateDBSnapshot, API_RestoreDBInstanceToPointInTime)', () => {
  it.each(ROWS)('$name', async (row) => {
    const sim = await simBackend(row).preflight(row.action);
    const aws = await awsBackend(row).preflight(row.action);
    expect(sim.checks.map((c) => [c.code, c.status])).toEqual(row.verdicts);
    if (row.consequences) expect(sim.consequences.map((c) => c.code)).toEqual(row.consequences);
    expect(aws).toEqual(sim);
    const state = await awsBackend(row).state(row.action);
    expect(refusalOfAction(state, row.action)?.code).toBe(row.refusal);
    expect(refusalOfAction(simBackend(row).state(row.action), row.action)?.code).toBe(row.refusal);
  });
});
