/**
 * The renderer bench page (bench/renderer-charts.ts builds and drives it in Chromium): 20 charts ×
 * 3 series × 3,600 points drawn twice on one page — through the app's own path (metrics store →
 * MetricChart → use-chart) and with bare ECharts (arrays + setOption) — and one live update
 * (one new point per series) applied to either on demand. Not part of the app bundle.
 */
import * as echarts from 'echarts/core';
import { createPinia } from 'pinia';
import { createApp, defineComponent, h, nextTick } from 'vue';
import type { MetricSeries } from '@contract';
import MetricChart from '@/components/charts/MetricChart.vue';
import { buildMetricOption, type MetricChartSeries } from '@/components/charts/metric-option';
import { provideChartGroup } from '@/composables/use-chart-group';
import '@/composables/use-chart'; // registers the same tree-shaken ECharts parts for the bare charts
import { createAppI18n } from '@/i18n';
import { useMetricsStore } from '@/stores/metrics';
import { usePreferencesStore } from '@/stores/preferences';
import { useSessionStore } from '@/stores/session';

const params = new URLSearchParams(location.search);
const CHARTS = Number(params.get('charts') ?? 20);
const SERIES = 3;
const POINTS = Number(params.get('points') ?? 3600);
const PERIOD = 10; // seconds: 3,600 points are ten hours
const DOWNSAMPLE = params.get('downsample') !== 'off';
const START = Date.UTC(2026, 0, 1) / 1000;

const value = (chart: number, series: number, i: number): number => 50 + 30 * Math.sin((i + chart * 7 + series * 13) / 40) + ((i * 7919 + series) % 11);

function metric(chart: number, series: number, points: [number, number][]): MetricSeries {
  return { namespace: 'Bench', metricName: `m${series}`, dimensions: { Chart: String(chart) }, stat: 'Average', period: PERIOD, points };
}

let next = POINTS; // index of the next point to append
const pinia = createPinia();
const metrics = useMetricsStore(pinia);
metrics.setCapacity(POINTS);
usePreferencesStore(pinia).setTheme('light');
const session = useSessionStore(pinia);

const initial: MetricSeries[] = [];
for (let c = 0; c < CHARTS; c++) {
  for (let s = 0; s < SERIES; s++) initial.push(metric(c, s, Array.from({ length: POINTS }, (_, i) => [START + i * PERIOD, value(c, s, i)] as [number, number])));
}
metrics.load(initial);
const endMs = () => (START + (next - 1) * PERIOD) * 1000;
session.setClock({ now: endMs(), startTime: START * 1000, running: true, speed: 1 });

const specs = (chart: number): MetricChartSeries[] =>
  Array.from({ length: SERIES }, (_, s) => ({ id: `s${s}`, name: `series ${s}`, query: { namespace: 'Bench', metricName: `m${s}`, dimensions: { Chart: String(chart) }, stat: 'Average' } }));

const grid = { display: 'grid', gridTemplateColumns: 'repeat(4, 360px)', gap: '4px' };

const Root = defineComponent({
  setup() {
    // A preset window as long as the data: the charts follow the newest point, as live charts do.
    provideChartGroup({ kind: 'preset', minutes: 1440 });
    return () => h('div', { style: grid }, Array.from({ length: CHARTS }, (_, c) => h('div', { style: { width: '360px' } }, [h(MetricChart, { title: `chart ${c}`, series: specs(c), height: 160, downsample: DOWNSAMPLE })])));
  },
});
createApp(Root).use(pinia).use(createAppI18n('en')).mount('#ours');

// Bare ECharts: the same option, the same data, arrays kept by the page, setOption per update.
const bare = document.getElementById('bare')!;
Object.assign(bare.style, grid);
const bareCharts: { chart: echarts.ECharts; data: [number, number][][] }[] = [];
for (let c = 0; c < CHARTS; c++) {
  const el = document.createElement('div');
  el.style.cssText = 'width:360px;height:190px';
  bare.append(el);
  const chart = echarts.init(el, 'default', { renderer: 'canvas' });
  const data = Array.from({ length: SERIES }, (_, s) => Array.from({ length: POINTS }, (_, i) => [(START + i * PERIOD) * 1000, value(c, s, i)] as [number, number]));
  const option = buildMetricOption({
    series: specs(c),
    axes: [],
    markers: [],
    data: Object.fromEntries(data.map((d, s) => [`s${s}`, d])),
    window: { from: endMs() - 1440 * 60_000, to: endMs() },
    theme: 'light',
  });
  chart.setOption(option);
  bareCharts.push({ chart, data });
}

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

/** sync: the update's own script until it returns; total: until two frames later (rendering included). */
interface Timing {
  sync: number;
  total: number;
}

/** One live update through the app: a point per series into the store; the charts follow. */
async function updateOurs(): Promise<Timing> {
  const t0 = performance.now();
  const i = next++;
  const batch: MetricSeries[] = [];
  for (let c = 0; c < CHARTS; c++) for (let s = 0; s < SERIES; s++) batch.push(metric(c, s, [[START + i * PERIOD, value(c, s, i)]]));
  session.setClock({ now: endMs(), startTime: START * 1000, running: true, speed: 1 });
  metrics.append(batch);
  await nextTick();
  const t1 = performance.now();
  await frames(2);
  return { sync: t1 - t0, total: performance.now() - t0 };
}

/** The same update with bare ECharts: push, drop the oldest, setOption with the three arrays. */
async function updateBare(): Promise<Timing> {
  const t0 = performance.now();
  const i = next - 1; // the same point the app just took
  const to = (START + i * PERIOD) * 1000;
  for (let c = 0; c < CHARTS; c++) {
    const { chart, data } = bareCharts[c]!;
    data.forEach((series, s) => {
      series.push([to, value(c, s, i)]);
      series.shift();
    });
    chart.setOption({ xAxis: { min: to - 1440 * 60_000, max: to }, series: data.map((series, s) => ({ id: `s${s}`, data: series })) });
  }
  const t1 = performance.now();
  await frames(2);
  return { sync: t1 - t0, total: performance.now() - t0 };
}

declare global {
  interface Window {
    bench: { updateOurs: () => Promise<Timing>; updateBare: () => Promise<Timing>; ready: () => Promise<boolean> };
  }
}

/**
 * Runs an update from a task of the page's own (a timer), not from the DevTools evaluation that asks
 * for it: Chromium counts script run by Runtime.evaluate outside the page's ScriptDuration.
 */
function asPageTask(update: () => Promise<Timing>): () => Promise<Timing> {
  return () => new Promise((resolve) => setTimeout(() => void update().then(resolve), 0));
}

window.bench = {
  updateOurs: asPageTask(updateOurs),
  updateBare: asPageTask(updateBare),
  ready: async () => {
    await nextTick();
    await frames(3);
    return document.querySelectorAll('#ours canvas').length >= CHARTS && document.querySelectorAll('#bare canvas').length >= CHARTS;
  },
};
