// @vitest-environment happy-dom
/**
 * The backup panel of the RDS view (RDSB-2…6 in the window): retention, window and restorable
 * times, the snapshots table, `backing-up` as it happens, and the two dialogs — the new names
 * checked as RDS checks them, the restore time bounded to the restorable window — each leading to
 * the two-step confirmation with the typed action the core runs.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DbInstance, DbSnapshot, PreparedAction } from '@contract';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import RdsView from '@/views/rds/RdsView.vue';
import { defaultRestoreName, defaultSnapshotName, fromLocalInput, insideRestorableWindow, snapshotsOf, toLocalInput } from '@/views/rds/rds-backup';
import { START, clock, fullInventory, simSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { installFakeCore, type FakeCore } from '../../support/fake-api';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

const EARLIEST = new Date(START - 86_400_000).toISOString();
const LATEST = new Date(START + 5 * 60_000).toISOString();
const snapshot = (id: string, more: Partial<DbSnapshot> = {}): DbSnapshot => ({ dbSnapshotIdentifier: id, dbInstanceIdentifier: 'shop-db', snapshotType: 'automated', status: 'available', snapshotCreateTime: EARLIEST, percentProgress: 100, ...more });

function withBackups(primary: Partial<DbInstance> = {}, snapshots: DbSnapshot[] = [snapshot('rds:shop-db-2023-12-31-00-00')]) {
  const inventory = fullInventory();
  const [db, replica] = inventory.dbInstances;
  return { ...inventory, dbInstances: [{ ...db!, preferredBackupWindow: '03:00-03:30', earliestRestorableTime: EARLIEST, latestRestorableTime: LATEST, ...primary }, replica!], dbSnapshots: snapshots };
}

let core: FakeCore;
const dialog = () => document.body.querySelector('[data-testid="dialog"]')!;
const input = async (testid: string, value: string) => {
  const element = dialog().querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)!;
  element.value = value;
  element.dispatchEvent(new Event('input'));
  await flushPromises();
};

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
  core = installFakeCore();
  useSessionStore().setSession(simSession);
  useSessionStore().setClock(clock(10));
  useInventoryStore().replace(withBackups());
});

describe('RDSB the backup panel', () => {
  it('RDSB-2 RDSB-3 shows retention, window, restorable times and the snapshots, newest first; backing-up when it is', async () => {
    const wrapper = mountWithApp(RdsView, { attachTo: document.body });
    const panel = wrapper.get('[data-testid="db-backups"]');
    expect(panel.get('[data-testid="backup-retention"]').text()).toBe('7 day(s)');
    expect(panel.get('[data-testid="backup-window"]').text()).toBe('03:00-03:30');
    expect(panel.get('[data-testid="latest-restorable"]').text()).toBe('2024-01-01 00:05:00');
    expect(panel.get('[data-testid="earliest-restorable"]').text()).toBe('2023-12-31 00:00:00');
    expect(panel.find('[data-testid="db-backing-up"]').exists()).toBe(false);
    useInventoryStore().replace(withBackups({ dbInstanceStatus: 'backing-up' }, [snapshot('rds:shop-db-2023-12-31-00-00'), snapshot('manual-1', { snapshotType: 'manual', status: 'creating', percentProgress: 40, snapshotCreateTime: LATEST })]));
    await flushPromises();
    expect(wrapper.find('[data-testid="db-backing-up"]').exists()).toBe(true);
    expect(wrapper.findAll('[data-testid="db-snapshot"]').map((r) => [r.attributes('data-identifier'), r.attributes('data-status')])).toEqual([
      ['manual-1', 'creating'],
      ['rds:shop-db-2023-12-31-00-00', 'available'],
    ]);
    // Not available: no snapshot can be taken now.
    expect(wrapper.get('[data-testid="db-take-snapshot"]').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });

  it('RDSB-4 Take snapshot: the name is checked as RDS checks it, then CreateDBSnapshot is prepared', async () => {
    core.answer('action.prepare', (): PreparedAction => ({
      nonce: 'n-1',
      action: { type: 'CreateDBSnapshot', dbInstanceIdentifier: 'shop-db', dbSnapshotIdentifier: 'before-upgrade' },
      summary: { code: 'create-snapshot', params: { id: 'shop-db', snapshot: 'before-upgrade' } },
      checks: [{ code: 'snapshot-id.valid', status: 'pass', params: { snapshot: 'before-upgrade' } }],
      consequences: [{ code: 'snapshot.io-suspended', params: { id: 'shop-db' } }],
      allowed: true,
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    }));
    const wrapper = mountWithApp(RdsView, { attachTo: document.body });
    await wrapper.get('[data-testid="db-take-snapshot"]').trigger('click');
    await flushPromises();
    expect(dialog().querySelector<HTMLInputElement>('[data-testid="snapshot-name"]')!.value).toBe('shop-db-20240101-0010');
    const review = () => dialog().querySelector<HTMLButtonElement>('[data-testid="snapshot-review"]')!;
    for (const bad of ['1st', 'a--b', 'ends-']) {
      await input('snapshot-name', bad);
      expect(review().disabled).toBe(true);
    }
    await input('snapshot-name', 'before-upgrade');
    review().click();
    await flushPromises();
    expect(core.requests.at(-1)).toEqual({ channel: 'action.prepare', payload: { action: { type: 'CreateDBSnapshot', dbInstanceIdentifier: 'shop-db', dbSnapshotIdentifier: 'before-upgrade' } } });
    expect(dialog().querySelector('[data-testid="action-summary"]')!.textContent).toContain('Take snapshot before-upgrade of shop-db');
    expect(dialog().querySelector('[data-testid="action-consequences"]')!.textContent).toContain('I/O is suspended briefly');
    wrapper.unmount();
  });

  it('RDSB-5 RDSB-6 Restore: the time is bounded to the restorable window, the new name checked, then the typed action; the new instance is followed to available', async () => {
    core.answer('action.prepare', (): PreparedAction => ({
      nonce: 'n-2',
      action: { type: 'RestoreDBInstanceToPointInTime', sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'shop-db-copy', restoreTime: '2024-01-01T00:02:30.000Z' },
      summary: { code: 'restore-pitr', params: { source: 'shop-db', target: 'shop-db-copy', time: '2024-01-01T00:02:30.000Z' } },
      checks: [{ code: 'restore-time.inside', status: 'pass', params: { time: '2024-01-01T00:02:30.000Z', earliest: EARLIEST, latest: LATEST } }],
      consequences: [{ code: 'restore.new-instance', params: { source: 'shop-db', target: 'shop-db-copy', time: '2024-01-01T00:02:30.000Z' } }],
      allowed: true,
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    }));
    core.answer('action.execute', () => ({ action: { type: 'RestoreDBInstanceToPointInTime', sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'shop-db-copy' }, accepted: true, message: 'Restoring', auditId: 'a-2' }));
    const wrapper = mountWithApp(RdsView, { attachTo: document.body });
    await wrapper.get('[data-testid="db-restore"]').trigger('click');
    await flushPromises();
    const time = dialog().querySelector<HTMLInputElement>('[data-testid="restore-time"]')!;
    expect([time.min, time.max]).toEqual(['2023-12-31T00:00:00', '2024-01-01T00:05:00']);
    expect(dialog().querySelector<HTMLInputElement>('[data-testid="restore-target"]')!.value).toBe('shop-db-restored');
    const review = () => dialog().querySelector<HTMLButtonElement>('[data-testid="restore-review"]')!;
    expect(review().disabled).toBe(false);
    dialog().querySelector<HTMLInputElement>('[data-testid="restore-custom"]')!.click();
    await flushPromises();
    await input('restore-time', '2024-01-01T00:06:00');
    expect(review().disabled).toBe(true);
    expect(dialog().querySelector('[data-testid="restore-range"]')!.textContent).toContain('Choose a time between 2023-12-31 00:00:00 and 2024-01-01 00:05:00');
    await input('restore-time', '2024-01-01T00:02:30');
    expect(review().disabled).toBe(false);
    for (const bad of ['shop-db-replica-1', '9lives', 'x'.repeat(64), 'a-']) {
      await input('restore-target', bad);
      expect(review().disabled).toBe(true);
    }
    await input('restore-target', 'shop-db-copy');
    review().click();
    await flushPromises();
    expect(core.requests.at(-1)).toEqual({
      channel: 'action.prepare',
      payload: { action: { type: 'RestoreDBInstanceToPointInTime', sourceDBInstanceIdentifier: 'shop-db', targetDBInstanceIdentifier: 'shop-db-copy', restoreTime: '2024-01-01T00:02:30.000Z' } },
    });
    // Instants in the codes' parameters read as the window's UTC times.
    expect(dialog().querySelector('[data-testid="action-summary"]')!.textContent).toBe('Restore shop-db to 2024-01-01 00:02:30 UTC as new DB instance shop-db-copy');
    dialog().querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
    await flushPromises();
    const base = withBackups();
    const copy: DbInstance = { ...base.dbInstances[0]!, dbInstanceIdentifier: 'shop-db-copy', multiAZ: false, readReplicaDBInstanceIdentifiers: [], dbInstanceStatus: 'creating', endpoint: undefined };
    useInventoryStore().replace({ ...base, dbInstances: [...base.dbInstances, copy] });
    await flushPromises();
    useInventoryStore().replace({ ...base, dbInstances: [...base.dbInstances, { ...copy, dbInstanceStatus: 'available', endpoint: { address: 'shop-db-copy.x.rds.amazonaws.com', port: 3306 } }] });
    await flushPromises();
    // The inventory changing under the dialog does not prepare the action again.
    expect(core.requests.map((r) => r.channel)).toEqual(['action.prepare', 'action.execute']);
    expect([...dialog().querySelectorAll('[data-testid="restore-status"]')].map((s) => s.getAttribute('data-status'))).toEqual(['creating', 'available']);
    expect(dialog().querySelector('[data-testid="restore-done"]')!.textContent).toContain('shop-db-copy.x.rds.amazonaws.com');
    wrapper.unmount();
  });

  it('RDSB-6 no restore without automated backups', () => {
    useInventoryStore().replace(withBackups({ backupRetentionPeriod: 0, latestRestorableTime: undefined, earliestRestorableTime: undefined }, []));
    const wrapper = mountWithApp(RdsView, { attachTo: document.body });
    expect(wrapper.get('[data-testid="db-restore"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="backup-enabled"]').text()).toContain('Disabled');
    wrapper.unmount();
  });
});

describe('rds-backup helpers', () => {
  it('read datetime-local values as UTC, bound them, name things validly', () => {
    expect(toLocalInput('2026-06-01T12:00:05.000Z')).toBe('2026-06-01T12:00:05');
    expect(fromLocalInput('2026-06-01T12:00')).toBe('2026-06-01T12:00:00.000Z');
    expect(fromLocalInput('tomorrow')).toBeUndefined();
    const db = { latestRestorableTime: LATEST, earliestRestorableTime: EARLIEST } as DbInstance;
    expect(insideRestorableWindow(db, EARLIEST)).toBe(true);
    expect(insideRestorableWindow(db, new Date(Date.parse(EARLIEST) - 1000).toISOString())).toBe(false);
    expect(defaultSnapshotName('a'.repeat(255), START)).toHaveLength(255);
    expect(defaultRestoreName('b'.repeat(63))).toHaveLength(63);
    expect(snapshotsOf([snapshot('x', { dbInstanceIdentifier: 'other' })], 'shop-db')).toEqual([]);
  });
});
