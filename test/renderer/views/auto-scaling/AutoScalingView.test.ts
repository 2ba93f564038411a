// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useActivitiesStore } from '@/stores/activities';
import { useInventoryStore } from '@/stores/inventory';
import { useMetricsStore } from '@/stores/metrics';
import AutoScalingView from '@/views/auto-scaling/AutoScalingView.vue';
import { GROUP, activity, capacitySeries, emptyInventory, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

// happy-dom has no canvas: replace ECharts with a recorder of what the view asks it to draw.
const chart = vi.hoisted(() => ({
  init: vi.fn(),
  setOption: vi.fn(),
  setTheme: vi.fn(),
  dispose: vi.fn(),
  resize: vi.fn(),
}));
vi.mock('echarts/core', () => ({
  use: vi.fn(),
  init: chart.init.mockImplementation(() => ({ setOption: chart.setOption, setTheme: chart.setTheme, dispose: chart.dispose, resize: chart.resize })),
}));

beforeEach(() => {
  setActivePinia(createPinia());
  vi.clearAllMocks();
  const data = snapshot();
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

  it('draws desired, InService and CPU, and sends only new data as metrics arrive', async () => {
    const wrapper = mountWithApp(AutoScalingView);
    const container = wrapper.get('[data-testid="capacity-chart"]');
    expect(container.attributes('data-point-count')).toBe('30');
    expect(chart.init).toHaveBeenCalledTimes(1);
    const option = chart.setOption.mock.calls[0]![0];
    expect(option.useUTC).toBe(true);
    expect(option.series.map((s: { id: string; data: unknown[] }) => [s.id, s.data.length])).toEqual([
      ['desired', 10],
      ['inService', 10],
      ['cpu', 10],
    ]);
    expect(option.series.map((s: { step?: string }) => s.step)).toEqual(['end', 'end', undefined]);
    expect(option.yAxis[1]).toMatchObject({ min: 0, max: 100 });

    chart.setOption.mockClear();
    useMetricsStore().append([capacitySeries(10, 2)[2]!]); // CPU only
    await flushPromises();
    expect(container.attributes('data-point-count')).toBe('32');
    expect(chart.init).toHaveBeenCalledTimes(1); // the instance is reused
    expect(chart.setOption).toHaveBeenCalledTimes(1);
    const [partial, opts] = chart.setOption.mock.calls[0]!;
    expect(partial).toEqual({ series: [{ id: 'cpu', data: expect.any(Array) }] });
    expect(partial.series[0].data).toHaveLength(12);
    expect(opts).toEqual({ lazyUpdate: true });
  });

  it('shows the new activity and capacity when the inventory and activities change', async () => {
    const wrapper = mountWithApp(AutoScalingView);
    const inventory = snapshot().inventory;
    inventory.autoScalingGroups[0]!.desiredCapacity = 4;
    useInventoryStore().replace(inventory);
    useActivitiesStore().upsert([activity('a3', 12, 'InProgress')]);
    await flushPromises();
    expect(wrapper.get('[data-testid="asg-desired"]').text()).toBe('4');
    expect(wrapper.findAll('[data-testid="scaling-activity"]')[0]!.attributes('data-status')).toBe('InProgress');
  });

  it('disposes the chart when the view goes away', () => {
    const wrapper = mountWithApp(AutoScalingView);
    wrapper.unmount();
    expect(chart.dispose).toHaveBeenCalledTimes(1);
  });

  it('has an honest empty state', () => {
    useInventoryStore().replace(emptyInventory());
    const wrapper = mountWithApp(AutoScalingView);
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain('No Auto Scaling groups in this scenario');
  });
});
