// @vitest-environment happy-dom
/**
 * The list and the open group's detail are shown at the display rate (composables/use-display-rate);
 * the detail is read from the list as shown, so a row and its detail never disagree (issue 15). Found
 * using the product: at ×600 the list said 23 of 23 while the open group said 29 of 29.
 * Its own file: the view's other tests leave mounted views and a shared router behind.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import AutoScalingView from '@/views/auto-scaling/AutoScalingView.vue';
import { GROUP, clock, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { installFakeCore } from '../../support/fake-api';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

beforeEach(() => {
  setActivePinia(createPinia());
  installFakeCore();
  useSessionStore().setClock(clock(10));
});

describe('AutoScalingView list and detail', () => {
  it('shows the open group as its row shows it: the list and the detail never disagree at one moment (issue 15)', async () => {
    const inventory = snapshot().inventory;
    const group = inventory.autoScalingGroups[0]!;
    const other = { ...group, autoScalingGroupName: 'other', autoScalingGroupARN: `${group.autoScalingGroupARN}-other` };
    const withGroups = (open: typeof group, second: typeof group) => ({ ...inventory, autoScalingGroups: [open, second] });
    useInventoryStore().replace(withGroups(group, other));
    const wrapper = mountWithApp(AutoScalingView);
    await flushPromises();
    const agree = () => {
      const row = wrapper.get(`[data-testid="asg-list-row"][data-group="${GROUP}"]`).text();
      const desired = wrapper.get('[data-testid="asg-capacity"]').attributes('data-desired');
      expect(row.endsWith(desired!), `row "${row}", detail desired ${desired}`).toBe(true);
      return Number(desired);
    };
    // Another group changes first (the list shows it at once), then the open group within the same second.
    useInventoryStore().replace(withGroups(group, { ...other, desiredCapacity: 5 }));
    await flushPromises();
    useInventoryStore().replace(withGroups({ ...group, desiredCapacity: 4 }, { ...other, desiredCapacity: 5 }));
    await flushPromises();
    expect(agree()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await flushPromises();
    expect(agree()).toBe(4);
  });

});
