// @vitest-environment happy-dom
/**
 * Pushes that scale, in the window (issue 15 item 5): field-level inventory patches change only the
 * resources they name; a view that shows only the latest of a list asks for the newest per frame,
 * another view that takes it whole wins; the entries left out are counted, said under the table,
 * and start over with a snapshot.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveSubscription } from '@contract';
import { setApi } from '@/api';
import { useInventoryStore } from '@/stores/inventory';
import { useLiveInterestStore } from '@/stores/live-interest';
import { useLiveStore } from '@/stores/live';
import { useSkippedStore } from '@/stores/skipped';
import OverviewView from '@/views/overview/OverviewView.vue';
import { fullInventory, snapshot, update } from '../support/fixtures';
import { mountWithApp } from '../support/mount';
import { installFakeCore, type FakeCore } from '../support/fake-api';

vi.mock('echarts/core', () => import('../support/echarts-mock'));

let core: FakeCore;
beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
});
afterEach(() => {
  useLiveStore().stop();
  setApi(undefined);
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('field-level patches in the inventory store', () => {
  it('a patch changes the named instance of the named group; other resources keep their objects', async () => {
    const inventory = fullInventory();
    const group = inventory.autoScalingGroups[0]!;
    const instance = group.instances[0]!;
    core.answer('snapshot.get', snapshot({ inventory, inventoryVersion: 1 }));
    useLiveStore().start();
    await flush();
    const store = useInventoryStore();
    const targetGroups = store.targetGroups;
    const patch = { from: 1, to: 2, autoScalingGroups: { upserted: [], removed: [], patched: [{ key: group.autoScalingGroupName, set: { desiredCapacity: 7 }, lists: { instances: { upserted: [], removed: [], patched: [{ key: instance.instanceId, set: { lifecycleState: 'Terminating' } }] } } }] } };
    core.emit('update', update({ inventory: patch }));
    await frame();
    const after = store.autoScalingGroups[0]!;
    expect(after.desiredCapacity).toBe(7);
    expect(after.instances[0]).toEqual({ ...instance, lifecycleState: 'Terminating' });
    expect(after.instances.slice(1)).toEqual(group.instances.slice(1));
    expect(after.policies).toEqual(group.policies);
    expect(store.targetGroups).toBe(targetGroups);
  });
});

describe('instances and targets only while a view lists them (contract/member-counts.ts)', () => {
  it("a group's instances come with the subscription's answer and go when no view lists them; the counts serve the rest", async () => {
    const counted = snapshot().inventory.autoScalingGroups[0]!;
    const members = counted.instances;
    const inventory = { ...snapshot().inventory, autoScalingGroups: [{ ...counted, instances: [], instanceCounts: { total: 2, inService: 1, unhealthy: 0 } }] };
    core.answer('snapshot.get', snapshot({ inventory, inventoryVersion: 1 }));
    core.answer('live.subscribe', (payload: unknown) => ((payload as LiveSubscription).instanceCpu.includes(counted.autoScalingGroupName) ? { metrics: [], members: { instances: { [counted.autoScalingGroupName]: members }, targets: {} } } : { metrics: [] }));
    useLiveStore().start();
    await flush();
    const store = useInventoryStore();
    expect(store.instanceCount).toBe(2);
    expect(store.autoScalingGroups[0]!.instances).toEqual([]);
    const table = useLiveInterestStore().hold();
    table.set({ instanceCpu: [counted.autoScalingGroupName] });
    await flush();
    expect(store.autoScalingGroups[0]!.instances).toEqual(members);
    table.release();
    await flush();
    expect(store.autoScalingGroups[0]!.instances).toEqual([]);
    expect(store.instanceCount).toBe(2);
  });
});

describe('lists bounded per frame', () => {
  it('the union asks for the largest bound, and for the whole list when one view takes it whole', () => {
    const interest = useLiveInterestStore();
    const overview = interest.hold();
    overview.set({ lists: ['timeline', 'scalingActivities'], newest: { timeline: 30, scalingActivities: 30 } });
    const group = interest.hold();
    group.set({ activitiesOf: ['web-asg'] });
    expect(interest.union()).toMatchObject({ lists: ['scalingActivities', 'timeline'], newest: { timeline: 30, scalingActivities: 30 }, activitiesOf: ['web-asg'] });
    const faults = interest.hold();
    faults.set({ lists: ['timeline'] });
    expect(interest.union().newest).toEqual({ scalingActivities: 30 });
    faults.release();
    overview.set({ lists: ['scalingActivities'] });
    // The whole list: the group's activities are in it.
    expect(interest.union()).toMatchObject({ newest: {}, activitiesOf: [] });
  });

  it('the Overview asks for the newest of its lists and says how many more there were; a snapshot starts the count over', async () => {
    core.answer('snapshot.get', snapshot());
    useLiveStore().start();
    await flush();
    const wrapper = mountWithApp(OverviewView);
    await flushPromises();
    const sent = core.subscriptions.at(-1) as LiveSubscription;
    // The table shows about ten rows, redrawn at most once a second: ten of each kind per frame fill it.
    expect(sent.newest).toEqual({ scalingActivities: 10, alarmHistory: 10, rdsEvents: 10, timeline: 10 });
    expect(wrapper.find('[data-testid="events-not-listed"]').exists()).toBe(false);
    core.emit('update', update({ skipped: { timeline: 1200, scalingActivities: 34, accessLog: 5 } }));
    core.emit('update', update({ skipped: { timeline: 10 } }));
    await frame();
    await flushPromises();
    expect(useSkippedStore().counts.timeline).toBe(1210);
    expect(wrapper.get('[data-testid="events-not-listed"]').text()).toContain('1,244');
    await useLiveStore().reload();
    await flushPromises();
    expect(useSkippedStore().total(['timeline', 'scalingActivities', 'accessLog'])).toBe(0);
    expect(wrapper.find('[data-testid="events-not-listed"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
