// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { buildMetricOption, CHART_GRID_TOP } from '@/components/charts/metric-option';
import ChartToolbar from '@/components/charts/ChartToolbar.vue';
import MetricChart from '@/components/charts/MetricChart.vue';
import { provideChartGroup } from '@/composables/use-chart-group';
import { chartFileName } from '@/utils/csv';
import { chart } from '../support/echarts-mock';
import { mountWithApp } from '../support/mount';

vi.mock('echarts/core', () => import('../support/echarts-mock'));

const T0 = Date.UTC(2026, 10, 20, 13, 0);

beforeEach(() => {
  setActivePinia(createPinia());
  vi.clearAllMocks();
});

describe('chart exports say what they show', () => {
  it('names files after view, resource, chart and time range (Korean titles kept)', () => {
    expect(chartFileName({ view: 'auto-scaling', subject: 'web-asg', title: 'Capacity', from: T0, to: T0 + 3_600_000 }, 'png')).toBe('auto-scaling_web-asg_Capacity_20261120T1300Z-20261120T1400Z.png');
    expect(chartFileName({ title: '용량 · 인스턴스', from: T0, to: T0 + 60_000 }, 'csv')).toBe('용량-인스턴스_20261120T1300Z-20261120T1301Z.csv');
  });
});

describe('chart option: legends, tooltips and markers', () => {
  const option = () =>
    buildMetricOption({
      series: [{ id: 'a', name: 'Requests', query: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', stat: 'Sum', dimensions: {} } }],
      axes: [],
      markers: [{ time: T0 + 30 * 60_000, kind: 'scheduled', label: 'friday-peak: desired 6' }],
      data: { a: [[T0, 1]] },
      window: { from: T0, to: T0 + 3_600_000 },
      theme: 'light',
    });

  it('keeps the legend on one scrolling line above the plot and the tooltip inside the chart', () => {
    const o = option() as { legend: { type: string; top: number }; grid: { top: number }; tooltip: { confine: boolean } };
    expect(o.legend).toMatchObject({ type: 'scroll', top: 0 });
    expect(o.grid.top).toBe(CHART_GRID_TOP);
    expect(o.tooltip.confine).toBe(true);
  });

  it('names a marker in the axis tooltip when the pointer is on it (no clipped canvas label)', () => {
    const formatter = (option() as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;
    const text = formatter([{ value: [T0 + 30 * 60_000, 5], seriesName: 'Requests', seriesIndex: 0 }]);
    expect(text).toContain('◷ 13:30 friday-peak: desired 6');
    expect(formatter([{ value: [T0 + 5 * 60_000, 5], seriesName: 'Requests', seriesIndex: 0 }])).not.toContain('friday-peak');
  });
});

describe('zoom is visible and resettable, and a new range starts unzoomed', () => {
  const View = defineComponent({
    setup() {
      const group = provideChartGroup();
      return () => h('div', [h(ChartToolbar), h(MetricChart, { title: 'Requests', series: [] }), h('span', { 'data-testid': 'range' }, JSON.stringify(group.range.value))]);
    },
  });

  it('shows Zoomed with a reset after a zoom, zooms out on reset and on a range change', async () => {
    const wrapper = mountWithApp(View);
    await flushPromises();
    expect(wrapper.find('[data-testid="chart-zoomed"]').exists()).toBe(false);
    // ECharts reports a zoom: the handler MetricChart registered reads the zoom window.
    chart.getOption.mockReturnValue({ dataZoom: [{ start: 40, end: 60 }] });
    const onZoom = chart.on.mock.calls.find((call) => call[0] === 'datazoom')![1] as () => void;
    onZoom();
    await flushPromises();
    expect(wrapper.get('[data-testid="chart-zoomed"]').text()).toContain('Zoomed');
    await wrapper.get('[data-testid="chart-zoom-reset"]').trigger('click');
    await flushPromises();
    expect(chart.dispatchAction).toHaveBeenCalledWith({ type: 'dataZoom', start: 0, end: 100 });
    expect(wrapper.find('[data-testid="chart-zoomed"]').exists()).toBe(false);

    chart.dispatchAction.mockClear();
    onZoom();
    await flushPromises();
    await wrapper.get('[data-testid="range-1440"]').trigger('click');
    await flushPromises();
    expect(chart.dispatchAction).toHaveBeenCalledWith({ type: 'dataZoom', start: 0, end: 100 });
    expect(wrapper.find('[data-testid="chart-zoomed"]').exists()).toBe(false);
  });
});

describe('scheduled actions are drawn', () => {
  it('extends a live chart a little past now to show the next scheduled run as a marker', async () => {
    const { useSessionStore } = await import('@/stores/session');
    const { fullOptions } = await import('../support/echarts-mock');
    useSessionStore().setClock({ now: T0, startedAt: T0 - 3_600_000, running: true, speed: 60 } as never);
    const next = T0 + 10 * 60_000;
    mountWithApp(MetricChart, { props: { title: 'Capacity', series: [], markers: [{ time: next, kind: 'scheduled', label: 'friday-peak' }] } });
    await flushPromises();
    const option = fullOptions().at(-1) as unknown as { xAxis: { max: number }; series: { id: string; markLine?: { data: { xAxis: number }[] } }[] };
    expect(option.xAxis.max).toBeGreaterThan(next);
    expect(option.series.find((s) => s.id === '__markers')!.markLine!.data.map((d) => d.xAxis)).toEqual([next]);
  });
});
