// @vitest-environment happy-dom
/**
 * The action dialogs with a form first (ActionFormDialog): Cancel closes, Review waits for a valid
 * form, and Review — a click, or submitting the form where the dialog has one — leads to the
 * two-step confirmation of the action the form built.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ControlAction, PreparedAction } from '@contract';
import { useSessionStore } from '@/stores/session';
import SetDesiredCapacityDialog from '@/views/auto-scaling/SetDesiredCapacityDialog.vue';
import RdsRebootDialog from '@/views/rds/RdsRebootDialog.vue';
import { clock, fullInventory, simSession } from '../support/fixtures';
import { mountWithApp } from '../support/mount';
import { installFakeCore, type FakeCore } from '../support/fake-api';

let core: FakeCore;
const dialog = () => document.body.querySelector('[data-testid="dialog"]')!;
const button = (testid: string) => dialog().querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)!;
const prepared = () => core.requests.filter((r) => r.channel === 'action.prepare').map((r) => (r.payload as { action: ControlAction }).action);

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
  core = installFakeCore();
  core.answer('action.prepare', ({ action }: { action: ControlAction }): PreparedAction => ({
    nonce: 'n-1',
    action,
    summary: { code: 'reboot', params: { id: 'x' } },
    checks: [],
    consequences: [],
    allowed: true,
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
  }));
  useSessionStore().setSession(simSession);
  useSessionStore().setClock(clock(10));
});

describe('an action dialog with a form first', () => {
  it('SetDesiredCapacity: Review waits for a size within min..max; submitting the form reviews the chosen size', async () => {
    const group = fullInventory().autoScalingGroups[0]!;
    const wrapper = mountWithApp(SetDesiredCapacityDialog, { props: { group }, attachTo: document.body });
    const input = dialog().querySelector<HTMLInputElement>('[data-testid="set-desired-input"]')!;
    input.value = String(group.maxSize + 1);
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(button('set-desired-review').disabled).toBe(true);
    dialog().querySelector('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(prepared()).toEqual([]);
    input.value = String(group.minSize + 1);
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(button('set-desired-review').disabled).toBe(false);
    button('set-desired-review').click();
    await flushPromises();
    expect(prepared()).toEqual([{ type: 'SetDesiredCapacity', autoScalingGroupName: group.autoScalingGroupName, desiredCapacity: group.minSize + 1 }]);
    expect(document.body.querySelector('[data-testid="set-desired-input"]')).toBeNull();
    wrapper.unmount();
  });

  it('RebootDBInstance: Cancel closes without preparing; Review prepares the reboot as chosen', async () => {
    const db = fullInventory().dbInstances[0]!;
    const wrapper = mountWithApp(RdsRebootDialog, { props: { db }, attachTo: document.body });
    dialog().querySelector<HTMLButtonElement>('.dialog__footer .button:not(.button--primary), footer .button:not(.button--primary)')!.click();
    await flushPromises();
    expect(wrapper.emitted('close')).toHaveLength(1);
    expect(prepared()).toEqual([]);
    const failover = dialog().querySelector<HTMLInputElement>('[data-testid="reboot-failover"]')!;
    failover.click();
    await flushPromises();
    button('reboot-review').click();
    await flushPromises();
    expect(prepared()).toEqual([{ type: 'RebootDBInstance', dbInstanceIdentifier: db.dbInstanceIdentifier, forceFailover: true }]);
    wrapper.unmount();
  });
});
