// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreparedAction } from '@contract';
import { useEventsStore } from '@/stores/events';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import RdsView from '@/views/rds/RdsView.vue';
import { START, clock, fullInventory, simSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { installFakeCore, type FakeCore } from '../../support/fake-api';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

function prepared(typedConfirmation?: string): PreparedAction {
  return {
    nonce: 'n-1',
    action: { type: 'PromoteReadReplica', dbInstanceIdentifier: 'shop-db-replica-1' },
    summary: { code: 'promote', params: { id: 'shop-db-replica-1' } },
    checks: [
      { code: 'is-replica.yes', status: 'pass', params: { id: 'shop-db-replica-1', source: 'shop-db' } },
      { code: 'replica-lag.behind', status: 'warn', params: { source: 'shop-db', seconds: 2 } },
    ],
    consequences: [
      { code: 'promote.stops-replicating', params: { id: 'shop-db-replica-1', source: 'shop-db' } },
      { code: 'promote.reboots', params: { id: 'shop-db-replica-1' } },
    ],
    allowed: true,
    ...(typedConfirmation ? { typedConfirmation } : {}),
    expiresAt: new Date(START + 15 * 60_000).toISOString(),
  };
}

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
  useSessionStore().setSession(simSession);
  useSessionStore().setClock(clock(10));
  useInventoryStore().replace(fullInventory());
});

describe('RdsView', () => {
  it('shows the primary with its Multi-AZ standby and the replica with its live lag', () => {
    const wrapper = mountWithApp(RdsView);
    const primary = wrapper.get('[data-testid="db-instance"][data-role="primary"]');
    expect(primary.attributes('data-identifier')).toBe('shop-db');
    expect(primary.get('[data-testid="db-standby"]').text()).toContain('us-east-1b');
    const replica = wrapper.get('[data-testid="db-instance"][data-role="replica"]');
    expect(replica.get('[data-testid="replica-lag"]').attributes('data-lag')).toBe('2');
  });

  it('promotes a replica: checks and consequences, typed identifier, then progress until standalone', async () => {
    core.answer('action.prepare', () => prepared('shop-db-replica-1'));
    core.answer('action.execute', () => ({ action: prepared().action, accepted: true, message: 'Promotion started', auditId: 'a-1' }));
    const wrapper = mountWithApp(RdsView, { attachTo: document.body });
    await wrapper.get('[data-testid="db-promote"]').trigger('click');
    await flushPromises();
    const dialog = () => document.body.querySelector('[data-testid="dialog"]')!;
    expect(core.requests[0]).toEqual({ channel: 'action.prepare', payload: { action: { type: 'PromoteReadReplica', dbInstanceIdentifier: 'shop-db-replica-1' } } });
    expect([...dialog().querySelectorAll('[data-testid="action-check"]')].map((c) => c.getAttribute('data-status'))).toEqual(['pass', 'warn']);
    expect(dialog().querySelector('[data-testid="action-consequences"]')!.textContent).toContain('shop-db-replica-1 stops replicating from shop-db');
    const execute = dialog().querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!;
    expect(execute.disabled).toBe(true);

    const typed = dialog().querySelector<HTMLInputElement>('[data-testid="action-typed-confirmation"]')!;
    typed.value = 'shop-db-replica-1';
    typed.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(execute.disabled).toBe(false);
    execute.click();
    await flushPromises();
    expect(core.requests[1]).toEqual({ channel: 'action.execute', payload: { nonce: 'n-1', confirmation: 'shop-db-replica-1' } });

    // RDS reports the promotion: modifying, then available without a source.
    const inventory = fullInventory();
    const [primary, replica] = inventory.dbInstances;
    useSessionStore().setClock(clock(11));
    useInventoryStore().replace({ ...inventory, dbInstances: [primary!, { ...replica!, dbInstanceStatus: 'modifying' }] });
    await flushPromises();
    useEventsStore().append({ alarmHistory: [], timeline: [], rdsEvents: [{ sourceIdentifier: 'shop-db-replica-1', sourceType: 'db-instance', date: new Date(START + 11 * 60_000).toISOString(), message: 'Promoted read replica to a standalone database instance', eventCategories: ['read replica'], eventId: 'RDS-EVENT-0045' }] });
    useSessionStore().setClock(clock(13));
    useInventoryStore().replace({ ...inventory, dbInstances: [{ ...primary!, readReplicaDBInstanceIdentifiers: [] }, { ...replica!, readReplicaSourceDBInstanceIdentifier: undefined }] });
    await flushPromises();
    expect([...dialog().querySelectorAll('[data-testid="promote-status"]')].map((s) => s.getAttribute('data-status'))).toEqual(['available', 'modifying', 'available']);
    expect(dialog().querySelector('[data-testid="promote-event"]')!.textContent).toContain('RDS-EVENT-0045');
    expect(dialog().querySelector('[data-testid="promote-done"]')).not.toBeNull();
    wrapper.unmount();
  });

  it('opens Reboot without failover ticked, as the AWS console does, even on a Multi-AZ primary', async () => {
    const wrapper = mountWithApp(RdsView, { attachTo: document.body });
    await wrapper.get('[data-testid="db-instance"][data-role="primary"] [data-testid="db-reboot"]').trigger('click');
    await flushPromises();
    const box = document.body.querySelector<HTMLInputElement>('[data-testid="reboot-failover"]')!;
    expect(box.disabled).toBe(false);
    expect(box.checked).toBe(false);
    wrapper.unmount();
  });

  it('shows progress in simulated time in simulation (one clock per dialog) and the validity as a countdown', async () => {
    const wallNow = Date.now();
    core.answer('action.prepare', () => ({ ...prepared(), expiresAt: new Date(wallNow + 5 * 60_000).toISOString() }));
    core.answer('action.execute', () => ({ action: prepared().action, accepted: true, message: 'Promotion started', auditId: 'a-1' }));
    const wrapper = mountWithApp(RdsView, { attachTo: document.body });
    await wrapper.get('[data-testid="db-promote"]').trigger('click');
    await flushPromises();
    const dialog = () => document.body.querySelector('[data-testid="dialog"]')!;
    expect(dialog().textContent).toMatch(/valid for [45]:\d\d more/);
    expect(dialog().textContent).not.toContain(new Date(wallNow).toISOString().slice(0, 10));
    dialog().querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
    await flushPromises();
    core.emit('action.progress', {
      auditId: 'a-1',
      action: prepared().action,
      phase: 'progress',
      status: 'modifying',
      message: 'shop-db-replica-1 is modifying',
      time: new Date(wallNow).toISOString(),
      simulatedTime: new Date(START + 11 * 60_000).toISOString(),
    });
    await flushPromises();
    const line = dialog().querySelector('[data-testid="action-progress"] li')!;
    expect(line.textContent).toContain('2024-01-01 00:11:00');
    expect(dialog().textContent).toContain('simulated time');
    wrapper.unmount();
  });
});
