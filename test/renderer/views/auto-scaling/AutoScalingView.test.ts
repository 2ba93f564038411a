// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDisplayClocks } from '@/composables/display-clock';
import { useActivitiesStore } from '@/stores/activities';
import { useEventsStore } from '@/stores/events';
import { useInventoryStore } from '@/stores/inventory';
import { useMetricsStore } from '@/stores/metrics';
import { useSessionStore } from '@/stores/session';
import AutoScalingView from '@/views/auto-scaling/AutoScalingView.vue';
import { chart, fullOptions } from '../../support/echarts-mock';
import { GROUP, START, activity, capacitySeries, clock, emptyInventory, fullInventory, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { installFakeCore } from '../../support/fake-api';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

vi.mock('echarts/core', () => import('../../support/echarts-mock'));

beforeEach(() => {
  // Live values and charts share the page's display tick (composables/display-clock): each test starts on a quiet page.
  resetDisplayClocks();
  setActivePinia(createPinia());
  vi.clearAllMocks();
  // Requests the view makes go to a fake core (it answers UnknownChannel unless told otherwise).
  installFakeCore();
  const data = snapshot();
  useSessionStore().setClock(clock(10));
  useInventoryStore().replace(data.inventory);
  useActivitiesStore().load(data.scalingActivities);
  useMetricsStore().load(data.metrics);
});

describe('AutoScalingView', () => {
  it('renders each group with its summary, instances, policies and activity history', () => {
    const wrapper = mountWithApp(AutoScalingView);
    const panel = wrapper.get(`[data-testid="asg-panel"][data-group="${GROUP}"]`);
    expect(panel.get('[data-testid="asg-desired"]').text()).toBe('2');
    expect(panel.get('[data-testid="asg-min"]').text()).toBe('2');
    expect(panel.get('[data-testid="asg-max"]').text()).toBe('6');
    expect(panel.get('[data-testid="asg-capacity"]').text()).toBe('1 of 2 InService · min 2 · max 6');
    expect(panel.findAll('[data-testid="asg-instance"]').map((row) => [row.attributes('data-instance-id'), row.attributes('data-lifecycle')])).toEqual([
      ['i-1', 'InService'],
      ['i-2', 'Pending'],
    ]);
    expect(panel.get('[data-testid="asg-policy"]').text()).toContain('ASGAverageCPUUtilization at 50');
    expect(panel.text()).toContain('web'); // target group name resolved from its ARN
    expect(panel.findAll('[data-testid="scaling-activity"]').map((row) => row.attributes('data-activity-id'))).toEqual(['a2', 'a1']);
  });

  it('draws capacity (desired, InService, min, max) and CPU, and sends only the series that changed', async () => {
    const wrapper = mountWithApp(AutoScalingView);
    const capacity = wrapper.get('[data-testid="capacity-chart"]');
    expect(capacity.attributes('data-point-count')).toBe('20'); // desired + InService; min/max not in the fixture
    expect(chart.init).toHaveBeenCalledTimes(2); // capacity and CPU, nothing else
    const [capacityOption, cpuOption] = fullOptions();
    expect(capacityOption!.series.map((s) => [s.id, s.data.length])).toEqual([
      ['desired', 10],
      ['inService', 10],
      ['min', 0],
      ['max', 0],
      ['__markers', 0],
    ]);
    expect(cpuOption!.series.map((s) => s.id)).toEqual(['cpu', '__markers']);

    chart.setOption.mockClear();
    useMetricsStore().append([capacitySeries(10, 2)[2]!]); // CPU only
    useSessionStore().setClock(clock(12));
    await flushPromises();
    await nextFrame(); // charts draw at most once per animation frame
    expect(chart.init).toHaveBeenCalledTimes(2); // instances are reused
    const cpuUpdate = chart.setOption.mock.calls.map((call) => call[0]).find((partial) => partial.series?.some((s: { id: string }) => s.id === 'cpu'));
    expect(cpuUpdate.series.find((s: { id: string }) => s.id === 'cpu').data).toHaveLength(12);
    // Unchanged series are not re-sent: desired/InService appear in no partial update.
    const sentIds = chart.setOption.mock.calls.flatMap((call) => (call[0].series ?? []).map((s: { id: string }) => s.id));
    expect(sentIds).not.toContain('desired');
    expect(chart.setOption.mock.calls.every((call) => call[1]?.lazyUpdate === true)).toBe(true);
  });

  it('marks scaling activities and alarm transitions on the capacity chart', async () => {
    useInventoryStore().replace(fullInventory());
    useEventsStore().load({
      alarmHistory: [{ alarmName: fullInventory().alarms[0]!.alarmName, timestamp: new Date(START + 5 * 60_000).toISOString(), oldState: 'OK', newState: 'ALARM', reason: 'Threshold Crossed' }],
      rdsEvents: [],
      timeline: [],
    });
    mountWithApp(AutoScalingView);
    await flushPromises();
    const markers = fullOptions()[0]!.series.find((s) => s.id === '__markers') as unknown as { markLine: { data: { xAxis: number; name: string }[] } };
    const names = markers.markLine.data.map((m) => m.name);
    expect(names.some((name) => name.includes('AlarmHigh → ALARM'))).toBe(true);
    expect(names.filter((name) => name.includes('Launching a new EC2 instance'))).toHaveLength(2);
  });

  it('shows the new activity and capacity when the inventory and activities change', async () => {
    const wrapper = mountWithApp(AutoScalingView);
    const inventory = snapshot().inventory;
    const group = inventory.autoScalingGroups[0]!;
    useInventoryStore().replace({
      ...inventory,
      autoScalingGroups: [{ ...group, desiredCapacity: 3, instances: group.instances.map((instance) => ({ ...instance, lifecycleState: 'InService' as const })) }],
    });
    useActivitiesStore().upsert([activity('a3', 9, 'InProgress')]);
    await flushPromises();
    expect(wrapper.get('[data-testid="asg-capacity"]').text()).toBe('2 of 3 InService · min 2 · max 6');
    expect(wrapper.findAll('[data-testid="scaling-activity"]')[0]!.attributes('data-status')).toBe('InProgress');
  });

  it('says whether group metrics collection is on, and how to turn it on (issue 11 item 4)', () => {
    // The simulator publishes every group metric: nothing to say.
    expect(mountWithApp(AutoScalingView).find('[data-testid="group-metrics"]').exists()).toBe(false);
    const data = snapshot();
    const group = data.inventory.autoScalingGroups[0]!;
    useInventoryStore().replace({ ...data.inventory, autoScalingGroups: [{ ...group, enabledMetrics: [] }] });
    const off = mountWithApp(AutoScalingView).get('[data-testid="group-metrics"]');
    expect(off.attributes('data-collection')).toBe('off');
    expect(off.text()).toContain('sampled from DescribeAutoScalingGroups');
    expect(off.text()).toContain(`aws autoscaling enable-metrics-collection --auto-scaling-group-name ${GROUP} --granularity "1Minute"`);
    useInventoryStore().replace({ ...data.inventory, autoScalingGroups: [{ ...group, enabledMetrics: ['GroupDesiredCapacity', 'GroupInServiceInstances', 'GroupMinSize', 'GroupMaxSize'] }] });
    const on = mountWithApp(AutoScalingView).get('[data-testid="group-metrics"]');
    expect(on.attributes('data-collection')).toBe('on');
    expect(on.text()).not.toContain('enable-metrics-collection');
  });

  it('labels the CPU chart with the period EC2 publishes it at, basic or detailed monitoring (issue 11 item 4)', () => {
    const title = () => mountWithApp(AutoScalingView).get('[data-testid="cpu-chart"]').attributes('data-title');
    // The simulator publishes one-minute CPU and says nothing about monitoring.
    expect(title()).toBe('CPU utilization');
    const data = snapshot();
    const group = data.inventory.autoScalingGroups[0]!;
    useInventoryStore().replace({ ...data.inventory, autoScalingGroups: [{ ...group, instanceMonitoring: 'basic' }] });
    expect(title()).toBe('CPU utilization · 5-minute (basic monitoring)');
    useInventoryStore().replace({ ...data.inventory, autoScalingGroups: [{ ...group, instanceMonitoring: 'detailed' }] });
    expect(title()).toBe('CPU utilization · 1-minute (detailed monitoring)');
  });

  it('labels the monitoring in Korean too', () => {
    const data = snapshot();
    const group = data.inventory.autoScalingGroups[0]!;
    useInventoryStore().replace({ ...data.inventory, autoScalingGroups: [{ ...group, instanceMonitoring: 'basic' }] });
    const wrapper = mountWithApp(AutoScalingView, { locale: 'ko' });
    expect(wrapper.get('[data-testid="cpu-chart"]').attributes('data-title')).toBe('CPU 사용률 · 5분(기본 모니터링)');
  });

  it('disposes the charts when the view goes away', () => {
    const wrapper = mountWithApp(AutoScalingView);
    wrapper.unmount();
    expect(chart.dispose).toHaveBeenCalledTimes(2);
  });

  it('has an honest empty state', () => {
    useInventoryStore().replace(emptyInventory());
    const wrapper = mountWithApp(AutoScalingView);
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain('No Auto Scaling groups');
  });
});
