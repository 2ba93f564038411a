/**
 * The one way this app draws a chart (after soybean-admin's `useEcharts`): tree-shaken ECharts,
 * a non-reactive instance, resize with the container, theme switching, linking into a view's
 * chart group (shared crosshair and zoom through echarts.connect), PNG export and disposal in one
 * place. Callers give a full option once (`build`) and afterwards push only what changed
 * (`update`), so a live chart never rebuilds its instance or re-sends its axes for every datapoint.
 */
import * as echarts from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { markRaw, onBeforeUnmount, onMounted, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, TitleComponent, CanvasRenderer]);

export type ECOption = echarts.ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | DataZoomComponentOption | MarkLineComponentOption | TitleComponentOption
>;

export type ChartTheme = 'light' | 'dark';

export interface UseChartOptions {
  /** The complete option: used at mount and again on theme changes and refresh(). */
  build: () => ECOption;
  theme?: MaybeRefOrGetter<ChartTheme>;
  /** echarts.connect group: charts in one group share the crosshair, tooltip and zoom. */
  group?: string;
  /** Called when the chart scrolls back into view (updates skipped while hidden are due). */
  onVisible?: () => void;
}

/** ECharts' built-in names: 'default' is the light theme. */
const themeName = (theme: ChartTheme): string => (theme === 'dark' ? 'dark' : 'default');

/** Page background per theme, so an exported PNG looks like the screen rather than transparent. */
const EXPORT_BACKGROUND: Record<ChartTheme, string> = { light: '#ffffff', dark: '#161b22' };

export function connectGroup(group: string): void {
  echarts.connect(group);
}

export function disconnectGroup(group: string): void {
  echarts.disconnect(group);
}

export function useChart(options: UseChartOptions) {
  /** Bind with `ref="el"` on an empty element that has a height. */
  const el = ref<HTMLElement | null>(null);
  let chart: echarts.ECharts | undefined;
  let observer: ResizeObserver | undefined;
  let intersection: IntersectionObserver | undefined;
  /**
   * The element's width, kept by the ResizeObserver: reading clientWidth while drawing forced a
   * layout per series per update (issue 15).
   */
  let width = 0;
  /** In or near the viewport; true until an IntersectionObserver says otherwise (or where there is none). */
  let visible = true;

  onMounted(() => {
    if (!el.value) return;
    chart = markRaw(echarts.init(el.value, themeName(toValue(options.theme) ?? 'light'), { renderer: 'canvas' }));
    // zrender runs an animation-frame loop per chart and keeps it awake for ten frames after each
    // draw (setSleepAfterStill defaults to 10): at ×3600 the charts of a view kept the page rendering
    // 15 frames a second, each with a commit, for nothing that moved (animation is off). One still
    // frame is enough: anything that changes the picture (setOption, a hover's pointer, a zoom) calls
    // refresh() or wakeUp(), which restarts the loop (zrender/src/zrender.ts).
    chart.getZr().setSleepAfterStill(1);
    chart.setOption(options.build());
    if (options.group) {
      chart.group = options.group;
      echarts.connect(options.group);
    }
    width = el.value.clientWidth;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver((entries) => {
        const box = entries[entries.length - 1]?.contentRect;
        if (box) width = box.width;
        chart?.resize();
      });
      observer.observe(el.value);
    }
    if (typeof IntersectionObserver !== 'undefined') {
      // A margin of half a screen: a chart scrolled towards is drawn before it shows.
      intersection = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1];
          if (!entry) return;
          const was = visible;
          visible = entry.isIntersecting;
          if (visible && !was) options.onVisible?.();
        },
        { rootMargin: '50% 0px' },
      );
      intersection.observe(el.value);
    }
  });

  watch(
    () => toValue(options.theme),
    (theme) => {
      if (!chart || !theme) return;
      chart.setTheme(themeName(theme));
      // Theme defaults lose to explicit colours in the option, so re-apply the option built for the new theme.
      chart.setOption(options.build(), { notMerge: true });
    },
  );

  onBeforeUnmount(() => {
    observer?.disconnect();
    observer = undefined;
    intersection?.disconnect();
    intersection = undefined;
    chart?.dispose();
    chart = undefined;
  });

  /** Merges a partial option (by series id); drawn on the next frame, so bursts of Updates coalesce. */
  function update(partial: ECOption): void {
    chart?.setOption(partial, { lazyUpdate: true });
  }

  /** Re-applies the full option, e.g. after the language changed the axis names. */
  function refresh(): void {
    chart?.setOption(options.build(), { notMerge: true });
  }

  /**
   * The chart as a PNG data URL at twice the screen resolution, on the theme's background, with a
   * title and subtitle drawn inside (a file read later must say what it shows and when). The title
   * is shown only for the capture, then hidden again; the layout offsets are the option's own.
   */
  function exportPng(heading?: { title: string; subtitle: string; gridTop: number; legendTop: number }): string | undefined {
    if (!chart) return undefined;
    if (heading) chart.setOption({ title: { show: true, text: heading.title, subtext: heading.subtitle, left: 8, top: 2, textStyle: { fontSize: 13 }, subtextStyle: { fontSize: 11 } }, grid: { top: heading.gridTop + 46 }, legend: { top: heading.legendTop + 46 } });
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: EXPORT_BACKGROUND[toValue(options.theme) ?? 'light'] });
    if (heading) chart.setOption({ title: { show: false }, grid: { top: heading.gridTop }, legend: { top: heading.legendTop } });
    return url;
  }

  return { el, update, refresh, exportPng, instance: () => chart, width: () => width, visible: () => visible };
}
