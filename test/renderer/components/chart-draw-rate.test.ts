// @vitest-environment happy-dom
/**
 * Issue 15, a live UI that keeps up at ×3600: a live chart sends ECharts at most one update a
 * second however fast pushes arrive (four a second at ×3600), a forced draw (a range change) does
 * not wait, and markers a view rebuilt unchanged cause no redraw at all.
 */
/* eslint-disable vue/one-component-per-file -- one host per test: a single chart, and a view with two */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref, shallowRef } from 'vue';
import MetricChart from '@/components/charts/MetricChart.vue';
import { sameMarkers, type ChartMarker } from '@/components/charts/metric-option';
import { resetDisplayClocks } from '@/composables/display-clock';
import { provideChartGroup, type ChartGroup } from '@/composables/use-chart-group';
import { useMetricsStore } from '@/stores/metrics';
import { useSessionStore } from '@/stores/session';
import { chart } from '../support/echarts-mock';
import { capacityQueries, capacitySeries, clock, START } from '../support/fixtures';
import { mountWithApp } from '../support/mount';

vi.mock('echarts/core', () => import('../support/echarts-mock'));

const { desired, cpu } = capacityQueries('web-asg');
const markers = shallowRef<ChartMarker[]>([]);
let group: ChartGroup;
const Host = defineComponent({
  setup() {
    group = provideChartGroup();
    return () => h(MetricChart, { title: 'Capacity', series: [{ id: 'desired', name: 'Desired', query: desired }], markers: markers.value });
  },
});
/** Updates that carried the chart's series or its markers (the mount's full option excluded). */
const updates = () => chart.setOption.mock.calls.filter((call) => call[0]?.useUTC !== true && call[0]?.series !== undefined);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
  // The page's display tick (composables/display-clock) is shared: each test starts on a quiet page.
  resetDisplayClocks();
  setActivePinia(createPinia());
  vi.clearAllMocks();
  markers.value = [];
  useSessionStore().setClock(clock(10));
  useMetricsStore().load(capacitySeries(0, 5));
});

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  // Each test's chart goes: the echarts mock is shared, and a chart left mounted would draw into the next test.
  mounted.splice(0).forEach((wrapper) => wrapper.unmount());
  vi.useRealTimers();
});

function mountHost(): void {
  mounted.push(mountWithApp(Host));
}

/** One push as the host sends it at speed: a new datapoint and the clock a minute on. */
async function push(minute: number): Promise<void> {
  useMetricsStore().append([capacitySeries(minute, 1)[0]!]);
  useSessionStore().setClock(clock(minute + 6));
  await flushPromises();
}

describe('live charts draw at most once a second (issue 15)', () => {
  it('sends four pushes a second to ECharts as one update a second, the last one whole', async () => {
    mountHost();
    chart.setOption.mockClear();
    for (let i = 0; i < 8; i++) {
      await push(5 + i);
      await vi.advanceTimersByTimeAsync(250);
    }
    await vi.advanceTimersByTimeAsync(1100);
    // 8 pushes over 2 s: the first draws at once, the rest at most once per second.
    expect(updates().length).toBeGreaterThanOrEqual(2);
    expect(updates().length).toBeLessThanOrEqual(3);
    const last = updates().at(-1)![0] as { series: { id: string; data: unknown[] }[]; xAxis: { max: number } };
    expect(last.series.find((s) => s.id === 'desired')!.data).toHaveLength(13);
    expect(last.xAxis.max).toBe(START + 18 * 60_000);
  });

  it('draws a range change at once, without waiting for the interval', async () => {
    mountHost();
    await push(5);
    await vi.advanceTimersByTimeAsync(20);
    chart.setOption.mockClear();
    group.range.value = { kind: 'preset', minutes: 180 };
    await flushPromises();
    await vi.advanceTimersByTimeAsync(20);
    expect(updates()).toHaveLength(1);
  });

  it('does not redraw for markers rebuilt equal, and redraws for a new one', async () => {
    const marker: ChartMarker = { time: START + 3 * 60_000, kind: 'activity', label: 'Launching', tone: 'info' };
    markers.value = [marker];
    mountHost();
    await vi.advanceTimersByTimeAsync(1100);
    chart.setOption.mockClear();
    markers.value = [{ ...marker }];
    await flushPromises();
    await vi.advanceTimersByTimeAsync(1100);
    expect(updates()).toHaveLength(0);
    markers.value = [{ ...marker }, { ...marker, time: START + 4 * 60_000 }];
    await flushPromises();
    await vi.advanceTimersByTimeAsync(1100);
    const sent = updates().map((call) => (call[0] as { series: { id: string; markLine?: { data: unknown[] } }[] }).series.find((s) => s.id === '__markers')?.markLine?.data.length);
    expect(sent).toEqual([2]);
  });

  it('compares markers by what they show', () => {
    const a: ChartMarker = { time: 1, kind: 'alarm', label: 'High → ALARM', tone: 'bad' };
    expect(sameMarkers([a], [{ ...a }])).toBe(true);
    expect(sameMarkers([a], [{ ...a, label: 'High → OK' }])).toBe(false);
    expect(sameMarkers([a], [])).toBe(false);
  });

  it('lets each chart\'s animation loop sleep after one still frame, not ten: frames the page renders for nothing', () => {
    // zrender keeps a chart's requestAnimationFrame loop awake for ten frames after each draw; with a
    // view's charts drawing once a second that kept the page at 15 frames a second (each a commit).
    mountHost();
    expect(chart.setSleepAfterStill).toHaveBeenCalledWith(1);
  });

  it('draws the charts of a view in the same frame, also one shown later: their animation loops run together', async () => {
    // A second chart that appears half a second into the pushes (a detail opened) used to start its
    // own second: the two drew in different frames for good, and each draw keeps ECharts' animation
    // loop awake for ten frames, so the page rendered frames all through the second.
    const second = ref(false);
    const Pair = defineComponent({
      setup() {
        provideChartGroup();
        return () => [
          h(MetricChart, { title: 'Capacity', series: [{ id: 'desired', name: 'Desired', query: desired }] }),
          second.value ? h(MetricChart, { title: 'CPU', series: [{ id: 'cpu', name: 'CPU', query: cpu }] }) : null,
        ];
      },
    });
    mounted.push(mountWithApp(Pair));
    const drawnAt: number[] = [];
    chart.setOption.mockImplementation((option: { useUTC?: boolean; series?: unknown }) => {
      if (option?.useUTC !== true && option?.series !== undefined) drawnAt.push(performance.now());
    });
    for (let quarter = 0; quarter < 12; quarter++) {
      if (quarter === 2) second.value = true;
      await push(5 + quarter);
      await vi.advanceTimersByTimeAsync(250);
    }
    await vi.advanceTimersByTimeAsync(1100);
    chart.setOption.mockImplementation(() => undefined);
    const frames = new Set(drawnAt);
    // Both charts kept drawing (at most once a second each) ...
    expect(drawnAt.length).toBeGreaterThanOrEqual(6);
    // ... in the same frames: one a second for both (three seconds of pushes), not one per chart.
    expect(frames.size).toBeLessThanOrEqual(4);
    expect(frames.size * 2 - drawnAt.length).toBeLessThanOrEqual(1);
  });
});
