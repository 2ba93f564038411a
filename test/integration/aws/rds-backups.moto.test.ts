/**
 * RDSB-9: AWS mode against moto_server (5.2.1 implements create_db_snapshot, describe_db_snapshots and
 * restore_db_instance_to_point_in_time): the rds dataset lists the snapshots (automated and manual)
 * and each instance's backup settings; CreateDBSnapshot and RestoreDBInstanceToPointInTime go through
 * the same two-step protocol as the other actions — prepared with the shared rules, confirmed by
 * typing the identifier, audited write-ahead, then followed until the snapshot or instance settles.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FlightdeckCore } from '@main/core/core-host';
import { createSessionManager, AUDIT_LOG_FILE } from '@main/core/session/create-session-manager';
import type { AwsSource } from '@main/core/sources/aws/aws-source';
import type { Clock } from '@main/core/sources/aws/throttle/time';
import type { ActionOutcome, DbInstance, DbSnapshot, PreparedAction } from '@main/core/contract';
import { shopCore } from '../../helpers/core';
import { createTopology } from '../../helpers/aws-topology';
import { startMoto, writeMotoProfiles, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';

const moto = motoSuite('rds-backups.moto.test.ts');

describe.runIf(moto.available)('RDSB-9 RDS backups in AWS mode against moto_server', () => {
  let server: MotoServer;
  let profiles: ReturnType<typeof writeMotoProfiles>;

  beforeAll(async () => {
    server = await startMoto();
    profiles = writeMotoProfiles(server.endpoint);
  }, 180_000);
  afterAll(async () => server?.stop(), 120_000);
  beforeEach(async () => {
    await server.reset();
    await createTopology({ endpoint: server.directEndpoint });
  }, 120_000);

  function awsCore() {
    const configDirectory = mkdtempSync(join(tmpdir(), 'flightdeck-config-'));
    const { source } = shopCore();
    let offset = 0;
    const clock: Clock = {
      now: () => Date.now() + offset,
      sleep: async (ms, signal) => {
        if (ms >= 10_000) return new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
        offset += ms;
      },
    };
    const sessions = createSessionManager({ initial: source, configDirectory, env: profiles.env, aws: { clock, follow: { intervalMs: 1000, timeoutMs: 5000 } } });
    return { core: new FlightdeckCore(sessions), sessions, configDirectory };
  }

  const inventoryOf = async (core: FlightdeckCore) => {
    const snapshot = (await core.handle('snapshot.get', {})) as { ok: true; value: { inventory: { dbInstances: DbInstance[]; dbSnapshots: DbSnapshot[] } } };
    return snapshot.value.inventory;
  };

  it('RDSB-9 lists the backup settings and snapshots, takes a snapshot and restores to a point in time through prepare → typed confirmation → execute, audited', async () => {
    const { core, sessions, configDirectory } = awsCore();
    await core.handle('session.switch', { mode: 'aws', profile: 'moto' });
    await (sessions.active as AwsSource).ready;

    const before = await inventoryOf(core);
    const orders = before.dbInstances.find((d) => d.dbInstanceIdentifier === 'orders')!;
    expect(orders.backupRetentionPeriod).toBe(7);
    expect(orders.preferredBackupWindow).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}$/);
    expect(Array.isArray(before.dbSnapshots)).toBe(true);

    // CreateDBSnapshot.
    const snapshotAction = { type: 'CreateDBSnapshot', dbInstanceIdentifier: 'orders', dbSnapshotIdentifier: 'orders-before-upgrade' } as const;
    const prepared = (await core.handle('action.prepare', { action: snapshotAction })) as { ok: true; value: PreparedAction };
    expect(prepared.value.allowed).toBe(true);
    expect(prepared.value.typedConfirmation).toBe('orders');
    expect(prepared.value.checks.map((c) => [c.code, c.status])).toEqual([
      ['status-available.ok', 'pass'],
      ['snapshot-id.valid', 'pass'],
    ]);
    const taken = (await core.handle('action.execute', { nonce: prepared.value.nonce, confirmation: 'orders' })) as { ok: true; value: ActionOutcome };
    expect(taken.value.accepted).toBe(true);
    await sessions.actions!.settled();
    expect(server.count('CreateDBSnapshot')).toBe(1);
    const listed = (await inventoryOf(core)).dbSnapshots.find((s) => s.dbSnapshotIdentifier === 'orders-before-upgrade');
    expect(listed).toMatchObject({ dbInstanceIdentifier: 'orders', snapshotType: 'manual', status: 'available' });

    // The same name again is refused at pre-flight, with the shared rules' code.
    const again = (await core.handle('action.prepare', { action: snapshotAction })) as { ok: true; value: PreparedAction };
    expect(again.value.allowed).toBe(false);
    expect(again.value.checks.find((c) => c.code === 'snapshot-id.taken')).toBeDefined();

    // RestoreDBInstanceToPointInTime to the latest restorable time: a new instance.
    const restoreAction = { type: 'RestoreDBInstanceToPointInTime', sourceDBInstanceIdentifier: 'orders', targetDBInstanceIdentifier: 'orders-restored', useLatestRestorableTime: true } as const;
    const plan = (await core.handle('action.prepare', { action: restoreAction })) as { ok: true; value: PreparedAction };
    expect(plan.value.typedConfirmation).toBe('orders-restored');
    expect(plan.value.checks.map((c) => c.code)).toEqual(['backups-enabled.on', 'restore-time.latest', 'target-id.valid']);
    const restored = (await core.handle('action.execute', { nonce: plan.value.nonce, confirmation: 'orders-restored' })) as { ok: true; value: ActionOutcome };
    expect(restored.value).toMatchObject({ accepted: true });
    await sessions.actions!.settled();
    expect(server.count('RestoreDBInstanceToPointInTime')).toBe(1);
    const after = await inventoryOf(core);
    const copy = after.dbInstances.find((d) => d.dbInstanceIdentifier === 'orders-restored');
    expect(copy).toBeDefined();
    // (moto 5.2.1 reports the restore's source as ReadReplicaSourceDBInstanceIdentifier; AWS does not:
    // that the restored instance is standalone is covered in the simulator, RDSB-5.)
    expect(copy!.endpoint?.address).not.toBe(orders.endpoint?.address);

    const audit = readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const actions = audit.filter((r) => r.kind === 'action');
    expect(actions.filter((r) => r.result === 'intent').map((r) => [r.action, r.target])).toEqual([
      ['CreateDBSnapshot', 'orders'],
      ['RestoreDBInstanceToPointInTime', 'orders-restored'],
    ]);
    core.stop();
  });
});
