// @vitest-environment happy-dom
/**
 * Subscriptions per visible view (issue 15 item 5): the Auto Scaling view tells the host the series
 * its charts draw, the lists it shows and the group whose instance table is open; the history the
 * host answers with fills the chart at once; instance CPU comes from what the host pushes for the
 * group; and leaving the view lets all of it go.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { metricQueryKey, type LiveSubscription } from '@contract';
import { resetDisplayClocks } from '@/composables/display-clock';
import { useInstanceCpuStore } from '@/stores/instance-cpu';
import { useInventoryStore } from '@/stores/inventory';
import { useMetricsStore } from '@/stores/metrics';
import { useSessionStore } from '@/stores/session';
import AutoScalingView from '@/views/auto-scaling/AutoScalingView.vue';
import { GROUP, capacityQueries, capacitySeries, clock, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { installFakeCore, type FakeCore } from '../../support/fake-api';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

let core: FakeCore;
beforeEach(() => {
  // Live values and charts share the page's display tick (composables/display-clock): each test starts on a quiet page.
  resetDisplayClocks();
  setActivePinia(createPinia());
  core = installFakeCore();
  useSessionStore().setClock(clock(10));
  useInventoryStore().replace(snapshot().inventory);
});

const last = () => core.subscriptions.at(-1) as LiveSubscription;

describe('the Auto Scaling view subscribes what it shows', () => {
  it('asks for its charts’ series, its lists and its group’s instance CPU, and fills the charts from the answer', async () => {
    core.answer('live.subscribe', (payload: unknown) => ({ metrics: (payload as LiveSubscription).metrics.length > 0 ? capacitySeries(0, 10) : [] }));
    const wrapper = mountWithApp(AutoScalingView);
    await flushPromises();
    const sent = last();
    const keys = sent.metrics.map(metricQueryKey);
    for (const query of Object.values(capacityQueries(GROUP))) expect(keys).toContain(metricQueryKey(query));
    expect(sent.lists).toEqual(['alarmHistory']);
    // This group's activities, not every group's.
    expect(sent.activitiesOf).toEqual([GROUP]);
    expect(sent.instanceCpu).toEqual([GROUP]);
    expect(sent.history).toBe(true);
    // No snapshot carried these series: the answer's history did.
    expect(useMetricsStore().find(capacityQueries(GROUP).cpu)?.length).toBe(10);
    wrapper.unmount();
    await flushPromises();
    expect(last()).toMatchObject({ metrics: [], lists: [], instanceCpu: [], activitiesOf: [] });
  });

  it('shows each instance’s CPU as pushed for its group', async () => {
    useInstanceCpuStore().load({ [GROUP]: { 'i-1': 61.4, 'i-2': 7.6 } });
    const wrapper = mountWithApp(AutoScalingView);
    await flushPromises();
    const cpuOf = (id: string) => wrapper.get(`[data-testid="asg-instance"][data-instance-id="${id}"]`).text();
    expect(cpuOf('i-1')).toContain('61');
    expect(cpuOf('i-2')).toContain('8');
    useInstanceCpuStore().merge({ [GROUP]: { 'i-1': 93, 'i-2': 7.6 } });
    await flushPromises();
    expect(cpuOf('i-1')).toContain('93');
    wrapper.unmount();
  });
});
